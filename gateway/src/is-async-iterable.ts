/** Streams (subscriptions, @defer) come back from execution as async iterables. */
export function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
