import { processSettings } from './config/process.js';
import { repoRoot } from './config/repo-root.js';

/** The repository root, found from this file rather than the working directory. */
export { repoRoot };

/** Where the embedded databases and the development key live (git-ignored): SHEQU_DATA_DIR, else `.data`. */
export const dataRoot = processSettings().dataDir;
