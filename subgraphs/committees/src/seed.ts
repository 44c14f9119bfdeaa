import { demoCommunities, demoReferenceDay, lazy, seedDemoTables, type Logger, type SeedKeys } from '@shequ/kit';
import type { DB } from './db.js';
import { demoConsultation } from './demo/consultation.js';
import { demoElections } from './demo/elections.js';
import { demoLedger } from './demo/ledger.js';
import { demoRepresentatives } from './demo/representatives.js';
import { demoResidents } from './demo/residents.js';
import { personalDataCipher } from './residents/cipher.js';

/**
 * Demo data: 112 communities with their representatives (1,680), residents (3,360, ID-card numbers
 * sealed), 2021 election rounds (560 elected members), consultation committees with meetings,
 * and funds ledgers. Deterministic and idempotent: a restart finds it there and builds nothing.
 */
export async function seed(prisma: DB, log: Logger, keys: SeedKeys = { fieldCipher: undefined }): Promise<void> {
  const elections = lazy(() => demoElections(demoCommunities));
  const consultation = lazy(() => demoConsultation(demoCommunities, demoReferenceDay()));
  const seeded = await seedDemoTables(prisma, [
    { table: 'Community', rows: () => demoCommunities },
    { table: 'Representative', rows: () => demoRepresentatives(demoCommunities) },
    { table: 'Resident', rows: () => demoResidents(demoCommunities, personalDataCipher(keys)) },
    { table: 'ElectionRound', rows: () => elections().rounds },
    { table: 'ElectionStageChange', rows: () => elections().stageChanges },
    { table: 'ElectionCandidate', rows: () => elections().candidates },
    { table: 'CommitteeMember', rows: () => elections().members },
    { table: 'ConsultationMember', rows: () => consultation().members },
    { table: 'ConsultationMeeting', rows: () => consultation().meetings },
    { table: 'AgendaItem', rows: () => consultation().agenda },
    { table: 'LedgerEntry', rows: () => demoLedger(demoCommunities, demoReferenceDay()) },
  ]);
  if (seeded) log.info(seeded, 'demo data seeded');
}
