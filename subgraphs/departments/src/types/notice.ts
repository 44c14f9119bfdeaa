import { check, rules } from '@shequ/kit';
import { randomUUID } from 'node:crypto';
import type { Notice as NoticeRow } from '../generated/prisma/client.js';
import { demand } from '../access.js';
import { builder, type Context } from '../builder.js';
import { actsForOwner, checkOwner, ownerRoles } from '../owners.js';
import { Department } from './department.js';
import { CommitmentOwnerType } from './enums.js';
import { Street } from './street.js';

const noticesByOwner = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'noticesByOwner',
    (n: NoticeRow) => n.ownerId,
    (ids: readonly string[]) => ctx.prisma.notice.findMany({ where: { ownerId: { in: [...ids] } }, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] }),
  );

export const Notice = builder.prismaObject('Notice', {
  description: 'A public notice (公示制) of a street, department or service point. Readable without signing in',
  fields: (t) => ({
    id: t.exposeID('id'),
    ownerType: t.expose('ownerType', { type: CommitmentOwnerType }),
    ownerId: t.exposeID('ownerId'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('notices', (t) =>
  t.prismaField({
    type: ['Notice'],
    description: 'Public notices, newest first (at most 200)',
    args: { ownerId: t.arg.id() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.notice.findMany({
        ...query,
        where: args.ownerId ? { ownerId: args.ownerId } : {},
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        take: 200,
      }),
  }),
);

builder.prismaObjectField(Department, 'notices', (t) => t.field({ type: [Notice], resolve: (d, _a, ctx) => noticesByOwner(ctx).load(d.id) }));
builder.prismaObjectField(Street, 'notices', (t) => t.field({ type: [Notice], resolve: (s, _a, ctx) => noticesByOwner(ctx).load(s.id) }));

const PublishNoticeInput = builder.inputType('PublishNoticeInput', {
  fields: (t) => ({
    ownerType: t.field({ type: CommitmentOwnerType, required: true }),
    ownerId: t.id({ required: true }),
    title: t.string({ required: true }),
    body: t.string({ required: true }),
  }),
});

builder.mutationField('publishNotice', (t) =>
  t.field({
    type: Notice,
    authScopes: { role: [...ownerRoles] },
    args: { input: t.arg({ type: PublishNoticeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      demand(ctx.caller, actsForOwner(ctx.caller, input.ownerType, input.ownerId), "Only the owner's own staff (or the district) publish its notices");
      const title = check(rules.text(200, 2), input.title, 'title');
      const body = check(rules.text(5000, 2), input.body, 'body');
      const ownerId = await checkOwner(ctx, input.ownerType, input.ownerId);
      return ctx.prisma.notice.create({ data: { id: `notice-${randomUUID()}`, ownerType: input.ownerType, ownerId, title, body } });
    },
  }),
);
