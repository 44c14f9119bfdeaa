// The services together: started all at once, a summary once all serve, and one way to stop.
// The hub stops on Ctrl-C/SIGTERM (exit code 0) or when a service cannot be kept running (1).
import { ServiceOutput } from './output.js';
import type { ServiceSpec } from './plan.js';
import { Service } from './service.js';
import { gatewayName, type LauncherSettings } from './settings.js';

export class Hub {
  private services: Service[] = [];
  private stopped: Promise<never> | undefined;
  private database = '';

  constructor(private readonly startedAt: number) {}

  /** Starts every service and prints the summary once all of them serve. */
  async run(
    specs: ServiceSpec[],
    settings: Pick<LauncherSettings, 'restart' | 'readyTimeoutMs' | 'embeddedDatabases' | 'dataDir'>,
    /** What to print once all serve, instead of npm start's table (the cluster's own). */
    summary?: (services: readonly { name: string; url: string | undefined; pid: number | undefined }[], upSeconds: string) => string,
  ): Promise<void> {
    if (this.stopped) return;
    this.database = settings.embeddedDatabases ? `embedded PGlite in ${settings.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    const width = Math.max(...specs.map((s) => s.name.length));
    this.services = specs.map(
      (spec, i) =>
        new Service(spec, {
          restart: settings.restart,
          readyTimeoutMs: settings.readyTimeoutMs,
          output: new ServiceOutput(spec.name, i, width),
          fatal: (message) => void this.stop(1, message),
        }),
    );
    // All at once: the gateway needs only the supergraph file, not live subgraphs, to start.
    await Promise.all(this.services.map((s) => s.start()));
    if (this.stopped) return;
    console.log(summary ? summary(this.services, ((Date.now() - this.startedAt) / 1000).toFixed(1)) : this.summary());
  }

  /** Runs after every service stopped, before the exit (the cluster removes nginx's temporary directory). */
  onStopped: (() => Promise<void> | void) | undefined;

  /** Stops every service (none restarts after this) and exits; the first call decides the exit code. */
  stop(code: number, message?: string): Promise<never> {
    this.stopped ??= (async () => {
      if (message) console.error(message);
      await Promise.all(this.services.map((s) => s.stop()));
      await Promise.resolve(this.onStopped?.()).catch(() => {});
      process.exit(code);
    })();
    return this.stopped;
  }

  private summary(): string {
    const rows = [...this.services.filter((s) => s.name === gatewayName), ...this.services.filter((s) => s.name !== gatewayName)].map((s) => ({
      label: s.name === gatewayName ? 'GraphQL (HTTP, GraphiQL, graphql-ws, SSE)' : `subgraph ${s.name}`,
      url: s.url!.replace('127.0.0.1', 'localhost'),
      pid: s.pid,
    }));
    // The gateway also serves the dashboard, at its root.
    const gateway = rows.find((r) => r.label.startsWith('GraphQL'));
    if (gateway) rows.unshift({ label: 'dashboard', url: gateway.url.replace(/\/graphql$/, '/'), pid: gateway.pid });
    const labelWidth = Math.max(...rows.map((r) => r.label.length));
    const urlWidth = Math.max(...rows.map((r) => r.url.length));
    return `
shequ is up in ${((Date.now() - this.startedAt) / 1000).toFixed(1)} s
${rows.map((r) => `  ${r.label.padEnd(labelWidth)}  ${r.url.padEnd(urlWidth)}  ${r.pid === undefined ? 'restarting' : `pid ${r.pid}`}`).join('\n')}
  database: ${this.database}
A service that goes down is restarted. Press Ctrl-C to stop.
`;
  }
}
