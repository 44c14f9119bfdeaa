import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin, { type PothosPrismaDatamodel } from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { type GraphQLError, Kind } from 'graphql';
import type { Role } from '../auth/caller.js';
import { badInput, forbidden, unauthenticated } from '../errors.js';
import { ArgsAfterAuthPluginName } from '../validation/after-auth.js';
import { inputError } from '../validation/check.js';
import type { SubgraphContext } from './context.js';
import { describeEnumValues } from './enum-descriptions.js';
import { fenScalar } from './fen.js';
import { ListSizesPluginName, type ListSizes } from './list-sizes.js';

export interface AuthScopes {
  /** Any verified caller. */
  authenticated: boolean;
  /** Caller holds one of these roles. */
  role: Role | Role[];
}

export interface BuilderTypes<PrismaTypes extends object, DB> {
  PrismaTypes: PrismaTypes;
  Context: SubgraphContext<DB>;
  AuthScopes: AuthScopes;
  /** `requiresScopes: [['DISTRICT_ADMIN']]` on a field: the gateway checks them against the caller's role. */
  FederationScopes: Role;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: Date | string };
    ID: { Input: string; Output: string };
    /** Money in fen (分): a number on input (see fen.ts), a number or a bigint (BigInt columns, sums) on output. */
    Fen: { Input: number; Output: number | bigint };
  };
  Directives: {
    /** See live-state.ts. */
    liveState: { locations: 'FIELD_DEFINITION'; args: { key?: string } };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badInput('DateTime must be an ISO-8601 string');
  return new Date(value);
}

function parseDate(value: unknown): string {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  // Date.parse is lenient (2025-02-30 becomes 2 March): the day must survive a round trip.
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw badInput('Date must be a real calendar day like 2026-07-01');
  return value as string;
}

/**
 * The one SchemaBuilder configuration every subgraph uses: federation, Prisma (client taken from
 * the request context, so schemas build without a database), Relay connections, scope auth and
 * declarative input validation;
 * `listSizes` says how big the subgraph's lists are (list-sizes.ts).
 */
export function createBuilder<PrismaTypes extends object, DB>(dmmf: PothosPrismaDatamodel, listSizes: ListSizes = {}) {
  const builder = new SchemaBuilder<BuilderTypes<PrismaTypes, DB>>({
    // Auth wraps resolvers, so it comes before federation (see plugin-federation's docs).
    // Field configs pass through the plugins from last to first: list sizes must reach federation
    // (which turns them into @listSize) after this one, so it comes after federation here.
    // Validation checks arguments and input fields with the shared rules (../validation/rules.ts);
    // its checks are moved inside auth's wrapper (../validation/after-auth.ts), so that plugin
    // sits between the two.
    plugins: [ScopeAuthPlugin, ArgsAfterAuthPluginName, ValidationPlugin, DirectivesPlugin, FederationPlugin, ListSizesPluginName, PrismaPlugin, RelayPlugin],
    listSizes,
    validation: {
      // BAD_USER_INPUT naming the field, as the checks in resolvers always said it.
      validationError: (failure) => inputError(failure.issues),
    },
    scopeAuth: {
      authScopes: (ctx) => ({
        authenticated: ctx.caller.role !== 'ANONYMOUS',
        role: (wanted: Role | Role[]) => (Array.isArray(wanted) ? wanted : [wanted]).some((r) => r === ctx.caller.role),
      }),
      unauthorizedError: (_parent, ctx): GraphQLError => (ctx.caller.role === 'ANONYMOUS' ? unauthenticated() : forbidden()),
    },
    prisma: {
      client: (ctx) => ctx.prisma as never,
      dmmf,
      filterConnectionTotalCount: true,
      onUnusedQuery: null,
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      nodeQueryOptions: false,
      nodesQueryOptions: false,
      edgesFieldOptions: { nullable: false },
      nodeFieldOptions: { nullable: false },
      // Every subgraph with a connection defines PageInfo; federation needs it marked shareable.
      pageInfoTypeOptions: { shareable: true },
    },
    // Own fields are non-null; fields that come from another subgraph opt into nullability,
    // so one subgraph down means partial data rather than `data: null`.
    defaultFieldNullability: false,
  });

  builder.scalarType('DateTime', {
    description: 'An instant, as an ISO-8601 string in UTC',
    serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
  });
  builder.scalarType('Date', {
    description: 'A calendar day, YYYY-MM-DD',
    serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  });
  builder.scalarType('Fen', fenScalar);
  builder.queryType({});
  // Every enum value described "English — 中文", the same in every subgraph (enum-descriptions.ts);
  // toSubGraphSchema builds on toSchema, so both get them.
  const toSchema = builder.toSchema.bind(builder);
  builder.toSchema = ((...args: Parameters<typeof toSchema>) => describeEnumValues(toSchema(...args))) as typeof toSchema;
  return builder;
}

export type SubgraphBuilder<PrismaTypes extends object, DB> = ReturnType<typeof createBuilder<PrismaTypes, DB>>;
