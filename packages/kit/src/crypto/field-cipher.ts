// Encryption of single personal-data fields (ID-card numbers) so that a database dump does not
// reveal them, plus a keyed hash for exact look-ups without decrypting. One data key, from
// SHEQU_DATA_KEY; without it a development key is created in .data/ (never in production).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SecretsConfigError } from '../auth/secrets.js';
import type { Env } from '../config/define.js';
import { dataKeySettings } from '../config/subgraph.js';

export interface FieldCipher {
  /** `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts); a fresh IV every time. */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash (HMAC-SHA-256, hex) of a normalised value: equal inputs, equal hashes. */
  lookupHash(plain: string): string;
  /** Identifies the key (not secret); stored in every ciphertext. */
  keyId: string;
  /** A 32-byte key for another purpose, derived from the data key (HKDF-SHA-256, info `shequ <purpose>`). */
  deriveKey(purpose: string): Buffer;
}

export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
}

const keyBytes = 32;

function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
  if (key.length !== keyBytes) throw new SecretsConfigError(`${origin} must be 32 bytes, as 64 hex digits or base64url`);
  return key;
}

function developmentKey(file: string): Buffer {
  try {
    return parseKey(readFileSync(file, 'utf8'), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': several processes start at once; the first one writes, the others read its key.
    writeFileSync(file, `${randomBytes(keyBytes).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseKey(readFileSync(file, 'utf8'), file);
}

/** The data key: SHEQU_DATA_KEY, or in development a key file under `dataRoot`. */
export function loadDataKey(env: Env, dataRoot: string): DataKey {
  return dataKeyOf(dataKeySettings(env), dataRoot);
}

export interface DataKey {
  key: Buffer;
  development: boolean;
  developmentKeyFile: string;
}

/** The data key from the parsed settings (config/subgraph.ts `dataKeySettings`). */
export function dataKeyOf({ production, dataKey }: { production: boolean; dataKey: string | undefined }, dataRoot: string): DataKey {
  const developmentKeyFile = path.join(dataRoot, 'dev-data-key');
  if (dataKey) {
    const key = parseKey(dataKey, 'SHEQU_DATA_KEY');
    if (production) {
      let devKey: Buffer | null = null;
      try {
        devKey = parseKey(readFileSync(developmentKeyFile, 'utf8'), developmentKeyFile);
      } catch {
        // no development key on this machine
      }
      if (devKey && timingSafeEqual(devKey, key))
        throw new SecretsConfigError(`NODE_ENV=production refuses the development data key from ${developmentKeyFile}`);
    }
    return { key, development: false, developmentKeyFile };
  }
  if (production)
    throw new SecretsConfigError(
      'NODE_ENV=production needs SHEQU_DATA_KEY (32 bytes, hex or base64url) to protect personal data; refusing to use a development key',
    );
  return { key: developmentKey(developmentKeyFile), development: true, developmentKeyFile };
}

/** The cipher a subgraph with `usesDataKey` was started with (its context, its seed's keys). */
export function fieldCipherOf(holder: { fieldCipher?: FieldCipher | undefined }): FieldCipher {
  // startSubgraph refuses to start a subgraph that uses the data key without one.
  if (!holder.fieldCipher) throw new FieldCipherError('started without the data key (usesDataKey)');
  return holder.fieldCipher;
}

/** A cipher over a 32-byte data key; encryption and hashing use separate derived keys. */
export function createFieldCipher(dataKey: Buffer): FieldCipher {
  if (dataKey.length !== keyBytes) throw new FieldCipherError('the data key must be 32 bytes');
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `shequ ${purpose}`, keyBytes));
  const encryptionKey = derive('field encryption v1');
  const hashKey = derive('lookup hash v1');
  const keyId = createHash('sha256').update(dataKey).digest('base64url').slice(0, 8);
  return {
    keyId,
    deriveKey: derive,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, kid, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || ciphertext === undefined) throw new FieldCipherError('not a sealed field');
      if (kid !== keyId) throw new FieldCipherError(`sealed with another data key (${kid}, this one is ${keyId})`);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldCipherError('sealed field was tampered with');
      }
    },
    lookupHash(plain) {
      return createHmac('sha256', hashKey).update(plain.trim().toUpperCase(), 'utf8').digest('hex');
    },
  };
}
