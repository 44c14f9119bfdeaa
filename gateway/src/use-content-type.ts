// A POST runs only when its body is JSON. Any web page can make a browser send a form
// (application/x-www-form-urlencoded, multipart/form-data) or text/plain to another site
// without asking it first (no CORS preflight), and Yoga would run a form's `query` field, a
// mutation included: cross-site request forgery. JSON needs a preflight, which CORS (cors.ts)
// answers only for the origins allowed. Refused with 415 before the body is read.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export const UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE';

/** The media types Yoga parses as a JSON operation. */
const json = new Set(['application/json', 'application/graphql+json']);

export function useContentType(): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      // Yoga matches the type case-sensitively: without a parser it would answer 415 with no body.
      if (json.has(type) && requestParser) return;
      const body = {
        errors: [
          {
            message: `Send the operation as application/json${type ? `, not ${type.slice(0, 100)}` : ''}`,
            extensions: { code: UNSUPPORTED_MEDIA_TYPE, accepted: [...json] },
          },
        ],
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        }),
      );
    },
  };
}
