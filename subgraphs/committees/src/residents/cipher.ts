import { type FieldCipher, fieldCipherOf } from '@shequ/kit/crypto/field-cipher';
import { maskIdCard } from './id-card.js';

/**
 * The cipher of the hub's data key, built once at start (runSubgraph: SHEQU_DATA_KEY, in
 * development .data/dev-data-key) and handed to the seed and every request's context.
 */
export const personalDataCipher = fieldCipherOf;

/** What the database stores for an ID-card number: ciphertext, keyed hash and masked form. */
export function sealIdCard(cipher: FieldCipher, number: string) {
  return { idCardCipher: cipher.encrypt(number), idCardHash: cipher.lookupHash(number), idCardMasked: maskIdCard(number) };
}
