// The only link between a representative and their ballot is a keyed hash (HMAC-SHA256) of
// campaign + representative + target, used to find the ballot to replace. The key is derived from
// the hub's data key (SHEQU_DATA_KEY, kept outside the database; a development key in .data/
// otherwise, never in production), so neither a database dump nor any output ties a ballot to a
// person.
import { createHmac } from 'node:crypto';
import { type FieldCipher, fieldCipherOf } from '@shequ/kit/crypto/field-cipher';

export interface BallotKeys {
  /** Finds (and dedupes) one representative's ballot on one target of one campaign. */
  voterKey(campaignId: string, representativeId: string, targetId: string): string;
  /** Identifies a cast request for idempotent retries. */
  castRequestKey(campaignId: string, representativeId: string, idempotencyKey: string): string;
  /** What was asked, to tell a retry from a different ballot under a reused key. */
  payloadHash(payload: unknown): string;
  /** Identifies a ballot sheet request, and each of its ballots' answers, for idempotent retries. */
  sheetRequestKey(campaignId: string, representativeId: string, idempotencyKey: string): string;
  sheetItemKey(campaignId: string, representativeId: string, idempotencyKey: string, targetId: string): string;
}

const derived = new WeakMap<FieldCipher, BallotKeys>();

/** The ballot keys of the data key the subgraph was started with (its context, its seed's keys). */
export function ballotKeys(holder: { fieldCipher?: FieldCipher | undefined }): BallotKeys {
  const cipher = fieldCipherOf(holder);
  let keys = derived.get(cipher);
  if (!keys) {
    const key = cipher.deriveKey('evaluations ballot link v1');
    const mac = (...parts: string[]) => createHmac('sha256', key).update(parts.join('\u0000')).digest('base64url');
    keys = {
      voterKey: (campaignId, representativeId, targetId) => mac('ballot', campaignId, representativeId, targetId),
      castRequestKey: (campaignId, representativeId, idempotencyKey) => mac('cast', campaignId, representativeId, idempotencyKey),
      payloadHash: (payload) => mac('payload', JSON.stringify(payload)),
      sheetRequestKey: (campaignId, representativeId, idempotencyKey) => mac('sheet', campaignId, representativeId, idempotencyKey),
      sheetItemKey: (campaignId, representativeId, idempotencyKey, targetId) => mac('sheet-item', campaignId, representativeId, idempotencyKey, targetId),
    };
    derived.set(cipher, keys);
  }
  return keys;
}
