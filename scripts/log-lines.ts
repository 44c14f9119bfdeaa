// Turns the processes' JSON log lines into short readable lines for a terminal.
const levels: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const skip = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'name', 'v']);

export function readableLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const extras = Object.entries(entry)
      .filter(([k]) => !skip.has(k))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${levels[entry.level as number] ?? 'INFO '} ${String(entry.msg ?? '')}${extras ? `  ${extras}` : ''}`;
  } catch {
    return line;
  }
}
