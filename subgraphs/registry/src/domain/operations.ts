// The recorded client operations checks are judged against: the same manifests the gateway
// trusts (TRUSTED_DOCUMENTS_DIR, default schema/operations), read afresh for every check.
import path from 'node:path';
import { repoRoot } from '@shequ/kit';
import { registrySettings } from '@shequ/kit/config/subgraph';
import { readRecordedOperations, type RecordedOperation } from '@shequ/kit/federation/operations';

// Read at every check, not once: a test federation points it elsewhere while the registry runs.
export const operationsDir = () => registrySettings().trustedDocumentsDir ?? path.join(repoRoot, 'schema', 'operations');

export const recordedOperations = (): RecordedOperation[] => readRecordedOperations(operationsDir());
