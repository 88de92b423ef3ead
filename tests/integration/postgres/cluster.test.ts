import { existsSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresCluster, startPostgresCluster } from "../../helpers/postgres-cluster";

describe("throwaway PostgreSQL cluster", () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(() => cluster?.stop());

  it("answers on loopback and creates databases", async () => {
    const url = cluster.createDatabase("harness_probe");
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/harness_probe$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ db: string; v: string }>(
      "select current_database() as db, current_setting('server_version_num') as v",
    );
    await client.end();
    expect(rows[0]?.db).toBe("harness_probe");
    expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(130000);
  });

  it("removes its folder when stopped", async () => {
    const other = await startPostgresCluster();
    const probe = new pg.Client({ connectionString: other.url });
    await probe.connect();
    const { rows } = await probe.query<{ dir: string }>(
      "select current_setting('data_directory') as dir",
    );
    await probe.end();
    const dataDir = rows[0]?.dir ?? "";
    expect(existsSync(dataDir)).toBe(true);
    other.stop();
    expect(existsSync(dataDir)).toBe(false);
  });
});
