// The prologue of every data-layer test, once: the suite runs on embedded PGlite and on the
// machine's PostgreSQL, and where PostgreSQL does not answer its half is skipped (loudly: see
// postgresAvailable). `await describeOnEachDatabase('party', (kind) => { … })` names the suites
// `party on pglite` and `party on postgres`; the body starts what it needs with `kind`
// (startTestSubgraph(def, kind), startTestFederation({ …, database: kind })).
import { describe } from 'vitest';
import { type DatabaseKind, postgresAvailable } from './databases.js';

export async function describeOnEachDatabase(title: string, body: (kind: DatabaseKind) => void): Promise<void> {
  const pgUp = await postgresAvailable();
  describe.each(['pglite', 'postgres'] as const)(`${title} on %s`, (kind) => {
    describe.skipIf(kind === 'postgres' && !pgUp)('', () => body(kind));
  });
}
