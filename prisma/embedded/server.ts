import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded database: PGlite (PostgreSQL compiled to WASM) served over the PostgreSQL wire protocol, so the app
// reaches it through the same `pg` + @prisma/adapter-pg stack as a production server.
//
// One pooled connection per client process (DATABASE_POOL_MAX=1). PGlite is a single backend; the socket
// server's multiplexer queues protocol messages one by one and only keeps a connection's messages together while
// PGlite is inside an explicit transaction. Outside a transaction the extended-query messages (Parse/Bind/Execute/
// Sync) of two connections interleave and clobber each other's unnamed statement and portal, so concurrent
// connections would see each other's results or errors. A single connection serialises its own queries.

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultDataDir = resolve(projectRoot, ".data/pglite");

export type EmbeddedDatabase = {
  url: string;
  stop(): Promise<void>;
};

export type EmbeddedDatabaseOptions = {
  /** Persist here; undefined keeps the database in memory (tests, shadow databases). */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
};

export async function startEmbeddedDatabase(opts: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  const host = opts.host ?? "127.0.0.1";
  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);
  // Two PGlite instances on one data folder would corrupt it (PGlite takes no lock of its own).
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  let db: PGlite | undefined;
  try {
    if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
    db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections: 50 });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    const url = `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`;
    if (dataDir) writeLockUrl(dataDir, url);
    const openDb = db;
    let stopped: Promise<void> | undefined;
    return {
      url,
      stop() {
        stopped ??= (async () => {
          try {
            await server.stop();
            await openDb.close();
          } finally {
            releaseLock();
          }
        })();
        return stopped;
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}

function lockPath(dataDir: string): string {
  return `${dataDir}.lock`;
}

type LockInfo = { pid: number; url?: string };

function readLock(dataDir: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockDataDir(dataDir: string): () => void {
  mkdirSync(dirname(dataDir), { recursive: true });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid } satisfies LockInfo));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        const where = holder.url ? ` serving ${holder.url}` : "";
        throw new Error(
          `The embedded database in ${dataDir} is already open in process ${holder.pid}${where}. ` +
            `Stop that process, or set DATABASE_URL to its URL to use it from here.`,
        );
      }
      // Left behind by a process that died without cleaning up.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir} (${path}).`);
}

function writeLockUrl(dataDir: string, url: string): void {
  const fd = openSync(lockPath(dataDir), "w");
  writeSync(fd, JSON.stringify({ pid: process.pid, url } satisfies LockInfo));
  closeSync(fd);
}
