import { outboxWorker, type BackgroundWorker, type SubgraphServices } from '@shequ/kit';
import type { DB } from '../db.js';
import { deliverFundTransfer, fundTransferKind, type FundTransfer } from './fund-transfer.js';

export { wakeOutbox } from '@shequ/kit';

export function outboxWorkers(shared: SubgraphServices<DB>): BackgroundWorker[] {
  return [
    outboxWorker(shared, {
      name: 'departments',
      table: (prisma: DB) => prisma.outboxEvent,
      handlers: { [fundTransferKind]: (services, payload) => deliverFundTransfer(services, payload as FundTransfer) },
    }),
  ];
}
