/**
 * The browser specs share one app and one database, in file order: two specs that sign up
 * the same e-mail make the second one fail, whichever runs later.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

it("gives every browser spec its own sign-up e-mails", () => {
  const owner = new Map<string, string>();
  const shared: string[] = [];
  for (const file of fs.readdirSync("tests/e2e").filter((f) => f.endsWith(".spec.ts"))) {
    const text = fs.readFileSync(path.join("tests/e2e", file), "utf8");
    for (const email of new Set(text.match(/[\w.+-]+@e2e\.test/g) ?? [])) {
      const first = owner.get(email);
      if (first && first !== file) shared.push(`${email}: ${first} and ${file}`);
      else owner.set(email, file);
    }
  }
  expect(shared).toEqual([]);
});
