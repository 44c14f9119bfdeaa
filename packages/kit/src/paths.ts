import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file rather than the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the embedded databases and the development key live (git-ignored). */
export const dataRoot = process.env.SHEQU_DATA_DIR ?? path.join(repoRoot, '.data');
