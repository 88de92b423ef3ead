/**
 * A throwaway HTTP server on a loopback address and port 0, recording what reached it:
 * every TCP connection, every request (path, headers, arrival time) and the most
 * requests handled at once. Arrival times are read from `clock`: a test that drives the
 * fetcher with a frozen clock passes that clock, so spacing is exact on a slow machine.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  at: number;
}

export interface TestServer {
  origin: string;
  port: number;
  requests: RecordedRequest[];
  paths(): string[];
  connections(): number;
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function startServer(
  routes: Record<string, Route>,
  host = "127.0.0.1",
  clock: () => number = () => performance.now(),
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? "", headers: req.headers, at: clock() });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => {
      inFlight -= 1;
    });
    const route = routes[req.url ?? ""];
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((ready) => server.listen(0, host, ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    requests,
    paths: () => requests.map((r) => r.path),
    connections: () => connections,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export const html =
  (body: string, status = 200, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);
  };

export const text =
  (body: string, status = 200): Route =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain" }).end(body);
  };

/** Answers each request with the next route in the list, repeating the last. */
export function sequence(...routes: Route[]): Route {
  let index = 0;
  return (req, res) => {
    const route = routes[Math.min(index, routes.length - 1)];
    index += 1;
    route?.(req, res);
  };
}
