// The checks a proposed partner subgraph goes through, on a small federation: policy, composition
// and the recorded operations, all reported together.
import { describe, expect, it } from 'vitest';
import { sha256, type RecordedOperation } from '@shequ/kit/federation/operations';
import { checkChange, type Member } from '../src/domain/check.js';
import { followsRootFieldRule } from '../src/domain/names.js';

const fed = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports}])`;

const committees: Member = {
  name: 'committees',
  kind: 'CORE',
  url: 'http://127.0.0.1:4002/graphql',
  sdl: `${fed('"@key"')}
    type Community @key(fields: "id") { id: ID! name: String! population: Int! }
    type Query { community(id: ID!): Community communities: [Community!]! }`,
};

const partner = (body: string, imports = '"@key"') => ({ name: 'health-center', url: 'http://127.0.0.1:4100/graphql', sdl: `${fed(imports)}\n${body}` });
const v1 = partner(`
  type Community @key(fields: "id") { id: ID! clinics: [Clinic!]! vaccinationRate: Float }
  type Clinic { name: String! address: String! }
  type Query { healthCenterClinics: [Clinic!]! }`);

const recorded = (file: string, document: string): RecordedOperation => ({ file, hash: sha256(document), document });
const operations = [recorded('dashboard.json', 'query CommunityHealth($id: ID!) { community(id: $id) { name clinics { name } vaccinationRate } }')];

const codes = (findings: { code: string; where?: string }[]) => findings.map((f) => `${f.code} ${f.where ?? ''}`.trim());

describe('checking a partner subgraph', () => {
  it('accepts a partner that extends a core entity with fields of its own', async () => {
    const report = await checkChange([committees], { name: 'health-center', kind: 'PARTNER', next: v1 }, []);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['Community.clinics', 'Community.vaccinationRate', 'Query.healthCenterClinics']));
  });

  it('refuses a version that breaks a recorded operation, naming the operation and the field', async () => {
    const members: Member[] = [committees, { ...v1, kind: 'PARTNER' }];
    const v2 = partner(`
      type Community @key(fields: "id") { id: ID! clinics: [Clinic!]! }
      type Clinic { name: String! address: String! }
      type Query { healthCenterClinics: [Clinic!]! }`);
    const report = await checkChange(members, { name: 'health-center', kind: 'PARTNER', next: v2 }, operations);
    expect(report.ok).toBe(false);
    expect(codes(report.errors)).toEqual(['BREAKS_RECORDED_OPERATION dashboard.json#CommunityHealth']);
    expect(report.errors[0]!.message).toMatch(/CommunityHealth.*vaccinationRate/);
    expect(report.changes).toContainEqual(expect.objectContaining({ criticality: 'BREAKING', path: 'Community.vaccinationRate' }));
    // Said once: as the operation it breaks, not again as a bare breaking change.
    expect(codes(report.warnings)).not.toContain('BREAKING_CHANGE Community.vaccinationRate');

    // Forced, it goes through, and says what it breaks.
    const forced = await checkChange(members, { name: 'health-center', kind: 'PARTNER', next: v2, force: true }, operations);
    expect(forced.ok).toBe(true);
    expect(codes(forced.warnings)).toContain('BREAKS_RECORDED_OPERATION dashboard.json#CommunityHealth');
  });

  it('refuses removing a subgraph whose fields recorded operations use', async () => {
    const report = await checkChange([committees, { ...v1, kind: 'PARTNER' }], { name: 'health-center', kind: 'PARTNER', next: null }, operations);
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.message).join('\n')).toMatch(/CommunityHealth.*clinics/);
  });

  it('does not count an operation that was broken before the change', async () => {
    const report = await checkChange([committees], { name: 'health-center', kind: 'PARTNER', next: v1 }, [
      recorded('old.json', 'query Gone { streets { id } }'),
    ]);
    expect(report.ok).toBe(true);
  });

  it('refuses redefining a core field, @override, a core type and root fields outside the prefix, all at once', async () => {
    const bad = partner(
      `type Community @key(fields: "id") { id: ID! name: String! @shareable clinics: [String!]! population: Int! @override(from: "committees") }
       type Query { clinics: [String!]! healthCenterOk: Int }`,
      '"@key", "@shareable", "@override"',
    );
    const report = await checkChange([committees], { name: 'health-center', kind: 'PARTNER', next: bad }, []);
    expect(report.ok).toBe(false);
    expect(codes(report.errors)).toEqual(
      expect.arrayContaining(['POLICY_CORE_FIELD Community.name', 'POLICY_OVERRIDE Community.population', 'POLICY_ROOT_FIELD_NAME Query.clinics']),
    );
    expect(codes(report.errors)).not.toContain('POLICY_ROOT_FIELD_NAME Query.healthCenterOk');

    const coreTypeName = partner(`type Query { healthCenterThing: Community } type Community { id: ID! }`);
    const taken = await checkChange([committees], { name: 'health-center', kind: 'PARTNER', next: coreTypeName }, []);
    expect(codes(taken.errors)).toContain('POLICY_CORE_TYPE Community');
  });

  it('reports composition errors with their federation codes', async () => {
    const clash = partner(`type Community @key(fields: "id") { id: ID! clinics: Int } type Query { healthCenterX: [Community!]! }`);
    const other = {
      name: 'school-district',
      kind: 'PARTNER' as const,
      url: 'http://127.0.0.1:4200/graphql',
      sdl: `${fed('"@key"')}\ntype Community @key(fields: "id") { id: ID! clinics: String }\ntype Query { schoolDistrict: Int }`,
    };
    const report = await checkChange([committees, other], { name: 'health-center', kind: 'PARTNER', next: clash }, []);
    expect(report.ok).toBe(false);
    expect(report.errors.some((e) => /^[A-Z_]+$/.test(e.code) && !e.code.startsWith('POLICY_'))).toBe(true);
  });

  it("keeps two partners off each other's root fields", () => {
    expect(followsRootFieldRule('healthCenter', 'health-center')).toBe(true);
    expect(followsRootFieldRule('healthCenterClinics', 'health-center')).toBe(true);
    expect(followsRootFieldRule('healthCentered', 'health-center')).toBe(false);
    expect(followsRootFieldRule('clinics', 'health-center')).toBe(false);
  });
});
