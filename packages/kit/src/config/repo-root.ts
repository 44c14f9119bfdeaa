import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file rather than the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A path relative to the repository, for defaults that must not depend on the cwd. */
export const inRepo = (...parts: string[]) => path.join(repoRoot, ...parts);
