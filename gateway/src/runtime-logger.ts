import { Logger as HiveLogger, type LogLevel, type LogWriter } from '@graphql-hive/logger';
import { PinoLogWriter } from '@graphql-hive/logger/writers/pino';
import type { Logger } from '@shequ/kit/logger';

/**
 * The runtime logs through its own logger; routing it into our pino logger keeps one JSON
 * stream with the kit's redaction rules (the runtime logs subgraph request bodies, which
 * may carry personal data in variables).
 */
export function toRuntimeLogger(log: Logger): HiveLogger {
  const pinoWriter = new PinoLogWriter(log);
  const writer: LogWriter = {
    write(level, attrs, msg) {
      if (isYogaMaskedErrorDump(level, attrs, msg)) return;
      pinoWriter.write(level, attrs, msg);
    },
  };
  return new HiveLogger({
    // Lazy, so a `log.level = ...` change at runtime reaches the gateway runtime too.
    level: () => runtimeLevel(log.level),
    writers: [writer],
  });
}

/**
 * Yoga logs the raw error, with no message, every time `maskError` replaces one. Our masker
 * (mask-errors.ts) has already logged those with their stack and subgraph, and the raw dump
 * repeats the subgraph's stack trace, so it is dropped here.
 */
function isYogaMaskedErrorDump(level: LogLevel, attrs: unknown, msg: string | null | undefined): boolean {
  return level === 'error' && !msg && typeof attrs === 'object' && attrs !== null && 'message' in attrs && 'extensions' in attrs;
}

function runtimeLevel(pinoLevel: string): LogLevel | false {
  switch (pinoLevel) {
    case 'trace':
    case 'debug':
    case 'info':
    case 'warn':
    case 'error':
      return pinoLevel;
    case 'fatal':
      return 'error';
    default:
      return false; // 'silent'
  }
}
