// One service under supervision: its process, its readiness, and its restarts. A service that
// served and then went down for a reason the launcher did not ask for comes back after a wait
// (policy.ts), on the same port with the same environment; the rest of the hub keeps running
// meanwhile. What cannot be fixed by a restart (it never served: a configuration error; it keeps
// crashing) is reported to the hub, which stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { isReadyMessage } from '@shequ/kit/server/supervisor';
import { repoRoot } from '@shequ/kit/paths';
import { exitReason, say, seconds, type ServiceOutput } from './output.js';
import type { ServiceSpec } from './plan.js';
import { afterUnexpectedExit, freshRestartState, type RestartPolicy } from './policy.js';

export interface ServiceOptions {
  restart: RestartPolicy;
  readyTimeoutMs: number;
  output: ServiceOutput;
  /** The service cannot be kept running: the hub must stop, saying this. */
  fatal(message: string): void;
}

/** How long a service has after SIGTERM before it is killed. */
const stopGraceMs = 10_000;

export class Service {
  private child: ChildProcess | undefined;
  private servedAt: number | undefined;
  private downSince: number | undefined;
  private everServed = false;
  private restarts = 0;
  private restartState = freshRestartState;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private currentUrl: string | undefined;
  private readonly firstServed: Promise<void>;
  private resolveFirstServed!: () => void;

  constructor(
    private readonly spec: ServiceSpec,
    private readonly options: ServiceOptions,
  ) {
    this.firstServed = new Promise((resolve) => (this.resolveFirstServed = resolve));
  }

  get name(): string {
    return this.spec.name;
  }

  /** The URL it announced when it last served. */
  get url(): string | undefined {
    return this.currentUrl;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves once it serves for the first time (if it never does, the hub is told to stop instead). */
  start(): Promise<void> {
    if (!this.stopping) this.spawnProcess();
    return this.firstServed;
  }

  /** SIGTERM, SIGKILL after the grace period; no restart after this, even one already scheduled. */
  stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
      child.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  private spawnProcess(): void {
    const { bundle, nodeFlags, env, external } = this.spec;
    const child = external
      ? spawn(external.command, external.args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [...nodeFlags, '--enable-source-maps', bundle], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    this.servedAt = undefined;
    this.options.output.follow(child.stdout!);
    this.options.output.follow(child.stderr!);
    const notServing = setTimeout(() => this.notServing(child), this.options.readyTimeoutMs);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      clearTimeout(notServing);
      this.serving(message.url);
    });
    if (external) {
      void whenAccepting(external.readyPort, child).then((accepting) => {
        if (!accepting || child !== this.child) return;
        clearTimeout(notServing);
        this.serving(`http://127.0.0.1:${external.readyPort}/`);
      });
    }
    // 'close', not 'exit': by then the process's last lines (often the reason it died) are read.
    child.once('close', (code, signal) => {
      clearTimeout(notServing);
      this.exited(child, exitReason(code, signal));
    });
    // Only a process that could not be started at all: a failed kill() also lands here.
    child.on('error', (err) => {
      if (child.pid !== undefined) return;
      clearTimeout(notServing);
      this.exited(child, err.message);
    });
  }

  private serving(url: string): void {
    this.servedAt = Date.now();
    this.currentUrl = url;
    if (!this.everServed) {
      this.everServed = true;
      this.resolveFirstServed();
      return;
    }
    say(`${this.name} is back (restart ${this.restarts}, down ${seconds(this.servedAt - this.downSince!)}, pid ${this.pid})`);
    this.downSince = undefined;
  }

  private notServing(child: ChildProcess): void {
    const waited = seconds(this.options.readyTimeoutMs);
    if (!this.everServed) {
      this.options.fatal(`${this.name} did not start serving within ${waited}; stopping the hub${this.options.output.tail()}`);
    } else if (!this.stopping) {
      // Counted like any other exit, so a restart that always hangs ends as a crash loop.
      say(`${this.name} did not serve again within ${waited} of its restart; killing it`);
      child.kill('SIGKILL');
    }
  }

  private exited(child: ChildProcess, reason: string): void {
    // 'error' and 'close' may both come for a process that failed to start.
    if (child !== this.child) return;
    this.child = undefined;
    if (this.stopping) return;
    const { output, restart } = this.options;
    if (!this.everServed) {
      this.options.fatal(`${this.name} exited (${reason}) before it served; stopping the hub${output.tail()}`);
      return;
    }
    const now = Date.now();
    this.downSince ??= now;
    const { state, decision } = afterUnexpectedExit(this.restartState, { at: now, servedMs: this.servedAt === undefined ? 0 : now - this.servedAt }, restart);
    this.restartState = state;
    if (decision.action === 'give-up') {
      this.options.fatal(
        `${this.name} exited unexpectedly ${decision.exitsInWindow} times within ${seconds(restart.crashLoopWindowMs)} (last: ${reason}); it is crashing in a loop, stopping the hub${output.tail()}`,
      );
      return;
    }
    this.restarts += 1;
    say(`${this.name} exited unexpectedly (${reason}); restarting in ${seconds(decision.delayMs)} (restart ${this.restarts})`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.stopping) this.spawnProcess();
    }, decision.delayMs);
  }
}

/** Resolves true once 127.0.0.1:`port` accepts a connection, false if `child` exits first. */
async function whenAccepting(port: number, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return child.exitCode === null && child.signalCode === null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
