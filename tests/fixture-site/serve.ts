/**
 * Serve the fixture site for the demo or by hand:
 *
 *     npx tsx tests/fixture-site/serve.ts --port 4100 [--host 127.0.0.1] [--fault slow]…
 *
 * Prints the URL of each page kind, then runs until interrupted.
 */
import { parseArgs } from "node:util";
import { FAULTS, type Fault, startFixtureSite } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4100" },
    host: { type: "string", default: "127.0.0.1" },
    fault: { type: "string", multiple: true, default: [] },
    "no-forbidden": { type: "boolean", default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}
const unknown = values.fault.filter((f) => !(FAULTS as readonly string[]).includes(f));
if (unknown.length > 0) {
  console.error(`unknown fault(s): ${unknown.join(", ")}; known: ${FAULTS.join(", ")}`);
  process.exit(2);
}

const site = await startFixtureSite({
  host: values.host,
  port,
  faults: values.fault as Fault[],
  forbiddenHost: values["no-forbidden"] ? false : "127.0.0.2",
});
const pages = [
  "/s/acme_news",
  "/s/bank_ru",
  "/@acmebank/videos",
  "/website/acmebank.example/",
  "/trends/explore?geo=TR&q=kredi%20kart%C4%B1",
  "/custom/report.html",
  "/bench/page-0.html",
];
console.log(`fixture site on ${site.url}`);
for (const page of pages) console.log(`  ${site.url}${page}`);

const stop = async () => {
  await site.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
