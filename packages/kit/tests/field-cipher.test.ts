import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretsConfigError } from '../src/auth/secrets.js';
import { createFieldCipher, FieldCipherError, fieldCipherOf, loadDataKey } from '../src/crypto/field-cipher.js';

const tempRoot = () => mkdtempSync(path.join(tmpdir(), 'shequ-data-key-'));

describe('field cipher', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('seals a value so the ciphertext does not contain it, with a fresh IV every time, and opens it again', () => {
    const a = cipher.encrypt('42010319500307102X');
    const b = cipher.encrypt('42010319500307102X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('19500307');
    expect(a.startsWith(`v1.${cipher.keyId}.`)).toBe(true);
    expect(cipher.decrypt(a)).toBe('42010319500307102X');
  });

  it('refuses tampered ciphertexts and ciphertexts of another key', () => {
    const sealed = cipher.encrypt('secret');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([...parts.slice(0, 4), flipped.toString('base64url')].join('.'))).toThrow(FieldCipherError);
    expect(() => createFieldCipher(randomBytes(32)).decrypt(sealed)).toThrow(/another data key/);
    expect(() => cipher.decrypt('plain text')).toThrow(FieldCipherError);
  });

  it('derives keys for other purposes as before (the ballot links of stored databases), and is found on a context', () => {
    const key = randomBytes(32);
    const derived = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'shequ evaluations ballot link v1', 32));
    expect(createFieldCipher(key).deriveKey('evaluations ballot link v1').equals(derived)).toBe(true);
    expect(fieldCipherOf({ fieldCipher: cipher })).toBe(cipher);
    expect(() => fieldCipherOf({})).toThrow(/without the data key/);
  });

  it('hashes normalised values deterministically, keyed (another key, another hash)', () => {
    expect(cipher.lookupHash(' 42010319500307102x')).toBe(cipher.lookupHash('42010319500307102X'));
    expect(cipher.lookupHash('a')).not.toBe(cipher.lookupHash('b'));
    expect(createFieldCipher(randomBytes(32)).lookupHash('a')).not.toBe(cipher.lookupHash('a'));
  });
});

describe('data key', () => {
  it('creates a development key file once (owner-only) and reuses it', () => {
    const root = tempRoot();
    const first = loadDataKey({}, root);
    expect(first.development).toBe(true);
    expect(statSync(first.developmentKeyFile).mode & 0o777).toBe(0o600);
    expect(loadDataKey({}, root).key.equals(first.key)).toBe(true);
    expect(readFileSync(first.developmentKeyFile, 'utf8')).not.toBe('');
  });

  it('takes SHEQU_DATA_KEY as hex or base64url and insists on 32 bytes', () => {
    const key = randomBytes(32);
    expect(loadDataKey({ SHEQU_DATA_KEY: key.toString('hex') }, tempRoot()).key.equals(key)).toBe(true);
    expect(loadDataKey({ SHEQU_DATA_KEY: key.toString('base64url') }, tempRoot()).key.equals(key)).toBe(true);
    expect(() => loadDataKey({ SHEQU_DATA_KEY: 'too-short' }, tempRoot())).toThrow(SecretsConfigError);
  });

  it('in production refuses to run without SHEQU_DATA_KEY or with the development key', () => {
    const root = tempRoot();
    expect(() => loadDataKey({ NODE_ENV: 'production' }, root)).toThrow(/SHEQU_DATA_KEY/);
    const dev = loadDataKey({}, root).key;
    expect(() => loadDataKey({ NODE_ENV: 'production', SHEQU_DATA_KEY: dev.toString('hex') }, root)).toThrow(/development data key/);
    expect(loadDataKey({ NODE_ENV: 'production', SHEQU_DATA_KEY: randomBytes(32).toString('hex') }, root).development).toBe(false);
  });
});
