// Callers and inputs the services tests share (the subgraph's own tests and the e2e tests in test/).
import type { TokenClaims } from '@shequ/kit';
import { postgresAvailable, startTestSubgraph, type DatabaseKind, type GraphQLResponse, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { DB } from '../src/db.js';
import services from '../src/index.js';

export const admin = { role: 'DISTRICT_ADMIN', sub: 'admin-1' } as const;
export const staffOf = (communityId: string) => ({ role: 'COMMITTEE_STAFF', communityId, sub: `staff-${communityId}-01` }) as const;
export const streetStaffOf = (streetId: string) => ({ role: 'STREET_STAFF', streetId, sub: `staff-${streetId}-01` }) as const;
export const residentAs = (personId: string, communityId: string) => ({ role: 'RESIDENT', personId, communityId, sub: personId }) as const;
export const provider = (partnerId: string) => ({ role: 'PARTNER', partnerId, sub: `partner:${partnerId}` }) as const;

export type Ask = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: TokenClaims | null) => Promise<GraphQLResponse<T>>;

const pgUp = await postgresAvailable();

/** A suite run against the subgraph on each database (on PostgreSQL only when it answers). */
export function onEachDatabase(title: string, suite: (sg: () => TestSubgraph<DB>, ask: Ask, kind: DatabaseKind) => void): void {
  describe.each(['pglite', 'postgres'] as const)(`${title} on %s`, (kind) => {
    describe.skipIf(kind === 'postgres' && !pgUp)('', () => {
      let sg: TestSubgraph<DB>;
      beforeAll(async () => {
        sg = await startTestSubgraph(services, kind);
      });
      afterAll(() => sg?.dispose());
      suite(
        () => sg,
        (query, variables, as) => sg.query(query, variables ?? {}, as ?? null),
        kind,
      );
    });
  });
}

/** The data of a response that must have succeeded. */
export function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The code of the (first) error of a response that must have failed. */
export const codeOf = (res: GraphQLResponse): unknown => res.errors?.[0]?.extensions?.code;

export const pointInput = {
  name: '测试服务点',
  nameEn: 'Test service point',
  address: '武汉市江汉区民族街道服务中心1号',
  lat: 30.59,
  long: 114.27,
  openingHours: 'Mo-Fr 08:30-17:30; Sa 09:00-12:00',
  phone: '027-85551234',
};

const publish = `mutation($input: PublishTenderInput!) { publishTender(input: $input) { id status } }`;
const bid = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;

/** A tender for an item in a community, published by the district, with bids from the given providers. */
export async function openTender(ask: Ask, communityId: string, itemId: string, bidders: string[]) {
  const input = {
    itemId,
    communityId,
    title: 'Test tender',
    requirements: 'Serve the residents as the catalogue says',
    budgetFen: 10_000_000,
    contractStart: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    contractEnd: new Date(Date.now() + 700 * 86_400_000).toISOString().slice(0, 10),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
  };
  const tender = ok(await ask<{ publishTender: { id: string } }>(publish, { input }, admin)).publishTender;
  const bids: string[] = [];
  for (const [i, partnerId] of bidders.entries()) {
    const res = await ask<{ submitBid: { id: string } }>(
      bid,
      { input: { tenderId: tender.id, priceFen: 9_000_000 - i * 100_000, proposal: `Proposal ${i + 1}` } },
      provider(partnerId),
    );
    bids.push(ok(res).submitBid.id);
  }
  return { tenderId: tender.id, bids };
}

/** Runs a tender through to award: the provider of the first bid runs a point in the community from today. */
export async function pointFor(ask: Ask, communityId: string, itemId: string, partnerId: string): Promise<string> {
  const { tenderId, bids } = await openTender(ask, communityId, itemId, [partnerId]);
  ok(await ask('mutation($id: ID!) { closeTender(id: $id) { id } }', { id: tenderId }, admin));
  const award = `mutation($input: AwardTenderInput!) { awardTender(input: $input) { servicePoint { id } } }`;
  const res = await ask<{ awardTender: { servicePoint: { id: string } } }>(award, { input: { tenderId, bidId: bids[0], servicePoint: pointInput } }, admin);
  return ok(res).awardTender.servicePoint.id;
}

/** A valid resident ID-card number (GB 11643) outside the demo's region code, so it never collides with demo residents. */
export function idCardNumber(birthDate: string, sequence: number): string {
  const first17 = `420102${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
