// Residents' personal data through the gateway: hidden from anonymous callers and other
// communities' staff (not even whether a resident or an ID-card number exists), visible with a
// masked ID-card number to the own community's staff, and stored so that a database dump does
// not reveal ID-card numbers.
import type { TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import type { DB } from '../subgraphs/committees/src/db.js';
import departments from '../subgraphs/departments/src/index.js';

// Departments without its outbox worker: its demo task funding would otherwise keep arriving in
// committees' ledgers (and SQL statement counts) while these tests run.
const quietDepartments = { ...departments, workers: undefined };

const residentQuery =
  'query($id: ID!) { resident(id: $id) { id communityId community { id } name gender birthDate idCardNumber phone address vulnerableGroups } }';
const register = 'mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id name idCardNumber birthDate vulnerableGroups } }';
const personalFields = ['name', 'gender', 'birthDate', 'idCardNumber', 'phone', 'address', 'vulnerableGroups'] as const;

const own: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-01', sub: 'staff-minzu-01' };
const otherStaff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-02', sub: 'staff-minzu-02' };
// A made-up but valid number (check character computed), born 1950-03-07: elderly.
const idCard = '42010319500307102X';
const alsoValid = '420103198811020021';

// On both databases: enum arrays (vulnerable groups) reach them through different adapters.
await describeOnEachDatabase("residents' personal data", (database) => {
  let hub: TestFederation;
  let prisma: DB;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], database });
    prisma = hub.subgraphs.committees!.db.prisma as DB;
  });
  afterAll(() => hub?.close());

  const residentAs = async (id: string, as: TokenClaims | null) => {
    const res = await hub.query<{ resident: Record<string, unknown> }>(residentQuery, { id }, as);
    expect(res.errors).toBeUndefined();
    return res.data!.resident;
  };

  it("answers anonymous callers, other residents and other communities' staff as if the resident did not exist", async () => {
    const id = 'resident-minzu-01-0001';
    expect(await prisma.resident.findUnique({ where: { id } })).not.toBeNull();
    for (const as of <(TokenClaims | null)[]>[
      null,
      otherStaff,
      { role: 'RESIDENT', communityId: 'community-minzu-01', personId: 'resident-minzu-01-0002' },
      { role: 'REPRESENTATIVE', communityId: 'community-minzu-01', personId: 'rep-minzu-01-01' },
      { role: 'DEPARTMENT_STAFF', departmentId: 'dept-health' },
    ]) {
      // Not even the id and the community: testing ids would tell who is registered where.
      expect(await residentAs(id, as), as?.role ?? 'anonymous').toBeNull();
      expect(await residentAs('resident-minzu-01-9999', as)).toBeNull();
    }
  });

  it("shows them to the own community's staff, district administrators and the resident, with the ID-card number masked", async () => {
    const id = 'resident-minzu-01-0001';
    const row = (await prisma.resident.findUnique({ where: { id } }))!;
    const number = hub.subgraphs.committees!.shared.fieldCipher!.decrypt(row.idCardCipher);
    for (const as of <TokenClaims[]>[own, { role: 'DISTRICT_ADMIN' }, { role: 'RESIDENT', communityId: 'community-minzu-01', personId: id }]) {
      const seen = await residentAs(id, as);
      expect(seen.name).toBe(row.name);
      expect(seen.idCardNumber).toBe(`${number.slice(0, 6)}********${number.slice(-4)}`);
      expect(seen.idCardNumber).toMatch(/^420103\*{8}\d{3}[\dX]$/);
      expect(seen.birthDate).toBe(row.birthDate.toISOString().slice(0, 10));
      expect(Array.isArray(seen.vulnerableGroups)).toBe(true);
    }
  });

  it('gives the services subgraph the eligibility facts (vulnerable groups), and nothing else personal; other services get none', async () => {
    const elderly = (await prisma.resident.findFirst({
      where: { communityId: 'community-minzu-03', birthDate: { lte: new Date('1955-01-01') } },
      orderBy: { id: 'asc' },
    }))!;
    const seen = await residentAs(elderly.id, { role: 'SERVICE', sub: 'service:services' });
    expect(seen.vulnerableGroups).toContain('ELDERLY');
    for (const field of personalFields.filter((f) => f !== 'vulnerableGroups')) expect(seen[field]).toBeNull();
    for (const sub of ['service:party', 'service:evaluations']) {
      const other = await residentAs(elderly.id, { role: 'SERVICE', sub });
      for (const field of personalFields) expect(other[field]).toBeNull();
    }

    const staff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-03' };
    const set = await hub.query(
      'mutation($input: SetResidentVulnerableGroupsInput!) { setResidentVulnerableGroups(input: $input) { vulnerableGroups } }',
      { input: { residentId: elderly.id, vulnerableGroups: ['DISABLED', 'ENTITLED'] } },
      staff,
    );
    expect(set.data!.setResidentVulnerableGroups.vulnerableGroups).toEqual(['ELDERLY', 'DISABLED', 'ENTITLED']);
    expect((await residentAs(elderly.id, { role: 'SERVICE', sub: 'service:services' })).vulnerableGroups).toEqual(['ELDERLY', 'DISABLED', 'ENTITLED']);
    const refused = await hub.query(
      'mutation($input: SetResidentVulnerableGroupsInput!) { setResidentVulnerableGroups(input: $input) { id } }',
      { input: { residentId: elderly.id, vulnerableGroups: ['ELDERLY'] } },
      staff,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const other = await hub.query(
      'mutation($input: SetResidentVulnerableGroupsInput!) { setResidentVulnerableGroups(input: $input) { id } }',
      { input: { residentId: elderly.id, vulnerableGroups: [] } },
      own,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("lists a community's residents only for its own staff, filtered by group", async () => {
    const list =
      'query($c: ID!, $g: VulnerableGroup) { residents(communityId: $c, vulnerableGroup: $g, first: 100) { edges { node { id name birthDate vulnerableGroups } } } }';
    expect((await hub.query(list, { c: 'community-minzu-01' }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.query(list, { c: 'community-minzu-01' }, otherStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await hub.query(list, { c: 'community-minzu-01' }, { role: 'RESIDENT', communityId: 'community-minzu-01', personId: 'resident-minzu-01-0001' }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const all = await hub.query(list, { c: 'community-minzu-01' }, own);
    expect(all.data!.residents.edges).toHaveLength(30);
    const elderly = await hub.query<{ residents: { edges: { node: { birthDate: string; vulnerableGroups: string[] } }[] } }>(
      list,
      { c: 'community-minzu-01', g: 'ELDERLY' },
      own,
    );
    const nodes = elderly.data!.residents.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(30);
    for (const n of nodes) expect(n.vulnerableGroups).toContain('ELDERLY');
    // The stored groups too (an enum array on the embedded database, filtered in SQL).
    const rows = await prisma.resident.findMany({ where: { communityId: 'community-minzu-01' }, select: { id: true, vulnerableGroups: true } });
    for (const group of ['DISABLED', 'ENTITLED', 'LOW_INCOME', 'LIVING_ALONE'] as const) {
      const listed = await hub.query<{ residents: { edges: { node: { id: string } }[] } }>(list, { c: 'community-minzu-01', g: group }, own);
      expect(listed.errors, group).toBeUndefined();
      const expected = rows
        .filter((r) => r.vulnerableGroups.includes(group))
        .map((r) => r.id)
        .sort();
      expect(listed.data!.residents.edges.map((e) => e.node.id).sort(), group).toEqual(expected);
    }
    expect(rows.some((r) => r.vulnerableGroups.some((g) => g !== 'ELDERLY'))).toBe(true);
  });

  it('registers a resident, stores the ID-card number sealed (a dump does not reveal it) and finds it by its keyed hash', async () => {
    const input = {
      communityId: 'community-minzu-01',
      name: '测试居民',
      gender: 'FEMALE',
      idCardNumber: idCard,
      phone: '138 0000 1234',
      address: '振兴社区1号1单元101室',
      vulnerableGroups: ['LOW_INCOME'],
    };
    const res = await hub.query(register, { input }, own);
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerResident).toMatchObject({
      name: '测试居民',
      idCardNumber: '420103********102X',
      birthDate: '1950-03-07',
      vulnerableGroups: ['ELDERLY', 'LOW_INCOME'],
    });
    expect(JSON.stringify(res)).not.toContain(idCard);

    const dump = await prisma.$queryRawUnsafe<{ row: string }[]>('SELECT row_to_json(r)::text AS row FROM "Resident" r');
    const text = dump.map((d) => d.row).join('\n');
    expect(text).toContain('420103********102X');
    expect(text).not.toContain(idCard);
    expect(text).not.toContain('19500307102');

    const find = 'query($n: String!) { residentByIdCard(idCardNumber: $n) { id name } }';
    expect((await hub.query(find, { n: idCard.toLowerCase() }, own)).data!.residentByIdCard).toMatchObject({
      id: res.data!.registerResident.id,
      name: '测试居民',
    });
    expect((await hub.query(find, { n: idCard }, otherStaff)).data!.residentByIdCard).toBeNull();
    expect((await hub.query(find, { n: idCard }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.query(find, { n: '420103195003071021' }, own)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    expect(res.data!.registerResident.id).toMatch(/^resident-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const twice = await hub.query(register, { input }, own);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(twice.errors?.[0]?.message).toBe('A resident with this ID-card number is already registered in this community');
    expect(JSON.stringify(twice)).not.toContain(idCard);
  });

  it("does not tell another community's staff whether an ID-card number is registered elsewhere in the district", async () => {
    // The same person registered in minzu-01 (the test above), and a number registered nowhere.
    const registered = { communityId: 'community-minzu-02', name: '测试居民', gender: 'FEMALE', idCardNumber: idCard, address: '某处1号' };
    const nowhere = { ...registered, idCardNumber: '420103195003070967' };
    const shape = (res: { data?: { registerResident?: Record<string, unknown> } | null; errors?: unknown }) => ({
      errors: res.errors,
      fields: Object.keys(res.data?.registerResident ?? {}).sort(),
      masked: res.data?.registerResident?.idCardNumber,
    });
    const a = await hub.query(register, { input: registered }, otherStaff);
    const b = await hub.query(register, { input: nowhere }, otherStaff);
    expect(a.errors).toBeUndefined();
    expect(shape(a)).toEqual({ ...shape(b), masked: '420103********102X' });
    expect(shape(b).masked).toBe('420103********0967');
    // Each community's look-up sees its own register only.
    const find = 'query($n: String!) { residentByIdCard(idCardNumber: $n) { id communityId } }';
    expect((await hub.query(find, { n: idCard }, otherStaff)).data!.residentByIdCard).toMatchObject({ communityId: 'community-minzu-02' });
    expect((await hub.query(find, { n: idCard }, own)).data!.residentByIdCard).toMatchObject({ communityId: 'community-minzu-01' });
  });

  it('rejects bad registrations with clear errors that do not repeat the number', async () => {
    const input = { communityId: 'community-minzu-01', name: '某人', gender: 'FEMALE', idCardNumber: alsoValid, address: '某处' };
    const badChecksum = `${alsoValid.slice(0, 17)}9`;
    for (const [change, field] of [
      [{ idCardNumber: badChecksum }, 'idCardNumber'],
      [{ idCardNumber: '420103199902301234' }, 'idCardNumber'],
      [{ gender: 'MALE' }, 'gender'],
      [{ phone: '12345' }, 'phone'],
      [{ vulnerableGroups: ['ELDERLY'] }, 'vulnerableGroups'],
      [{ name: ' ' }, 'name'],
    ] as const) {
      const res = await hub.query(register, { input: { ...input, ...change } }, own);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(res)).not.toContain(badChecksum);
    }
    expect((await hub.query(register, { input }, otherStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await hub.query(register, { input }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await prisma.resident.count({ where: { communityId: 'community-minzu-01' } })).toBe(31);
  });

  it("shows representatives publicly, their phone numbers only like residents' personal data", async () => {
    const q = 'query($c: ID!) { representatives(communityId: $c) { id name communityId phone } }';
    const anonymous = (await hub.query(q, { c: 'community-minzu-01' })).data!.representatives as { id: string; phone: string | null }[];
    expect(anonymous.map((r) => r.id)).toEqual(Array.from({ length: 15 }, (_, i) => `rep-minzu-01-${String(i + 1).padStart(2, '0')}`));
    expect(anonymous.every((r) => r.phone === null)).toBe(true);
    const self = (await hub.query(q, { c: 'community-minzu-01' }, { role: 'REPRESENTATIVE', communityId: 'community-minzu-01', personId: 'rep-minzu-01-03' }))
      .data!.representatives as { id: string; phone: string | null }[];
    expect(self.filter((r) => r.phone !== null).map((r) => r.id)).toEqual(['rep-minzu-01-03']);
    const staff = (await hub.query(q, { c: 'community-minzu-01' }, own)).data!.representatives as { phone: string | null }[];
    expect(staff.every((r) => /^1\d{10}$/.test(r.phone ?? ''))).toBe(true);
  });
});
