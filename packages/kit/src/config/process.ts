// The few settings every process shares (where data lives, how much it logs), and the lenient
// reads that modules loaded before any entry point ran (paths.ts, the logger) may use.
import { defineConfig, parseConfig, type Env } from './define.js';
import type { LogLevel } from './kinds.js';
import { inRepo } from './repo-root.js';
import { LOG_LEVEL, SHEQU_DATA_DIR, SHEQU_LOG_LEVEL } from './shared.js';

export const dataDirOf = (v: { SHEQU_DATA_DIR: string | undefined }): string => v.SHEQU_DATA_DIR ?? inRepo('.data');

export const logLevelOf = (v: { SHEQU_LOG_LEVEL: LogLevel | undefined; LOG_LEVEL: LogLevel | undefined }): LogLevel =>
  v.SHEQU_LOG_LEVEL ?? v.LOG_LEVEL ?? 'info';

export const processConfig = defineConfig({
  process: 'every process',
  variables: { SHEQU_DATA_DIR, LOG_LEVEL, SHEQU_LOG_LEVEL },
  build: (v) => ({ dataDir: dataDirOf(v), logLevel: logLevelOf(v) }),
});

/**
 * The process's data directory and log level from its environment. A wrong log level falls back
 * to `info` here: every entry point parses its whole schema first and stops on it, and a module
 * loaded before that (a logger created at import) must not die with a stack trace instead.
 */
export function processSettings(env: Env = process.env): { dataDir: string; logLevel: LogLevel } {
  try {
    return parseConfig(processConfig, env);
  } catch {
    return { dataDir: dataDirOf({ SHEQU_DATA_DIR: env.SHEQU_DATA_DIR?.trim() || undefined }), logLevel: 'info' };
  }
}
