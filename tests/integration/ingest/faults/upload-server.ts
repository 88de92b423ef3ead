/**
 * A web server for the fault test of an upload cut by a crash: at start it recovers as
 * server.ts does (recoverAtStart), then serves the Data page's upload action (the real
 * route) over HTTP on 127.0.0.1, printing "listening <port>" when ready.
 */
import http from "node:http";
import { Readable } from "node:stream";
import { recoverAtStart } from "~/datasets/stale-imports.server";
import { getDb } from "~/db.server";
import * as dataPage from "~/routes/w.$workspace.data._index";

const recovered = recoverAtStart(getDb());
console.log(`recovered ${JSON.stringify(recovered)}`);

const server = http.createServer(async (req, res) => {
  const slug = /^\/w\/([^/]+)\/data$/.exec(req.url ?? "")?.[1];
  if (req.method !== "POST" || !slug) {
    res.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const request = new Request(`http://localhost:3000${req.url}`, {
    method: "POST",
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  try {
    const result = await dataPage.action({
      request,
      params: { workspace: slug },
      context: { clientAddress: "127.0.0.1" },
    });
    res.writeHead(result instanceof Response ? result.status : 200).end();
  } catch (thrown) {
    res.writeHead(thrown instanceof Response ? thrown.status : 500).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
