import { describe, expect, it } from 'vitest';
import { brokenOperations, changesSummary, forceWouldHelp, formatCheck, formatHistory, formatSubgraphs, table } from '../../subgraph/report.ts';
import { core, failingCheck, partner, passingCheck, recordedOnlyCheck, versions } from './fixtures.ts';

describe('a failing check', () => {
  const text = formatCheck('demo-partner', failingCheck);

  it('reads, in order: headline, errors, warnings, broken operations, changes (breaking first)', () => {
    expect(text).toBe(
      [
        'demo-partner: the check fails: 3 errors, 1 warning',
        '',
        'Errors (3):',
        '  POLICY_ROOT_FIELD_NAME at Query.hello: root fields of "demo-partner" begin with "demoPartner"',
        '  BREAKS_RECORDED_OPERATION at dashboard.json#Community: operation Community (dashboard.json) would fail: Cannot query field "name" on type "Community".',
        '  INVALID_FIELD_SHARING at demo-partner: Non-shareable field "Community.name" is resolved from multiple subgraphs',
        '      it is resolved from "committees" and "demo-partner"',
        '',
        'Warnings (1):',
        "  DANGEROUS_CHANGE at Kind.X: Enum value 'X' was added to enum 'Kind'",
        '',
        'Recorded operations that would break:',
        '  dashboard.json#Community',
        '',
        'Schema changes (3):',
        "  BREAKING   Field 'name' was removed from object type 'Community' (Community.name)",
        "  DANGEROUS  Enum value 'X' was added to enum 'Kind' (Kind.X)",
        "  SAFE       Field 'demoPartnerThing' was added to object type 'Community' (Community.demoPartnerThing)",
      ].join('\n'),
    );
  });

  it('names every error code and where it is', () => {
    for (const e of failingCheck.errors) expect(text).toContain(`${e.code} at ${e.where}: `);
  });

  it('is not something --force fixes: a policy error stands', () => {
    expect(forceWouldHelp(failingCheck)).toBe(false);
    expect(forceWouldHelp(recordedOnlyCheck)).toBe(true);
  });

  it('lists a broken operation once, however many problems it has', () => {
    expect(brokenOperations(recordedOnlyCheck)).toEqual(['feeds.json#PartnerFeed']);
  });

  it('forced: the operations that break are said to break', () => {
    const forced = {
      ok: true,
      errors: [],
      warnings: [{ ...recordedOnlyCheck.errors[0]!, message: `${recordedOnlyCheck.errors[0]!.message} (forced)` }],
      changes: [],
    };
    expect(formatCheck('demo-partner', forced)).toContain('Recorded operations this breaks (forced):\n  feeds.json#PartnerFeed');
  });

  it('a finding without where has no "at"', () => {
    expect(formatCheck('x', { ok: false, errors: [{ code: 'INVALID_GRAPHQL', message: 'does not parse', where: null }], warnings: [], changes: [] })).toContain(
      '  INVALID_GRAPHQL: does not parse',
    );
  });
});

describe('a passing check', () => {
  it('says so and counts the changes', () => {
    expect(formatCheck('demo-partner', passingCheck).split('\n')[0]).toBe('demo-partner: the check passes: 1 schema change');
    expect(formatCheck('demo-partner', { ok: true, errors: [], warnings: [], changes: [] })).toBe('demo-partner: the check passes: no schema changes');
  });
});

describe('tables', () => {
  it('pads every column but the last', () => {
    expect(
      table(
        ['A', 'LONG'],
        [
          ['xyz', '1'],
          ['q', ''],
        ],
      ),
    ).toBe('A    LONG\nxyz  1\nq');
  });

  it('list: name, kind, partner, version, active, routing URL', () => {
    expect(formatSubgraphs([core, { ...partner, active: false, currentVersion: null }])).toBe(
      [
        'NAME          KIND     PARTNER  VERSION  ACTIVE  ROUTING URL',
        'committees    CORE     -        1        yes     http://127.0.0.1:4002/graphql',
        'demo-partner  PARTNER  p1       -        no      http://127.0.0.1:4959/graphql',
      ].join('\n'),
    );
    expect(formatSubgraphs([])).toBe('No subgraphs are registered.');
  });

  it('history: newest first, the version in force marked, breaking changes summarised', () => {
    expect(formatHistory(partner, versions)).toBe(
      [
        'demo-partner (PARTNER, partner p1): version 2 in force',
        '',
        'VERSION  ACTION   ACTOR                              AT                    CHANGES',
        '2*       PUBLISH  DISTRICT_ADMIN:subgraph-cli:alice  2026-12-02T04:33:21Z  4 (3 breaking: Query.demoPartnerHello, Community.a, +1 more)',
        '1        PUBLISH  PARTNER:partner-p1                 2026-12-01T09:00:00Z  1',
        '* in force',
      ].join('\n'),
    );
    expect(formatHistory({ ...partner, currentVersion: null }, [])).toContain('No versions yet');
  });

  it('a breaking change without a path is summarised by its message', () => {
    expect(changesSummary([{ type: 'T', criticality: 'BREAKING', message: 'Schema root changed', path: null }])).toBe('1 (1 breaking: Schema root changed)');
  });
});
