// Random operations against a schema, from a seed: mostly valid-looking selections with random
// arguments, and on purpose a share of broken ones (unknown fields, missing selections or
// arguments, wrong argument types, bad variables) — what a fuzzer or a careless client sends.
import { seededRandom, type Random } from '@shequ/kit';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export interface RandomOperation {
  query: string;
  variables: Record<string, unknown>;
}

const KNOWN_IDS = ['community-minzu-01', 'community-hanxing-03', 'street-minzu', 'street-xinhua', 'dept-health', 'staff-dept-health-01', 'rep-minzu-01-03'];
const STRINGS = ['', 'a', '民族街道', 'x'.repeat(300), '"quoted"', '\\', '\u0000', '<script>', "'; DROP TABLE x; --", '2026-07-01', '2026-07-01T00:00:00Z'];
const INTS = [0, 1, -1, 5, 20, 100, 2 ** 31 - 1, -(2 ** 31)];

export function randomOperations(schema: GraphQLSchema, count: number, seed: number): RandomOperation[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => randomOperation(schema, random));
}

function randomOperation(schema: GraphQLSchema, random: Random): RandomOperation {
  const mutation = schema.getMutationType();
  const root = mutation && random.chance(0.15) ? mutation : schema.getQueryType()!;
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const ctx = { random, variables, definitions, schema };
  const fields = Array.from({ length: random.int(1, 3) }, () => selectField(ctx, root, random.int(1, 6)));
  let query = `${root === mutation ? 'mutation' : 'query'}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${fields.join(' ')} }`;
  if (random.chance(0.03)) query = query.slice(0, random.int(0, query.length - 1)); // truncated
  if (random.chance(0.02)) query = query.replace(/\{/, '{ nope ');
  return { query, variables };
}

interface Ctx {
  random: Random;
  variables: Record<string, unknown>;
  definitions: string[];
  schema: GraphQLSchema;
}

function selectField(ctx: Ctx, type: GraphQLObjectType, depth: number): string {
  const { random } = ctx;
  const fields = Object.values(type.getFields());
  if (random.chance(0.03)) return 'notAField';
  const field = random.pick(fields);
  const alias = random.chance(0.1) ? `a${random.int(0, 999)}: ` : '';
  return `${alias}${field.name}${argumentsFor(ctx, field)}${selectionFor(ctx, getNamedType(field.type), depth)}`;
}

function selectionFor(ctx: Ctx, type: GraphQLNamedType, depth: number): string {
  const { random } = ctx;
  if (isLeafType(type)) return random.chance(0.02) ? ' { id }' : '';
  if (depth <= 0 || random.chance(0.03)) return random.chance(0.5) ? '' : ' { __typename }';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = ctx.schema.getPossibleTypes(type);
    const target = random.pick(possible);
    return ` { __typename ... on ${target.name} { ${selectField(ctx, target, depth - 1)} } }`;
  }
  if (!isObjectType(type)) return '';
  const count = random.int(1, 4);
  return ` { ${Array.from({ length: count }, () => selectField(ctx, type, depth - 1)).join(' ')} }`;
}

function argumentsFor(ctx: Ctx, field: GraphQLField<unknown, unknown>): string {
  const { random } = ctx;
  const args = field.args.filter((a) => (isNonNullType(a.type) ? !random.chance(0.03) : random.chance(0.4)));
  if (random.chance(0.02)) args.push({ name: 'bogus', type: field.args[0]?.type ?? ctx.schema.getType('String') } as GraphQLArgument);
  if (args.length === 0) return '';
  return `(${args.map((arg) => `${arg.name}: ${argumentValue(ctx, arg)}`).join(', ')})`;
}

function argumentValue(ctx: Ctx, arg: GraphQLArgument): string {
  const { random, variables, definitions } = ctx;
  if (random.chance(0.3)) {
    const name = `v${definitions.length}`;
    definitions.push(`$${name}: ${String(arg.type)}`);
    variables[name] = random.chance(0.05) ? randomJunk(random) : inputValue(ctx, arg.type as GraphQLInputType, 0);
    return `$${name}`;
  }
  if (random.chance(0.03)) return JSON.stringify(randomJunk(random));
  return literal(inputValue(ctx, arg.type as GraphQLInputType, 0), arg.type as GraphQLInputType);
}

/** A JSON value for an input type (enum values as their names). */
function inputValue(ctx: Ctx, type: GraphQLInputType, depth: number): unknown {
  const { random } = ctx;
  if (!isNonNullType(type) && random.chance(0.1)) return null;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return Array.from({ length: random.int(0, 3) }, () => inputValue(ctx, inner.ofType as GraphQLInputType, depth + 1));
  if (isEnumType(inner)) return random.pick(inner.getValues()).name;
  if (isInputObjectType(inner)) {
    if (depth > 3) return {};
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) || random.chance(0.5))
        .map((f) => [f.name, inputValue(ctx, f.type, depth + 1)]),
    );
  }
  switch (inner.name) {
    case 'Int':
      return random.pick(INTS);
    case 'Float':
      return random.pick([0, 1.5, -3.25, 1e9]);
    case 'Boolean':
      return random.chance(0.5);
    case 'ID':
      return random.chance(0.7) ? random.pick(KNOWN_IDS) : random.pick(STRINGS);
    default:
      return random.pick(STRINGS);
  }
}

function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null) return 'null';
  const inner = getNullableType(type) as GraphQLInputType;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(inner) ? (inner.ofType as GraphQLInputType) : inner)).join(', ')}]`;
  if (isEnumType(inner) && typeof value === 'string') return value;
  if (isInputObjectType(inner) && typeof value === 'object') {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

function randomJunk(random: Random): unknown {
  return random.pick<unknown>([
    { deep: { deeper: [1, 2, { x: null }] } },
    [[[[]]]],
    'x'.repeat(2_000),
    -0.5,
    true,
    1e308,
    { __proto__: { polluted: true } },
    '🙂'.repeat(50),
  ]);
}
