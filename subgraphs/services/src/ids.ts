import { randomUUID } from 'node:crypto';

/** A new row id: readable prefix, random body (concurrent writers never collide). */
export const newId = (prefix: string): string => `${prefix}-${randomUUID()}`;

/** A short human-facing code (tender numbers, service point codes). */
export const newCode = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
