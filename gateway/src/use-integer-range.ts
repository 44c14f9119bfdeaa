// The Rust query planner reads integer literals as 64-bit integers: `community(id: 99999999999999999999)`
// (an ID or a custom scalar takes any integer, so validation lets it through) made it fail with
// an internal error. Literals outside that range are refused during validation, before planning,
// as the bad input they are: an ID that long is sent as a string.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ASTVisitor, ValidationContext } from 'graphql';
import { GraphQLError } from './graphql-error.ts';

const min = -(2n ** 63n);
const max = 2n ** 63n - 1n;

function integerRangeRule(context: ValidationContext): ASTVisitor {
  return {
    IntValue(node) {
      const value = BigInt(node.value);
      if (value >= min && value <= max) return;
      const shown = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
      context.reportError(
        new GraphQLError(`Integer ${shown} is out of range (${min} to ${max}); send a larger number or ID as a string`, {
          nodes: [node],
          // spec: false keeps the status 400 for application/json callers too (README, "Security").
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: false } },
        }),
      );
    },
  };
}

export function useIntegerRange(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(integerRangeRule);
    },
  };
}
