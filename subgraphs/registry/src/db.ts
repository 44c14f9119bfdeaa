import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.js';

export type DB = PrismaClient;
export const createClient = (adapter: SqlMigrationAwareDriverAdapterFactory): DB => new PrismaClient({ adapter });
