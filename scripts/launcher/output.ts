// What the launcher prints: each service's lines under its own coloured prefix, and its own lines
// plain. Each service's last lines are kept, so that the reason it died is repeated where the
// operator looks when the hub stops: at the bottom, not scrolled away between other services' logs.
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { readableLogLine } from '../log-lines.js';

const colors = [36, 33, 35, 32, 34, 91, 96];

export class ServiceOutput {
  private readonly prefix: string;
  private readonly lines: string[] = [];

  constructor(
    name: string,
    index: number,
    width: number,
    private readonly keep = 10,
  ) {
    this.prefix = `\x1b[${colors[index % colors.length]}m${name.padEnd(width)} |\x1b[0m `;
  }

  /** Streams one of the process's outputs; called again for each restart's process. */
  follow(stream: Readable): void {
    createInterface({ input: stream }).on('line', (line) => {
      const text = readableLogLine(line);
      process.stdout.write(`${this.prefix}${text}\n`);
      this.lines.push(text);
      if (this.lines.length > this.keep) this.lines.shift();
    });
  }

  /** The last lines, indented, under a heading; empty when there were none. */
  tail(): string {
    return this.lines.length === 0 ? '' : `\nits last output:\n${this.lines.map((l) => `  ${l}`).join('\n')}`;
  }
}

/** One line of the launcher's own. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** 1 s, 0.2 s, 4.2 s: tenths when there are any. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ?? `code ${code}`;
}
