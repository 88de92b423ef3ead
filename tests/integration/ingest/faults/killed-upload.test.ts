/**
 * A web server killed with `kill -9` in the middle of receiving an upload: the real Data
 * page action behind an HTTP server in a child process (faults/upload-server.ts, which
 * recovers at start as server.ts does). The cut upload leaves a `.part` file; the next
 * start removes it, and no dataset was recorded for it.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import { uploadDir } from "~/ingest/upload.server";
import { createUser } from "~/users.server";
import { createWorkspace } from "~/workspace.server";
import { cookieFor } from "../../../helpers/session";
import { setUpTestDb } from "../../../helpers/test-db";
import { type Child, killHard, spawnTsx, waitUntil } from "./processes";

const { db } = setUpTestDb();
const servers: Child[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) await killHard(server);
  }
});

async function startServer(): Promise<{ server: Child; port: number }> {
  const server = spawnTsx("tests/integration/ingest/faults/upload-server.ts", [], {});
  servers.push(server);
  await server.printed("listening ");
  const port = Number(/listening (\d+)/.exec(server.output())?.[1]);
  return { server, port };
}

function partFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith(".part")) : [];
}

describe("a web server killed mid-upload", { timeout: 180_000 }, () => {
  it("leaves no .part file after the next start, and no dataset", async () => {
    const owner = await createUser({ email: "o@o.test", name: "O", password: "long enough pw" });
    const workspace = createWorkspace({ slug: "up", name: "Up" }, owner);
    const cookie = await cookieFor(owner.id);
    const dir = uploadDir(workspace.id);

    const first = await startServer();
    const boundary = "----faulttest";
    const request = http.request({
      host: "127.0.0.1",
      port: first.port,
      method: "POST",
      path: "/w/up/data",
      headers: {
        cookie,
        host: "localhost:3000",
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
    });
    // The connection dies with the server.
    request.on("error", () => {});
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncustomers\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n` +
        "Content-Type: text/csv\r\n\r\ncustomer_id,full_name\r\n",
    );
    // Half a file, and never the closing boundary.
    request.write("C-1,Someone Long Named\r\n".repeat(20_000));
    const [part] = await waitUntil(() => {
      const found = partFiles(dir);
      return found.length > 0 && fs.statSync(path.join(dir, found[0] as string)).size > 0
        ? found
        : undefined;
    }, "the upload to reach a .part file");
    expect(part).toMatch(new RegExp(`^[0-9a-f]{32}\\.${first.server.child.pid}\\.part$`));

    expect(await killHard(first.server)).toBe("SIGKILL");
    request.destroy();
    // What the crash left: the partial file, and no dataset for it.
    expect(partFiles(dir)).toEqual([part]);
    expect(scopeTo(db, workspace.id).select(schema.datasets)).toEqual([]);

    const second = await startServer();
    expect(second.server.output()).toContain('"partialUploads":1');
    expect(partFiles(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(scopeTo(db, workspace.id).select(schema.datasets)).toEqual([]);
  });
});
