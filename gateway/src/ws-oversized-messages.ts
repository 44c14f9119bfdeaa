// A graphql-ws message over the body-size limit (the WebSocket server's maxPayload) makes ws close
// the socket with 1009 and then emit the RangeError on it, which graphql-ws prints to stderr as
// "Internal error emitted on a WebSocket socket. Please check your implementation." for every
// such message: a client's mistake (or a flood) read as ours. It is logged once as a warning here
// instead, and nothing else sees it; the socket is closed either way.
import type { Logger } from '@shequ/kit/logger';
import type { WebSocket } from 'ws';

const tooBig = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

export function oversizedMessagesAsWarnings(log: Logger, maxBytes: number): (socket: WebSocket) => void {
  return (socket) => {
    const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
    (socket as { emit: unknown }).emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'error' && (args[0] as { code?: unknown } | undefined)?.code === tooBig) {
        log.warn({ maxBytes }, 'graphql-ws message over the body-size limit: socket closed with 1009');
        return true;
      }
      return emit(event, ...args);
    };
  };
}
