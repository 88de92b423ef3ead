/** The CLI as a script would use it: a child process, JSON on stdout, exit codes. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "channelscope-cli-"));
const env = { ...process.env, DATABASE_URL: path.join(dir, "cli.db"), DATA_DIR: dir };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "cli/index.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each test starts CLI processes (tsx compiles on start-up): seconds each on a loaded
// machine, so these tests get more time than the default 30 s.
describe("cli", { timeout: 120_000 }, () => {
  it("creates a user from a password file, a workspace, and lists workspaces", async () => {
    const passwordFile = path.join(dir, "pw");
    fs.writeFileSync(passwordFile, "s3cret password\n");
    const user = await cli(
      "user",
      "create",
      "--email",
      "Ops@Example.test",
      "--password-file",
      passwordFile,
    );
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ user: { email: "ops@example.test" } });

    const ws = await cli(
      "workspace",
      "create",
      "--slug",
      "acme",
      "--name",
      "Acme",
      "--owner",
      "ops@example.test",
    );
    expect(JSON.parse(ws.stdout)).toMatchObject({
      workspace: { slug: "acme", owner: "ops@example.test" },
    });

    const list = await cli("workspace", "list");
    expect(JSON.parse(list.stdout)).toEqual({
      workspaces: [{ id: 1, slug: "acme", name: "Acme", members: 1 }],
    });
  });

  it("fails with a clear message and a non-zero exit", async () => {
    const missingOwner = await cli(
      "workspace",
      "create",
      "--slug",
      "x",
      "--name",
      "X",
      "--owner",
      "no@one.test",
    );
    expect(missingOwner.code).toBe(1);
    expect(missingOwner.stdout).toBe("");
    expect(missingOwner.stderr).toContain("No user with e-mail no@one.test");

    const taken = await cli(
      "workspace",
      "create",
      "--slug",
      "acme",
      "--name",
      "A2",
      "--owner",
      "ops@example.test",
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('"acme" is taken');

    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Commands:");
  });
});
