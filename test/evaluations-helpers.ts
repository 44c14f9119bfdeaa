// Shared by the evaluations end-to-end tests: campaigns and ballots through the gateway.
import { representativeId, type TokenClaims } from '@shequ/kit';
import type { GraphQLResponse, TestFederation } from '@shequ/testing';
import { expect } from 'vitest';

export const admin: TokenClaims = { role: 'DISTRICT_ADMIN', sub: 'admin-1' };

/** The n-th demo representative of a community, as their token would say. */
export const rep = (communityId: string, n: number): TokenClaims => {
  const personId = representativeId(communityId, n);
  return { role: 'REPRESENTATIVE', communityId, personId, sub: personId };
};

export const castMutation = `mutation Cast($c: ID!, $t: ID!, $l: [BallotLevelInput!]!, $comment: String, $key: String) {
  castBallot(campaignId: $c, targetId: $t, levels: $l, comment: $comment, idempotencyKey: $key) { targetId targetKind replacedPrevious }
}`;

export interface CampaignSpec {
  title?: string;
  targets: { kind: 'STREET' | 'DEPARTMENT' | 'STAFF'; id: string }[];
  criteria: { key: string; label: string; weight: number }[];
  minBallots?: number;
  communityIds?: string[];
  observerIds?: string[];
}

const createMutation = 'mutation($input: CampaignInput!) { createCampaign(input: $input) { id status } }';

/** A campaign created and opened by a district administrator; returns its id. */
export async function openCampaign(hub: TestFederation, spec: CampaignSpec): Promise<string> {
  const input = { title: spec.title ?? 'Test campaign', periodStart: '2026-01-01', periodEnd: '2026-06-30', ...spec };
  const created = await hub.query<{ createCampaign: { id: string } }>(createMutation, { input }, admin);
  expect(created.errors).toBeUndefined();
  const id = created.data!.createCampaign.id;
  const opened = await hub.query('mutation($id: ID!) { openCampaign(id: $id) { status } }', { id }, admin);
  expect(opened.errors).toBeUndefined();
  return id;
}

/** Levels for the criteria, in order. */
export const levels = (keys: string[], values: number[]) => keys.map((criterion, i) => ({ criterion, level: values[i] }));

export function cast(
  hub: TestFederation,
  voter: TokenClaims,
  campaignId: string,
  targetId: string,
  values: { criterion: string; level: number | undefined }[],
  extra: { comment?: string; key?: string } = {},
): Promise<GraphQLResponse<{ castBallot: { targetId: string; targetKind: string; replacedPrevious: boolean } }>> {
  return hub.query(castMutation, { c: campaignId, t: targetId, l: values, ...extra }, voter);
}

export function accepted(res: GraphQLResponse): void {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
}

export const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

export { SseFeed, WsFeed } from './live-clients.js';

export const sheetMutation = `mutation Sheet($c: ID!, $b: [BallotSheetBallotInput!]!, $key: String!) {
  castBallotSheet(campaignId: $c, ballots: $b, idempotencyKey: $key) { targetId targetKind replacedPrevious }
}`;

export type SheetBallot = { targetId: string; levels: { criterion: string; level: number | undefined }[]; comment?: string };
export type Receipts = { castBallotSheet: { targetId: string; targetKind: string; replacedPrevious: boolean }[] };

/** One representative's ballot sheet. */
export const castSheet = (
  hub: TestFederation,
  voter: TokenClaims,
  campaignId: string,
  ballots: SheetBallot[],
  key: string,
): Promise<GraphQLResponse<Receipts>> => hub.query(sheetMutation, { c: campaignId, b: ballots, key }, voter);
