import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { check, createBuilder, rules } from '../src/index.js';

type Ctx = { caller: { role: string } };
const builder = createBuilder<object, unknown>({ datamodel: { models: {} } });
const Input = builder.inputType('ThingInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: rules.text(10) }),
    phone: t.string({ validate: rules.optionalPhone }),
  }),
});
builder.queryFields((t) => ({ ok: t.boolean({ resolve: () => true }) }));
builder.mutationType({});
builder.mutationFields((t) => ({
  addThing: t.string({
    authScopes: { role: 'DISTRICT_ADMIN' },
    args: { input: t.arg({ type: Input, required: true }), key: t.arg.string({ validate: rules.idempotencyKey }) },
    resolve: (_r, { input }) => JSON.stringify(input),
  }),
}));
const schema = builder.toSchema();
const admin: Ctx = { caller: { role: 'DISTRICT_ADMIN' } };
const run = (source: string, contextValue: Ctx = admin) => graphql({ schema, source, contextValue });

describe('shared input rules', () => {
  it('cleans phone numbers and accepts mobiles and Wuhan landlines only', () => {
    expect(check(rules.phone, '138 0000 1234', 'phone')).toBe('13800001234');
    expect(check(rules.phone, '027-85551234', 'phone')).toBe('02785551234');
    expect(check(rules.optionalPhone, '  ', 'phone')).toBeNull();
    for (const bad of ['12345', '010-12345678', '0278555123', '138000012345']) {
      expect(() => check(rules.phone, bad, 'phone')).toThrow(/phone must be/);
    }
  });

  it('trims text, bounds it and names the field', () => {
    expect(check(rules.text(5), '  abc ', 'name')).toBe('abc');
    expect(() => check(rules.text(5), '   ', 'name')).toThrow('name must be 1–5 characters');
    expect(check(rules.optionalText(5), ' ', 'note')).toBeNull();
  });

  it('takes money as whole, non-negative fen', () => {
    expect(check(rules.fen(), 0, 'priceFen')).toBe(0);
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1]) expect(() => check(rules.fen(), bad, 'priceFen')).toThrow(/priceFen/);
    expect(() => check(rules.fen({ min: 1, max: 100 }), 101, 'budgetFen')).toThrow(/from 1 to 100/);
  });

  it('checks calendar days against today', () => {
    expect(check(rules.pastDay(), '2000-01-01', 'joinedOn')).toEqual(new Date('2000-01-01T00:00:00Z'));
    expect(() => check(rules.pastDay(), '2999-01-01', 'joinedOn')).toThrow(/future/);
    expect(() => check(rules.futureDay, '2000-01-01', 'dueOn')).toThrow(/past/);
  });
});

describe('declarative validation in the builder', () => {
  it('hands the resolver clean values', async () => {
    const res = await run('mutation { addThing(input: { name: " a ", phone: "138-0000-1234" }, key: "key-12345") }');
    expect(res.errors).toBeUndefined();
    expect(JSON.parse(res.data!.addThing as string)).toEqual({ name: 'a', phone: '13800001234' });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    for (const [input, field] of [
      ['{ name: "   " }', 'name'],
      ['{ name: "ok", phone: "12345" }', 'phone'],
    ] as const) {
      const res = await run(`mutation { addThing(input: ${input}) }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0]?.message).toMatch(new RegExp(`^${field} `));
    }
    const key = await run('mutation { addThing(input: { name: "ok" }, key: "short") }');
    expect(key.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
  });

  it('refuses a caller without the role before looking at the input', async () => {
    const bad = 'mutation { addThing(input: { name: "   " }) }';
    expect((await run(bad, { caller: { role: 'ANONYMOUS' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run(bad, { caller: { role: 'OBSERVER' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
