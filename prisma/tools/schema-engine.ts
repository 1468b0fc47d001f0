import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";

// Prisma's schema engine (the part of `prisma migrate` that diffs schemas and applies migrations), run from its
// WASM build against our own driver adapter. The CLI would download a native engine binary instead, which these
// machines (and many hosts in mainland China) cannot reach.

export type { SchemaEngine };

let loaded = false;

// The wasm-bindgen glue keeps the instance in a module-level variable, so there is exactly one per process;
// every SchemaEngine created afterwards lives inside it.
function loadWasm(): void {
  if (loaded) return;
  // A Rust panic reports its message here, then traps with an uninformative "unreachable" that escapes as an
  // uncaught exception; print the message so the crash can be understood.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      console.error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const require = createRequire(import.meta.url);
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmModule = new WebAssembly.Module(readFileSync(join(dirname(glue), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

export type EngineOptions = {
  /** The database to migrate; undefined means a throwaway in-memory PGlite (enough for diffs). */
  databaseUrl: string | undefined;
  /** The Prisma schema the engine is configured with (path, content). */
  schema: { path: string; content: string };
};

type Cleanup = () => Promise<void>;

/**
 * Runs `fn` with a schema engine connected to the database, and releases every connection, shadow database and
 * embedded server it needed afterwards, whatever happens.
 */
export async function withSchemaEngine<T>(
  options: EngineOptions,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  loadWasm();
  const cleanups: Cleanup[] = [];
  let engine: SchemaEngine | undefined;
  try {
    let url = options.databaseUrl;
    if (url === undefined) {
      const embedded = await startEmbeddedDatabase();
      cleanups.push(() => embedded.stop());
      url = embedded.url;
    }
    const factory = await adapterFactory(url, cleanups);
    engine = (await bindings.SchemaEngine.new(
      { datamodels: [[options.schema.path, options.schema.content]] },
      logEngineMessage,
      bindMigrationAwareSqlAdapterFactory(factory),
    )) as SchemaEngine;
    return await fn(engine);
  } finally {
    engine?.free();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

// One connection, so the engine's statements run in order on one session, and because the embedded server wants
// one connection per client (see prisma/embedded/server.ts).
function adapterFor(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, max: 1 });
}

async function adapterFactory(url: string, cleanups: Cleanup[]): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const main = adapterFor(url);
  const embedded = await isPGlite(url);

  const tracked = (adapter: PrismaPgAdapter, extra?: Cleanup): SqlDriverAdapter => {
    acceptCharColumns(adapter);
    runScriptsWhole(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      acceptCharColumns(transaction);
      return transaction;
    };
    let released: Promise<void> | undefined;
    const dispose = adapter.dispose.bind(adapter);
    const release = () =>
      (released ??= (async () => {
        try {
          await dispose();
        } finally {
          await extra?.();
        }
      })());
    adapter.dispose = release;
    cleanups.push(release);
    return adapter;
  };

  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => tracked(await main.connect()),
    async connectToShadowDb() {
      if (embedded) {
        // PGlite is one database per instance; a fresh in-memory one is the shadow.
        const shadow = await startEmbeddedDatabase();
        try {
          return tracked(await adapterFor(shadow.url).connect(), () => shadow.stop());
        } catch (error) {
          await shadow.stop();
          throw error;
        }
      }
      // PrismaPg's own connectToShadowDb drops the database while its pool still holds a connection, and with a
      // connection string it even connects back to the main database; so do it here.
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      await runOn(url, `CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const drop = () => runOn(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      try {
        return tracked(await adapterFor(shadowUrl.toString()).connect(), drop);
      } catch (error) {
        await drop();
        throw error;
      }
    },
  };
}

type PrismaPgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// adapter-pg splits a script at every ";" and runs the pieces one by one, which breaks any migration with a
// function body or a ";" in a string, and leaves a half-applied migration behind when a piece fails. The native
// engine behind `prisma migrate` sends the script whole as one simple query, which PostgreSQL runs as a single
// implicit transaction; do the same.
function runScriptsWhole(adapter: PrismaPgAdapter): void {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "",
        severity: error.severity ?? "ERROR",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
    }
  };
}

const CHAR_OID = 18;
const TEXT_OID = 25;

type Internals = {
  performIO?: (query: SqlQuery) => Promise<pg.QueryResult>;
  queryRaw: (query: SqlQuery) => Promise<SqlResultSet>;
};

// The engine's introspection reads pg_constraint.contype, of PostgreSQL's internal one-byte type "char"
// (OID 18), and expects a Character column; adapter-pg 7.10 has no mapping for that type and rejects the query.
// performIO (adapter-pg's internal query method; the package is pinned) lets the column through as text, and
// queryRaw then reports it as Character. Fail loudly if an upgrade removes performIO.
function acceptCharColumns(queryable: object): void {
  const target = queryable as Internals;
  if (typeof target.performIO !== "function") {
    throw new Error("@prisma/adapter-pg no longer has performIO; update acceptCharColumns in prisma/tools/schema-engine.ts");
  }
  const performIO = target.performIO.bind(queryable);
  const queryRaw = target.queryRaw.bind(queryable);
  const charColumns = new WeakMap<SqlQuery, number[]>();
  target.performIO = async (query) => {
    const result = await performIO(query);
    const columns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      columns.push(index);
    });
    if (columns.length > 0) charColumns.set(query, columns);
    return result;
  };
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

async function runOn(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function isPGlite(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0].version.includes("PGlite");
  } finally {
    await client.end();
  }
}

function logEngineMessage(message: unknown): void {
  if (process.env.SCHEMA_ENGINE_DEBUG) console.error("[schema-engine]", message);
}
