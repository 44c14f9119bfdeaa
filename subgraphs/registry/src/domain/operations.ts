// The recorded client operations checks are judged against: the same manifests the gateway
// trusts (TRUSTED_DOCUMENTS_DIR, default schema/operations), read afresh for every check.
import path from 'node:path';
import { repoRoot } from '@shequ/kit';
import { readRecordedOperations, type RecordedOperation } from '@shequ/kit/federation/operations';

export const operationsDir = () => process.env.TRUSTED_DOCUMENTS_DIR?.trim() || path.join(repoRoot, 'schema', 'operations');

export const recordedOperations = (): RecordedOperation[] => readRecordedOperations(operationsDir());
