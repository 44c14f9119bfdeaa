// Hostile HTTP requests from a seed: operations generated from the composed schema (ordinary ones
// from random-operations.ts, and on purpose values and shapes past every limit: integers beyond 64
// bits, negative and fractional integers, strings of 100 KB and more, selections deeper than the
// depth limit and wider than the alias limit, unknown enum values, nulls for non-null arguments),
// each sent in one of the ways a client or a browser can send it: POST as JSON (answered as JSON
// or graphql-response+json), as a form, multipart, text/plain or with no content type; GET.
import { seededRandom, type Random } from '@shequ/kit';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { randomOperations, type RandomOperation } from './random-operations.js';

export interface FuzzRequest {
  /** What was sent, in words, for the failure message. */
  what: string;
  method: 'GET' | 'POST';
  /** Query string for GET, with the leading "?". */
  search: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export type Transport = 'json' | 'graphql-response+json' | 'form-urlencoded' | 'multipart' | 'text/plain' | 'no content type' | 'GET';
export const transports: readonly Transport[] = ['json', 'graphql-response+json', 'form-urlencoded', 'multipart', 'text/plain', 'no content type', 'GET'];

export type Hostility = 'ordinary' | 'big integer' | 'long string' | 'deep selection' | 'wide selection' | 'unknown enum' | 'null for non-null';
export const hostilities: readonly Hostility[] = [
  'ordinary',
  'big integer',
  'long string',
  'deep selection',
  'wide selection',
  'unknown enum',
  'null for non-null',
];

/** Past ±2^63, at its edges, negative, fractional, exponent-written: as literals and as JSON. */
const BIG_INTEGERS = [
  '9223372036854775808',
  '-9223372036854775809',
  '9223372036854775807',
  '99999999999999999999999999',
  '-1',
  '-2147483649',
  '2147483648',
  '1.5',
  '-0.5',
  '1e21',
  '0x10',
];
/** Under the 100,000-byte body limit with the rest of the request, and over it. */
const LONG_STRINGS = [60_000, 99_000, 100_500, 250_000];

interface Picked {
  field: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
}

/** A root field (query or mutation) with an argument whose named type passes `want`. */
function fieldWithArg(schema: GraphQLSchema, random: Random, want: (arg: GraphQLArgument) => boolean): { root: 'query' | 'mutation'; picked: Picked } | null {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  const candidates: { root: 'query' | 'mutation'; picked: Picked }[] = [];
  for (const [root, type] of roots) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      for (const arg of field.args) if (want(arg)) candidates.push({ root, picked: { field, arg } });
    }
  }
  return candidates.length ? random.pick(candidates) : null;
}

/** The smallest selection a field's type needs (leaf: none). */
const minimalSelection = (type: ReturnType<typeof getNamedType>): string => (isLeafType(type) ? '' : ' { __typename }');

/** Another required argument's value, plausible enough that the hostile one is what gets judged. */
function filler(arg: GraphQLArgument): string {
  const type = getNamedType(arg.type);
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) return '{}';
  if (isScalarType(type) && (type.name === 'Int' || type.name === 'Float' || type.name === 'Fen')) return '1';
  if (isScalarType(type) && type.name === 'Boolean') return 'true';
  const value = JSON.stringify('community-minzu-01');
  return isListType(getNullableType(arg.type)) ? `[${value}]` : value;
}

function callWith(picked: Picked, hostileArg: string, asVariable: { name: string; type: string } | null): string {
  const args = picked.field.args
    .filter((a) => a === picked.arg || isNonNullType(a.type))
    .map((a) => `${a.name}: ${a === picked.arg ? (asVariable ? `$${asVariable.name}` : hostileArg) : filler(a)}`);
  const definitions = asVariable ? `($${asVariable.name}: ${asVariable.type})` : '';
  return `${definitions} { ${picked.field.name}(${args.join(', ')})${minimalSelection(getNamedType(picked.field.type))} }`;
}

