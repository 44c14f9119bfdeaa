// How big each list of a subgraph is, for the gateway's cost limit (the runtime's demand control,
// IBM cost spec). A subgraph names its lists in one table, `src/list-sizes.ts`, beside the types,
// and this plugin gives each field there the federation plugin's `listSize` option, i.e.
// `@listSize` in the SDL, which composition carries into the supergraph. One table per subgraph
// rather than an option on each field: the sizes are read and judged together (a street's
// communities against a district's), and a test holds the table and the schema to each other
// (test/cost.e2e.ts): a list without a size would count as one item at the gateway.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

/** A list of about this many items, or one sized by its `first`/`limit` argument (of its `edges` for a connection). */
export type ListSize = { assumedSize: number } | { slicingArguments: string[]; sizedFields?: string[] };

/** `'Type.field'` → its size. */
export type ListSizes = Readonly<Record<string, ListSize>>;

/** A Relay connection's size: its `first` argument, applied to its `edges`. */
export const connection: ListSize = { slicingArguments: ['first'], sizedFields: ['edges'] };

/** A list sized by one of its arguments, e.g. `limit` (its default when the caller gives none). */
export const slicedBy = (argument: string): ListSize => ({ slicingArguments: [argument] });

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      shequListSizes: ListSizesPlugin<Types>;
    }
    interface SchemaBuilderOptions<Types extends SchemaTypes> {
      listSizes?: ListSizes;
    }
  }
}

const pluginName = 'shequListSizes';

export class ListSizesPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const size = this.builder.options.listSizes?.[`${fieldConfig.parentType}.${fieldConfig.name}`];
    // A size written on the field itself wins over the table.
    if (!size || fieldConfig.pothosOptions.listSize) return fieldConfig;
    // The union of field-option kinds does not survive a spread; the kind is unchanged.
    return { ...fieldConfig, pothosOptions: { ...fieldConfig.pothosOptions, listSize: size } } as PothosOutputFieldConfig<Types>;
  }
}

SchemaBuilder.registerPlugin(pluginName, ListSizesPlugin);

export const ListSizesPluginName = pluginName;
