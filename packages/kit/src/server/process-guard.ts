// The last line of defence of a long-running service: a promise rejected with nobody listening,
// or an exception thrown from a timer or an event listener, is a bug in our code or a library's.
// By Node's default it ends the process, and with it every live subscription the process serves.
// Here it is logged with its stack and the service keeps serving: one client's fault must not
// take a hub down. Exits for any other reason are the supervisor's (`npm start`, an orchestrator).
import type { Logger } from '../logger.js';

let installed = false;

/** Installs the process-wide handlers, once per process. */
export function guardProcess(log: Logger): void {
  if (installed) return;
  installed = true;
  let caught = 0;
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason, caught: ++caught }, 'unhandled promise rejection (a bug); still serving');
  });
  process.on('uncaughtException', (err, origin) => {
    log.error({ err, origin, caught: ++caught }, 'uncaught exception (a bug); still serving');
  });
}
