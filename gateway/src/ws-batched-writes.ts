// Fewer socket writes for live feeds. graphql-ws sends each message and waits until it has been
// written before it takes the next one, so a screen that gets several results at once (one update
// of a scoreboard moves several targets) costs one write system call per message — with thousands
// of screens, the most expensive thing the gateway does. Here a socket's messages of one turn of
// the event loop go out in one write (the socket is corked until the turn ends), and a send counts
// as done once it is handed to the socket, as long as the socket's buffer stays small; past that,
// it is done when the buffer drains, so a screen that reads slowly still holds its feed back
// (and the shared stream's per-screen queue keeps only the latest state of each item meanwhile).
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Beyond this much unsent data a slow screen is waited for. */
const highWaterBytes = 256 * 1024;

type SendCallback = () => void;

export function batchWrites(socket: WebSocket): void {
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (!raw) return;
  const send = socket.send.bind(socket) as (data: unknown, options: object) => void;
  let corked = false;
  (socket as { send: unknown }).send = (data: unknown, optionsOrCallback?: object | SendCallback, maybeCallback?: SendCallback) => {
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
    const options = typeof optionsOrCallback === 'object' ? optionsOrCallback : {};
    if (!corked) {
      corked = true;
      raw.cork();
      setImmediate(() => {
        corked = false;
        raw.uncork();
      });
    }
    send(data, options);
    if (!callback) return;
    // Errors of a socket that fails are its close, which graphql-ws handles on its own.
    if (raw.writableLength < highWaterBytes) queueMicrotask(() => callback());
    else {
      const done = () => {
        raw.off('drain', done);
        raw.off('close', done);
        callback();
      };
      raw.once('drain', done);
      raw.once('close', done);
    }
  };
}
