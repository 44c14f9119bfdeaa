import { dataRoot } from '@shequ/kit';
import { dataKeySettings } from '@shequ/kit/config/subgraph';
import { createFieldCipher, dataKeyOf, type FieldCipher } from '@shequ/kit/crypto/field-cipher';
import { maskIdCard } from './id-card.js';

let cipher: FieldCipher | undefined;

/** Seals ID-card numbers; the key comes from SHEQU_DATA_KEY (development: .data/dev-data-key). */
export function personalDataCipher(): FieldCipher {
  cipher ??= createFieldCipher(dataKeyOf(dataKeySettings(), dataRoot).key);
  return cipher;
}

/** What the database stores for an ID-card number: ciphertext, keyed hash and masked form. */
export function sealIdCard(number: string) {
  const c = personalDataCipher();
  return { idCardCipher: c.encrypt(number), idCardHash: c.lookupHash(number), idCardMasked: maskIdCard(number) };
}
