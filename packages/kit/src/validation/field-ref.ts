// @pothos/plugin-validation adds `validate` to every FieldRef at run time (FieldRef.prototype) and
// to the PothosSchemaTypes.FieldRef interface, but not to the FieldRef class that the field
// builders return; prisma's `prismaObjectField` wants the interface, so without this every such
// field fails to type-check once the plugin is loaded. This says of the class what is true of it.
import type { FieldKind, SchemaTypes } from '@pothos/core';
import type { StandardSchemaV1 } from '@pothos/plugin-validation';

// The class is declared in core's esm/refs/field.d.ts; an augmentation of the package's index (which
// only re-exports it) would not merge with it, and the package's exports map hides the file, hence
// the path into the hoisted node_modules.
declare module '../../../../node_modules/@pothos/core/esm/refs/field.js' {
  interface FieldRef<Types extends SchemaTypes, T, Kind extends FieldKind> {
    validate<R>(schema: StandardSchemaV1<unknown, R>): FieldRef<Types, R, Kind>;
  }
}
