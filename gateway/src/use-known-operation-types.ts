// graphql 16 does not validate that the schema has a root type for the operation (17's
// KnownOperationTypesRule does): `subscription { x }` on a graph without subscriptions would reach
// execution, where plugins walking the operation (generic-auth) trip over the missing type.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ValidationContext } from 'graphql';
import { GraphQLError } from './graphql-error.ts';

export function knownOperationTypesRule(context: ValidationContext) {
  return {
    OperationDefinition(node: { operation: 'query' | 'mutation' | 'subscription' }) {
      if (!context.getSchema().getRootType(node.operation as never)) {
        context.reportError(new GraphQLError(`This graph has no ${node.operation} operations`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  };
}

export function useKnownOperationTypes(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypesRule as never);
    },
  };
}
