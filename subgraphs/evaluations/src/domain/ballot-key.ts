// The only link between a representative and their ballot is a keyed hash (HMAC-SHA256) of
// campaign + representative + target, used to find the ballot to replace. The key is derived from
// the hub's data key (SHEQU_DATA_KEY, kept outside the database; a development key in .data/
// otherwise, never in production), so neither a database dump nor any output ties a ballot to a
// person.
import { createHmac, hkdfSync } from 'node:crypto';
import { dataKeyOf, dataRoot } from '@shequ/kit';
import { dataKeySettings } from '@shequ/kit/config/subgraph';

let cached: Buffer | undefined;

function ballotKey(): Buffer {
  cached ??= Buffer.from(hkdfSync('sha256', dataKeyOf(dataKeySettings(), dataRoot).key, Buffer.alloc(0), 'shequ evaluations ballot link v1', 32));
  return cached;
}

const mac = (...parts: string[]) => createHmac('sha256', ballotKey()).update(parts.join('\u0000')).digest('base64url');

/** Finds (and dedupes) one representative's ballot on one target of one campaign. */
export const voterKey = (campaignId: string, representativeId: string, targetId: string) => mac('ballot', campaignId, representativeId, targetId);

/** Identifies a cast request for idempotent retries. */
export const castRequestKey = (campaignId: string, representativeId: string, idempotencyKey: string) =>
  mac('cast', campaignId, representativeId, idempotencyKey);

/** What was asked, to tell a retry from a different ballot under a reused key. */
export const payloadHash = (payload: unknown) => mac('payload', JSON.stringify(payload));

/** Identifies a ballot sheet request, and each of its ballots' answers, for idempotent retries. */
export const sheetRequestKey = (campaignId: string, representativeId: string, idempotencyKey: string) =>
  mac('sheet', campaignId, representativeId, idempotencyKey);
export const sheetItemKey = (campaignId: string, representativeId: string, idempotencyKey: string, targetId: string) =>
  mac('sheet-item', campaignId, representativeId, idempotencyKey, targetId);
