import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionArgs, ExecutionResult } from 'graphql';

/**
 * onExecute and onSubscribe hooks that answer an operation with `check`'s result instead of
 * running it, when `check` returns one: queries, mutations and subscriptions alike.
 */
type Check = (args: ExecutionArgs) => ExecutionResult | undefined | Promise<ExecutionResult | undefined>;

export function refuseOperation(check: Check): Pick<GatewayPlugin, 'onExecute' | 'onSubscribe'> {
  // A synchronous check answers synchronously, so only checks that need to wait add a tick.
  const apply = (args: ExecutionArgs, stop: (result: ExecutionResult) => void): void | Promise<void> => {
    const refused = check(args);
    if (refused instanceof Promise) return refused.then((r) => (r ? stop(r) : undefined));
    if (refused) stop(refused);
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => apply(args, setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => apply(args, setResultAndStopExecution),
  };
}
