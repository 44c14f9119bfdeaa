import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionArgs, ExecutionResult } from 'graphql';

/**
 * onExecute and onSubscribe hooks that answer an operation with `check`'s result instead of
 * running it, when `check` returns one: queries, mutations and subscriptions alike.
 */
export function refuseOperation(check: (args: ExecutionArgs) => ExecutionResult | undefined): Pick<GatewayPlugin, 'onExecute' | 'onSubscribe'> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
