import { demoCommunities, type Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { demoConsultation } from './demo/consultation.js';
import { demoElections } from './demo/elections.js';
import { demoLedger } from './demo/ledger.js';
import { demoRepresentatives } from './demo/representatives.js';
import { demoResidents } from './demo/residents.js';

const batchSize = 1000;

interface Table<T> {
  count(args: { where: { id: string } }): Promise<number>;
  createMany(args: { data: T[]; skipDuplicates: boolean }): Promise<{ count: number }>;
}

/**
 * Inserts demo rows in batches (one INSERT each; PostgreSQL takes at most 65,535 parameters),
 * skipping rows that exist. Rows go in order, so when the last one is there, all are: then a
 * restart costs one look-up instead of re-sending thousands of rows.
 */
async function fill<T extends { id: string }>(table: Table<T>, build: () => T[]): Promise<number> {
  const rows = build();
  if (!rows.length || (await table.count({ where: { id: rows.at(-1)!.id } }))) return 0;
  let count = 0;
  for (let i = 0; i < rows.length; i += batchSize) count += (await table.createMany({ data: rows.slice(i, i + batchSize), skipDuplicates: true })).count;
  return count;
}

const lazy = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/**
 * Demo data: 112 communities with their representatives (1,680), residents (3,360, ID-card numbers
 * sealed), 2021 election rounds (560 elected members), consultation committees with meetings,
 * and funds ledgers. Deterministic and idempotent: existing rows are left alone.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const elections = lazy(() => demoElections(demoCommunities));
  const consultation = lazy(() => demoConsultation(demoCommunities));
  const t = <T>(delegate: unknown) => delegate as Table<T>;
  const added: Record<string, number> = {
    communities: await fill(t(prisma.community), () => demoCommunities),
    representatives: await fill(t(prisma.representative), () => demoRepresentatives(demoCommunities)),
    residents: await fill(t(prisma.resident), () => demoResidents(demoCommunities)),
    electionRounds: await fill(t(prisma.electionRound), () => elections().rounds),
    stageChanges: await fill(t(prisma.electionStageChange), () => elections().stageChanges),
    candidates: await fill(t(prisma.electionCandidate), () => elections().candidates),
    committeeMembers: await fill(t(prisma.committeeMember), () => elections().members),
    consultationMembers: await fill(t(prisma.consultationMember), () => consultation().members),
    meetings: await fill(t(prisma.consultationMeeting), () => consultation().meetings),
    agendaItems: await fill(t(prisma.agendaItem), () => consultation().agenda),
    ledgerEntries: await fill(t(prisma.ledgerEntry), () => demoLedger(demoCommunities)),
  };
  const seeded = Object.fromEntries(Object.entries(added).filter(([, n]) => n > 0));
  if (Object.keys(seeded).length) log.info(seeded, 'demo data seeded');
}
