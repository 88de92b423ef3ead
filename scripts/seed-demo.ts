/**
 * Creates the `demo` workspace, its demo user and its scraping sources (once each), and
 * prints how to log in.
 * The password is generated on first run and kept in the data folder (mode 0600), so
 * every start prints the same working credentials without a well-known default.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { scopeTo } from "#db/scoped";
import { getDb } from "~/db.server";
import { env } from "~/env.server";
import { seedDemoSources } from "~/scraping/demo-sources.server";
import { runSourceNow } from "~/scraping/source-control.server";
import { createUser, findUserByEmail } from "~/users.server";
import { createWorkspace, findMembership } from "~/workspace.server";

const DEMO_EMAIL = "demo@channelscope.local";
const DEMO_SLUG = "demo";

function demoPassword(): string {
  const file = path.join(env().DATA_DIR, "demo-credentials.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).password;
  const password = crypto.randomBytes(9).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ email: DEMO_EMAIL, password }), { mode: 0o600 });
  return password;
}

const password = demoPassword();
const user =
  findUserByEmail(DEMO_EMAIL) ??
  (await createUser({ email: DEMO_EMAIL, name: "Demo Marketer", password }));
const workspace =
  findMembership(DEMO_SLUG, user.id)?.workspace ??
  createWorkspace({ slug: DEMO_SLUG, name: "Anadolu Bank (demo)" }, user);

// The demo's scrapers read the local fixture site that the start command serves.
const fixtureUrl = process.env.DEMO_FIXTURE_URL;
if (fixtureUrl) {
  const created = seedDemoSources(scopeTo(getDb(), workspace.id), fixtureUrl);
  // First runs right away, so the Channels, Sites and Trends pages have series to show;
  // the schedules take over from there.
  for (const source of created) runSourceNow(scopeTo(getDb(), workspace.id), source.id);
}

console.log(JSON.stringify({ workspace: workspace.slug, email: DEMO_EMAIL, password }));
