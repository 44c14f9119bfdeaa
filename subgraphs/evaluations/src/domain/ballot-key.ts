// The only link between a representative and their ballot is a keyed hash (HMAC-SHA256) of
// campaign + representative + target under a server key, used to find the ballot to replace.
// Without the key, neither the database nor any output ties a ballot to a person. The key lives
// outside the database (EVALUATIONS_BALLOT_KEY); in development one is created in .data/.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataRoot } from '@shequ/kit';

let cached: Buffer | undefined;

export class BallotKeyError extends Error {
  override name = 'BallotKeyError';
}

function developmentKey(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': replicas starting together agree on the first key written.
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch {
      // another process wrote it first
    }
    return readFileSync(file, 'utf8').trim();
  }
}

export function ballotKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (cached) return cached;
  const configured = env.EVALUATIONS_BALLOT_KEY;
  if (!configured && env.NODE_ENV === 'production') throw new BallotKeyError('NODE_ENV=production needs EVALUATIONS_BALLOT_KEY (32+ characters)');
  const key = configured ?? developmentKey(path.join(dataRoot, 'evaluations-ballot.key'));
  if (key.length < 32) throw new BallotKeyError('EVALUATIONS_BALLOT_KEY must be at least 32 characters');
  cached = Buffer.from(key);
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
