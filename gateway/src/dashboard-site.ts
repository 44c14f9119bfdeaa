// The web dashboard (dashboard/, built to dashboard/dist) at `/`, from the same origin as the
// GraphQL endpoint it talks to, so it needs no CORS and works offline. serve-static does the
// file serving (ranges, ETags, traversal); hashed assets are cached for good, index.html never,
// so a new build is seen on the next load.
import { existsSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import serveStatic from 'serve-static';

/** `<repo>/dashboard/dist`, found from this file so it does not depend on the cwd. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));

export type SiteHandler = (req: http.IncomingMessage, res: http.ServerResponse, notFound: () => void) => void;

export function dashboardSite(dir = DEFAULT_DASHBOARD_DIR): SiteHandler {
  const serve = serveStatic(dir, {
    index: ['index.html'],
    fallthrough: true,
    setHeaders(res, file) {
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      // The page runs only scripts of its own origin and talks only to it.
      if (file.endsWith('.html'))
        res.setHeader('content-security-policy', "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
    },
  });
  return (req, res, notFound) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound();
    if (!existsSync(path.join(dir, 'index.html'))) {
      if ((req.url ?? '/').split('?')[0] !== '/') return notFound();
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('The dashboard is not built yet: npm install builds it (or npm run build -w dashboard). GraphQL is at /graphql.\n');
      return;
    }
    serve(req as never, res as never, () => notFound());
  };
}