function hostileOperation(schema: GraphQLSchema, random: Random, hostility: Hostility): RandomOperation {
  const named = (name: string) => (arg: GraphQLArgument) => getNamedType(arg.type).name === name && !isListType(getNullableType(arg.type));
  switch (hostility) {
    case 'big integer': {
      const found = fieldWithArg(schema, random, named('Int'))!;
      const value = random.pick(BIG_INTEGERS);
      if (random.chance(0.5)) return { query: `${found.root} ${callWith(found.picked, value, null)}`, variables: {} };
      // As a variable the number travels as JSON: a JSON number where it is one, else a string.
      const json = /^-?\d+(\.\d+)?(e\d+)?$/.test(value) ? Number(value) : value;
      return {
        query: `${found.root} ${callWith(found.picked, '', { name: 'n', type: String(found.picked.arg.type) })}`,
        variables: { n: random.chance(0.5) ? json : value },
      };
    }
    case 'long string': {
      const found = fieldWithArg(schema, random, (a) => ['String', 'ID'].includes(getNamedType(a.type).name) && !isListType(getNullableType(a.type)))!;
      const text = random.pick(['x', '民', '🙂', 'a"b\\']).repeat(Math.ceil(random.pick(LONG_STRINGS) / 3));
      if (random.chance(0.5)) return { query: `${found.root} ${callWith(found.picked, JSON.stringify(text), null)}`, variables: {} };
      return { query: `${found.root} ${callWith(found.picked, '', { name: 's', type: String(found.picked.arg.type) })}`, variables: { s: text } };
    }
    case 'deep selection': {
      // Down object fields without required arguments, past the depth limit (12).
      let type: GraphQLObjectType = schema.getQueryType()!;
      const path: string[] = [];
      const depth = random.int(13, 45);
      for (let i = 0; i < depth; i++) {
        const next = Object.values(type.getFields()).filter((f) => isObjectType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
        if (!next.length) break;
        const field = random.pick(next);
        path.push(field.name);
        type = getNamedType(field.type) as GraphQLObjectType;
      }
      return { query: `{ ${path.join(' { ')} { __typename }${' }'.repeat(path.length)} }`, variables: {} };
    }
    case 'wide selection': {
      const count = random.pick([31, 100, 400, 1_500]);
      const field = random.pick(['__typename', 'streets { id }', 'departments { id name }', 'serviceSeries { id }']);
      return { query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`, variables: {} };
    }
    case 'unknown enum': {
      const found = fieldWithArg(schema, random, (a) => isEnumType(getNamedType(a.type)) && !isListType(getNullableType(a.type)))!;
      const value = random.pick(['NOT_A_VALUE', 'null', 'true', '__proto__', 'administrator']);
      if (random.chance(0.5)) return { query: `${found.root} ${callWith(found.picked, value, null)}`, variables: {} };
      return { query: `${found.root} ${callWith(found.picked, '', { name: 'e', type: String(found.picked.arg.type) })}`, variables: { e: value } };
    }
    case 'null for non-null': {
      const found = fieldWithArg(schema, random, (a) => isNonNullType(a.type))!;
      if (random.chance(0.5)) return { query: `${found.root} ${callWith(found.picked, 'null', null)}`, variables: {} };
      return {
        query: `${found.root} ${callWith(found.picked, '', { name: 'v', type: String(found.picked.arg.type) })}`,
        variables: random.chance(0.5) ? { v: null } : {},
      };
    }
    case 'ordinary':
      return randomOperations(schema, 1, random.int(0, 2 ** 31))[0]!;
  }
}

/** A body in multipart/form-data, as an HTML form with a file input would send it. */
function multipart(fields: Record<string, string>, boundary: string): string {
  return `${Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('')}--${boundary}--\r\n`;
}

function encode(op: RandomOperation, transport: Transport, random: Random): Omit<FuzzRequest, 'what'> {
  const json = JSON.stringify(op);
  const accept = { accept: 'application/graphql-response+json, application/json' };
  const variables = JSON.stringify(op.variables);
  switch (transport) {
    case 'json':
      return { method: 'POST', search: '', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: json };
    case 'graphql-response+json':
      return {
        method: 'POST',
        search: '',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/graphql-response+json' },
        body: json,
      };
    case 'form-urlencoded':
      return {
        method: 'POST',
        search: '',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...accept },
        body: new URLSearchParams({ query: op.query, variables }).toString(),
      };
    case 'multipart': {
      const boundary = `----shequ${random.int(0, 1e9)}`;
      return {
        method: 'POST',
        search: '',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...accept },
        body: multipart({ operations: json, map: '{}' }, boundary),
      };
    }
    case 'text/plain':
      return { method: 'POST', search: '', headers: { 'content-type': 'text/plain', ...accept }, body: json };
    case 'no content type':
      // Bytes, so that fetch adds no content type of its own.
      return { method: 'POST', search: '', headers: accept, body: new TextEncoder().encode(json) };
    case 'GET':
      return {
        method: 'GET',
        search: `?${new URLSearchParams({ query: op.query, ...(Object.keys(op.variables).length ? { variables } : {}) })}`,
        headers: accept,
      };
  }
}

/** Longest URL sent over GET: beyond it Node's HTTP parser answers before the gateway sees anything. */
const maxGetUrl = 8_000;

/** `count` requests from `seed`, every hostility and every transport in turn. */
export function fuzzRequests(schema: GraphQLSchema, count: number, seed: number): FuzzRequest[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const hostility = hostilities[i % hostilities.length]!;
    let transport = transports[Math.floor(i / hostilities.length) % transports.length]!;
    const op = hostileOperation(schema, random, hostility);
    if (transport === 'GET' && JSON.stringify(op).length > maxGetUrl / 3) transport = 'json';
    const request = encode(op, transport, random);
    return { what: `#${i} ${hostility} over ${transport}: ${op.query.slice(0, 160)} ${JSON.stringify(op.variables).slice(0, 80)}`, ...request };
  });
}
