// The message a service sends to the process that started it (`npm start`) once it serves: the
// supervisor learns the real URL without knowing ports in advance or polling for them.

export interface ReadyMessage {
  type: 'shequ:ready';
  service: string;
  url: string;
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  const m = message as Partial<ReadyMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'shequ:ready' && typeof m.service === 'string' && typeof m.url === 'string';
}

/** Tells a supervising parent (if there is one, over Node's IPC channel) that this service serves. */
export function announceReady(service: string, url: string): void {
  const message: ReadyMessage = { type: 'shequ:ready', service, url };
  process.send?.(message);
}

/**
 * Calls `stop` when the supervising parent goes away without stopping us (it was killed): its
 * IPC channel closes. Without a parent (run on its own) there is no channel and nothing to watch.
 */
export function stopWithSupervisor(stop: () => void): void {
  if (process.send) process.once('disconnect', stop);
}
