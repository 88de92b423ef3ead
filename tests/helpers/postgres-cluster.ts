// A throwaway PostgreSQL cluster for tests: Debian's initdb/pg_ctl in a temporary folder,
// listening on a free loopback port, removed again by stop(). Nothing outside the suite
// has to be running; the install script installs Debian's `postgresql` when it is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PostgresCluster {
  /** postgres://… of the cluster's `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): string;
  stop(): void;
}

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The folder holding initdb/pg_ctl: Debian's newest version, else whatever is on PATH. */
export function postgresBinDir(): string | null {
  if (existsSync(DEBIAN_ROOT)) {
    const versions = readdirSync(DEBIAN_ROOT)
      .filter((v) => existsSync(path.join(DEBIAN_ROOT, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(DEBIAN_ROOT, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const found = which.stdout.trim();
  return which.status === 0 && found ? path.dirname(found) : null;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb refuses to run as root, so as root the cluster belongs to Debian's `postgres`
 * user (created by the postgresql package) and its commands run through runuser.
 */
function runner(): { run: (bin: string, args: string[]) => void; uid?: number; gid?: number } {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    return { run: (bin, args) => execFileSync(bin, args, { stdio: "pipe" }) };
  }
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return {
    run: (bin, args) => execFileSync("runuser", ["-u", "postgres", "--", bin, ...args]),
    uid: id("-u"),
    gid: id("-g"),
  };
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed: run `npm run setup` (installs Debian's postgresql).",
    );
  }
  const { run, uid, gid } = runner();
  const root = mkdtempSync(path.join(tmpdir(), "channelscope-pg-"));
  chmodSync(root, 0o755);
  if (uid !== undefined && gid !== undefined) chownSync(root, uid, gid);
  const dataDir = path.join(root, "data");
  const port = await freeLoopbackPort();

  run(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  // Loopback only, the socket in our own folder, durability off: a test cluster.
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${root}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  run(path.join(bin, "pg_ctl"), [
    "-D",
    dataDir,
    "-o",
    options,
    "-l",
    path.join(root, "log"),
    "-w",
    "start",
  ]);

  const base = `postgres://postgres@127.0.0.1:${port}`;
  let stopped = false;
  return {
    url: `${base}/postgres`,
    port,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      run(path.join(bin, "psql"), [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        "-qc",
        `CREATE DATABASE ${name}`,
      ]);
      return `${base}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
