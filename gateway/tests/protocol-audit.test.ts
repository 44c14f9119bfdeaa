// GraphQL over HTTP conformance, as graphql-http's own server audit checks it: every audit (the
// spec's MUSTs and SHOULDs) against the gateway as it is deployed, all our plugins in place.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecords, startSecureGateway, type Records, type SecureGateway } from './helpers/secure-hub.ts';

let records: Records;
let hub: SecureGateway;

beforeAll(async () => {
  records = await startRecords();
  hub = await startSecureGateway(records);
});
afterAll(async () => {
  await hub?.close();
  await records?.close();
});

describe('the graphql-http server audit', () => {
  const audits = serverAudits({ url: () => hub.url, fetchFn: fetch });
  it('has every audit', () => expect(audits.length).toBeGreaterThanOrEqual(61));
  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});
