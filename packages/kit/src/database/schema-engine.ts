// Prisma's schema engine compiled to WebAssembly. The Prisma CLI would download a native
// binary at first use; this machine (and CI) cannot, so migrations run through the WASM build.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine as WasmSchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

// The WebAssembly global is not in the ES lib typings; this is the little of it used here.
const wasm = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: unknown } }> };
  }
).WebAssembly;

let modulePromise: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

async function loadWasmModule() {
  modulePromise ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const bytes = await readFile(wasmPath);
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message() {} };
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
    const exports = instance.exports as { __wbindgen_start(): void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return modulePromise;
}

export type SchemaEngine = WasmSchemaEngine;

/** Starts a schema engine bound to a driver adapter factory and one datamodel file. */
export async function startSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: { path: string; content: string },
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const bg = await loadWasmModule();
  return bg.SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    (line: string) => onLog(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
