// Request bodies over the limit are refused with 413 before they are parsed: a declared
// Content-Length is checked on arrival, a chunked body is counted while it is read. (A body that
// is not JSON never gets here: use-content-type.ts.) graphql-ws messages have the same limit, set
// on the WebSocket server (server.ts).
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';

export function useBodyLimit(maxBytes: number): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const tooLarge = () =>
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: `Request body is larger than ${maxBytes} bytes`, extensions: { code: PAYLOAD_TOO_LARGE, maxBytes } }] }),
          { status: 413, headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } },
        );
      if (!requestParser) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!(Number(declared) <= maxBytes)) endResponse(tooLarge());
        return;
      }
      setRequestParser(async (req) => {
        const text = await readAtMost(req, maxBytes);
        if (text === null) return tooLarge();
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: text }));
      });
    },
  };
}

/** The body as text, or null (and the rest left unread) once it passes `maxBytes`. */
async function readAtMost(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
