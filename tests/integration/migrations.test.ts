import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, checkMigrations, migrationsDir, migrationStatus } from "@/prisma/tools/migrations";

const databaseUrl = inject("databaseUrl");
const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe("migrations", () => {
  it("are all applied, and applying again changes nothing", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await migrationStatus(databaseUrl)).toEqual({ applied: migrationNames, pending: [], problems: [] });
    expect(await applyMigrations(databaseUrl)).toEqual([]);
  });

  it("are recorded in _prisma_migrations the way prisma migrate records them", async () => {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
        FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const script = readFileSync(join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("build exactly the schema in schema.prisma", async () => {
    const { ok, diffSql } = await checkMigrations(databaseUrl);
    expect(diffSql).toBe("");
    expect(ok).toBe(true);
  });
});

describe("AuditLog", () => {
  let id: string;

  beforeAll(async () => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "AuditLog" ("action", "entity", "entityId", "after")
       VALUES ('test.append-only', 'Test', 'migrations-test', '{"n":1}') RETURNING "id"`,
    );
    id = rows[0].id;
  });

  it("accepts new rows", async () => {
    const { rows } = await client.query(`SELECT "action" FROM "AuditLog" WHERE "id" = $1`, [id]);
    expect(rows).toEqual([{ action: "test.append-only" }]);
  });

  it("refuses an UPDATE", async () => {
    await expect(client.query(`UPDATE "AuditLog" SET "action" = 'tampered' WHERE "id" = $1`, [id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
  });

  it("refuses a DELETE", async () => {
    await expect(client.query(`DELETE FROM "AuditLog" WHERE "id" = $1`, [id])).rejects.toThrow(/append-only: DELETE/);
    const { rows } = await client.query(`SELECT "action" FROM "AuditLog" WHERE "id" = $1`, [id]);
    expect(rows).toEqual([{ action: "test.append-only" }]);
  });
});

describe("Chinese substring search", () => {
  it("has pg_trgm and the GIN trigram indexes", async () => {
    const extensions = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(extensions.rowCount).toBe(1);
    const { rows } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Customer' AND indexdef LIKE '%gin_trgm_ops%'
       ORDER BY indexname`,
    );
    expect(rows.map((row) => row.indexname)).toEqual([
      "Customer_idCard_trgm_idx",
      "Customer_name_trgm_idx",
      "Customer_phone_trgm_idx",
    ]);
    for (const row of rows) expect(row.indexdef).toMatch(/USING gin/i);
  });

  it("matches Chinese trigrams", async () => {
    const { rows } = await client.query<{ similarity: number }>(`SELECT similarity('张三丰', '张三') AS similarity`);
    expect(rows[0].similarity).toBeGreaterThan(0);
  });
});
