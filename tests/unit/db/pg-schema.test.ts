import fs from "node:fs";
import { sql } from "drizzle-orm";
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { poolConfig } from "#db/pg/client";
import { isPostgresUrl, redactedPostgresUrl } from "#db/pg/url";
import {
  generatePgSchema,
  PG_SCHEMA_FILE,
  renderPgSchema,
} from "../../../scripts/generate-pg-schema";

describe("db/pg/schema.ts", () => {
  it("is what the generator writes for the current db/schema.ts (else run npm run db:generate)", async () => {
    const committed = fs.readFileSync(PG_SCHEMA_FILE, "utf8");
    expect(committed === (await generatePgSchema()), "db/pg/schema.ts is stale").toBe(true);
  });
});

describe("the PostgreSQL schema generator", () => {
  const parents = sqliteTable("parents", {
    id: integer("id").primaryKey({ autoIncrement: true }),
    size: integer("size").notNull().default(0),
  });
  const children = sqliteTable("children", {
    id: integer("id").primaryKey({ autoIncrement: true }),
    owner: integer("owner").references(() => parents.id, { onDelete: "set null" }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    done: integer("done", { mode: "boolean" }).notNull().default(false),
    share: real("share"),
    meta: text("meta", { mode: "json" }).$type<{ a: number }>(),
  });

  it("maps each SQLite mode to its PostgreSQL type, and ids with what refers to them to bigint", () => {
    const text = renderPgSchema({ parents, children });
    expect(text).toContain(
      'id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity()',
    );
    expect(text).toContain('size: integer("size").notNull().default(0)');
    expect(text).toContain(
      'owner: bigint("owner", { mode: "number" }).references(() => parents.id, { onDelete: "set null" })',
    );
    expect(text).toContain(
      'at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow()',
    );
    expect(text).toContain('done: boolean("done").notNull().default(false)');
    expect(text).toContain('share: doublePrecision("share")');
    expect(text).toContain(
      'meta: jsonb("meta").$type<SqliteColumn<typeof sqlite.children, "meta">>()',
    );
  });

  it("refuses a SQL default it has no translation for instead of copying SQLite's", () => {
    const odd = sqliteTable("odd", {
      day: text("day").default(sql`(date('now'))`),
    });
    expect(() => renderPgSchema({ odd })).toThrow(/odd\.day: add a PostgreSQL translation/);
  });
});

describe("PostgreSQL connection settings", () => {
  const url = "postgres://app:secret@db.internal:5432/channelscope";

  it("tells a PostgreSQL URL from a SQLite one", () => {
    expect(isPostgresUrl(url)).toBe(true);
    expect(isPostgresUrl("postgresql://localhost/cs")).toBe(true);
    expect(isPostgresUrl("./data/channelscope.db")).toBe(false);
    expect(isPostgresUrl("sqlite:./x.db")).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it("never shows the password", () => {
    expect(redactedPostgresUrl(url)).toBe("postgres://app:***@db.internal:5432/channelscope");
    expect(redactedPostgresUrl(`${url}?password=secret`)).not.toContain("secret");
  });

  it("sizes the pool by PG_POOL_MAX, 10 by default, and refuses nonsense", () => {
    expect(poolConfig(url, {}).max).toBe(10);
    expect(poolConfig(url, { PG_POOL_MAX: "25" }).max).toBe(25);
    for (const bad of ["0", "-3", "2.5", "many"]) {
      expect(() => poolConfig(url, { PG_POOL_MAX: bad })).toThrow(/PG_POOL_MAX/);
    }
  });
});
