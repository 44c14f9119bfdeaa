import { pino, type Logger } from 'pino';
import { processSettings } from './config/process.js';

export type { Logger };

// Personal data and secrets never reach a log line, whatever a caller logs by mistake.
const redact = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
    'headers["x-shequ-signature"]',
    '*.authorization',
    '*.password',
    '*.secret',
    '*.token',
    '*.idCard',
    '*.idCardNumber',
    '*.phone',
    'variables',
  ],
  censor: '[redacted]',
};

/**
 * Structured JSON logs. `LOG_LEVEL` sets the level (trace … error, as the Hive gateway also
 * reads it); `SHEQU_LOG_LEVEL` wins and may also be `silent`, which tests use.
 */
export function createLogger(name: string, level: string = processSettings().logLevel): Logger {
  return pino({ name, level, redact, base: { service: name } });
}
