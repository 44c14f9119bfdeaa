// Pothos runs a field's argument mappers, which is where @pothos/plugin-validation checks the
// arguments, outside every plugin's resolver wrapper, so before scope auth: a caller who may not
// call a mutation at all would learn that its input is wrong instead of being refused. This plugin
// takes the argument mappers off the field and runs them inside the auth wrapper instead, right
// before the resolver, so the order stays what it was with the checks in the resolvers: first
// UNAUTHENTICATED/FORBIDDEN, then BAD_USER_INPUT. It must come after ScopeAuthPlugin (its wrapper
// then sits inside auth's) and before ValidationPlugin (which adds the mapper it moves) in the
// builder's plugin list.
import SchemaBuilder, { BasePlugin, completeValue, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      shequArgsAfterAuth: ArgsAfterAuthPlugin<Types>;
    }
  }
}

const pluginName = 'shequArgsAfterAuth';

type Mappers<Types extends SchemaTypes> = NonNullable<PothosOutputFieldConfig<Types>['argMappers']>;

export class ArgsAfterAuthPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private readonly moved = new WeakMap<object, Mappers<Types>>();

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (!fieldConfig.argMappers?.length) return fieldConfig;
    const moved = { ...fieldConfig, argMappers: [] };
    this.moved.set(moved.pothosOptions, fieldConfig.argMappers);
    return moved;
  }

  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    return this.withMappers(resolver, fieldConfig);
  }

  override wrapSubscribe(subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined, fieldConfig: PothosOutputFieldConfig<Types>) {
    return subscribe && this.withMappers(subscribe, fieldConfig);
  }

  private withMappers(next: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const mappers = this.moved.get(fieldConfig.pothosOptions);
    if (!mappers) return next;
    return (parent: unknown, args: object, context: Types['Context'], info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) => {
      let mapped: unknown = args;
      for (const mapper of mappers) mapped = completeValue(mapped, (value) => mapper(value as Record<string, unknown>, context, info));
      return completeValue(mapped, (value) => next(parent, value as object, context, info));
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, ArgsAfterAuthPlugin);

export const ArgsAfterAuthPluginName = pluginName;
