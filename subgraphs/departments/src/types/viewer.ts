import { roles, type Caller } from '@shequ/kit';
import { builder } from '../builder.js';
import { Community, communityRef } from './community.js';
import { Department, departmentLoader } from './department.js';
import { Street, streetLoader } from './street.js';

// Who the hub takes the caller to be. A dashboard behind a sign-in proxy never sees the token
// (the proxy adds the Authorization header), so this is how it learns the role it is shown as.
// Departments owns the units a token names (streets and departments); communities resolve
// through their owner.

type SignedInCaller = Caller & { role: Exclude<Caller['role'], 'ANONYMOUS'> };

const CallerRole = builder.enumType('CallerRole', {
  description: 'The role a verified token grants (居民, 代表, 社区工作者, 街道, 部门, 区级管理员, 合作机构, 观察员, 服务)',
  values: roles,
});

const Viewer = builder.objectRef<SignedInCaller>('Viewer').implement({
  description: 'The signed-in caller as the hub verified them; personal data about them is not repeated here',
  fields: (t) => ({
    role: t.field({ type: CallerRole, resolve: (c) => c.role }),
    communityId: t.exposeID('communityId', { nullable: true }),
    streetId: t.exposeID('streetId', { nullable: true }),
    departmentId: t.exposeID('departmentId', { nullable: true }),
    partnerId: t.exposeID('partnerId', { nullable: true }),
    community: t.field({
      type: Community,
      nullable: true,
      description: 'The community the token acts for (committees resolves it: null when there is none)',
      resolve: (c) => (c.communityId ? communityRef(c.communityId) : null),
    }),
    street: t.field({
      type: Street,
      nullable: true,
      description: 'The street office the token acts for, if it exists',
      resolve: (c, _args, ctx) => (c.streetId ? streetLoader(ctx).load(c.streetId) : null),
    }),
    department: t.field({
      type: Department,
      nullable: true,
      description: 'The department the token acts for, if it exists',
      resolve: (c, _args, ctx) => (c.departmentId ? departmentLoader(ctx).load(c.departmentId) : null),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'The caller as the hub verified them; null for an anonymous caller',
    resolve: (_root, _args, ctx) => (ctx.caller.role === 'ANONYMOUS' ? null : (ctx.caller as SignedInCaller)),
  }),
);
