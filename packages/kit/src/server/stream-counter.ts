// How many subscription streams a server holds open right now: what /healthz reports, so that an
// operator (or a test) sees that a client who went away released its stream.

export interface StreamCounter {
  /** The same stream, counted until it ends, fails or is returned. */
  count<T>(stream: AsyncIterable<T>): AsyncIterableIterator<T>;
  open(): number;
}

export function streamCounter(): StreamCounter {
  let open = 0;
  return {
    open: () => open,
    count<T>(stream: AsyncIterable<T>) {
      const inner = stream[Symbol.asyncIterator]();
      open++;
      let counted = true;
      const release = () => {
        if (counted) open--;
        counted = false;
      };
      const settle = async (step: Promise<IteratorResult<T>>) => {
        try {
          const result = await step;
          if (result.done) release();
          return result;
        } catch (error) {
          release();
          throw error;
        }
      };
      return {
        next: () => settle(inner.next()),
        return: (value?: unknown) => {
          release();
          return inner.return ? settle(inner.return(value)) : Promise.resolve({ value: undefined, done: true as const });
        },
        throw: (error?: unknown) => {
          release();
          return inner.throw ? settle(inner.throw(error)) : Promise.reject(error);
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  };
}
