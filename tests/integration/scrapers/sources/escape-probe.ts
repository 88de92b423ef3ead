/**
 * The other side of escape-probe.html: a page server, and a TCP listener and a UDP socket
 * that record every connection, upgrade and datagram the page's scripts manage to send.
 * All three listen on 127.0.0.1, the host the tests allow, so that only the browser's own
 * defences (not the address guard) can keep the page away from them.
 */
import dgram from "node:dgram";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

const PAGE = readFileSync(new URL("./escape-probe.html", import.meta.url), "utf8");
const SERVICE_WORKER = "self.addEventListener('fetch', () => {});";

export interface EscapeProbe {
  /** The probe page's URL. */
  pageUrl: string;
  /** Paths the page server was asked for (by the scraper, or by anything else). */
  pageRequests: string[];
  /** TCP connections to the probe listener (WebSocket, preconnect, anything). */
  probeConnections(): number;
  /** Datagrams the UDP socket received (STUN, QUIC). */
  datagrams: number[];
  close(): Promise<void>;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((ready) => {
    server.listen(0, "127.0.0.1", () => ready((server.address() as AddressInfo).port));
  });
}

export async function startEscapeProbe(): Promise<EscapeProbe> {
  const datagrams: number[] = [];
  const udp = dgram.createSocket("udp4");
  udp.on("message", (message) => datagrams.push(message.length));
  await new Promise<void>((ready) => udp.bind(0, "127.0.0.1", () => ready()));

  let connections = 0;
  const probe = http.createServer((_req, res) => res.end("should never be reached"));
  probe.on("connection", () => {
    connections += 1;
  });
  probe.on("upgrade", (_req, socket) => socket.destroy());
  const probeOrigin = `http://127.0.0.1:${await listen(probe)}`;

  const page = PAGE.replaceAll("{{PROBE_ORIGIN}}", probeOrigin)
    .replaceAll("{{PROBE_WS_ORIGIN}}", probeOrigin.replace(/^http/, "ws"))
    .replaceAll("{{UDP_PORT}}", String(udp.address().port));
  const pageRequests: string[] = [];
  const server = http.createServer((req, res) => {
    pageRequests.push(req.url ?? "");
    if (req.url === "/sw.js") {
      return res.writeHead(200, { "content-type": "text/javascript" }).end(SERVICE_WORKER);
    }
    if (req.url !== "/escape.html") return res.writeHead(404).end("not found");
    return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  const pageUrl = `http://127.0.0.1:${await listen(server)}/escape.html`;

  const closeServer = (s: http.Server) =>
    new Promise<void>((done) => {
      s.closeAllConnections();
      s.close(() => done());
    });
  return {
    pageUrl,
    pageRequests,
    probeConnections: () => connections,
    datagrams,
    close: async () => {
      await Promise.all([closeServer(server), closeServer(probe)]);
      await new Promise<void>((done) => udp.close(() => done()));
    },
  };
}
