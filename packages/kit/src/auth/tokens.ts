import { SignJWT } from 'jose';
import type { Caller } from './caller.js';

export type TokenClaims = Partial<Omit<Caller, 'subject'>> & { role: Caller['role']; sub?: string };

/** Issues an HS256 token the hub accepts (development and tests; production uses its IdP). */
export async function issueToken(
  claims: TokenClaims,
  secret: string,
  options: { issuer?: string; audience?: string; expiresIn?: string } = {},
): Promise<string> {
  const payload = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== null && v !== undefined));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setIssuer(options.issuer ?? 'shequ')
    .setAudience(options.audience ?? 'shequ')
    .setSubject(claims.sub ?? `${claims.role.toLowerCase()}-${claims.communityId ?? claims.streetId ?? claims.departmentId ?? claims.partnerId ?? 'user'}`)
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}
