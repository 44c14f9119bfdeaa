// CORS_ORIGINS: which other web origins may call the gateway from a browser (gateway/src/cors.ts
// turns the list into the runtime's policy). Here because the gateway's schema parses it.
export class CorsConfigError extends Error {
  override name = 'CorsConfigError';
}

/** `https://a.example,https://b.example` (or `*`: any origin) → the origins, normalised; throws on anything that is not an origin. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    if (entry === '*') return entry;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new CorsConfigError(`CORS_ORIGINS: "${entry}" is not an origin like https://dashboard.example`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      throw new CorsConfigError(`CORS_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path)`);
    }
    return url.origin;
  });
}
