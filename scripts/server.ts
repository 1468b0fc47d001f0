import { createServer, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { allowedOrigins, isForeignHostOrigin } from "@/lib/actions/origin";
import { trustProxyHops } from "@/lib/auth/client-ip";
import { maxUploadBytes } from "@/lib/documents/file-rules";
import { DEFAULT_FILE_DIR, storageConfig } from "@/lib/storage/config";
import { markPeerAddressServer, recordPeerAddress } from "@/lib/auth/peer-address";
import { hasMalformedPath, MALFORMED_PATH_TARGET, recordRequestPath } from "@/lib/http/request-url";

// The app's HTTP server, in place of `next start` / `next dev`: Next.js's documented custom server
// (`next({ dev, dir, hostname, port })` + `getRequestHandler()`) behind a plain node:http server.
// It exists for what Next.js does not give the app: the address of the TCP peer, a 404 rather than
// a 500 for a path whose percent-encoding is not UTF-8 (lib/http/request-url.ts), and a 403 rather than
// a 500 for a server action posted from another host's page (lib/actions/origin.ts). Next only
// fills X-Forwarded-For from the socket when the client sent none, so that header is the client's
// to choose; here every request gets the socket's address in PEER_ADDRESS_HEADER (a client-sent
// one is dropped first) and the process is marked so clientIp() trusts it (lib/auth/peer-address.ts).
//
//   tsx scripts/server.ts [--dev] [--port 3000] [--hostname 127.0.0.1]
//
// Used by `npm start` and `npm run dev` (scripts/start.ts) and the end-to-end tests (scripts/e2e-server.ts).
// Without --hostname it listens on every interface, as `next start` does.

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string" },
  },
});
const dev = values.dev;
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(values.port);
const hostname = values.hostname;

// node:http's header object as a fetch Headers (repeated headers joined, as fetch does).
function nodeHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return out;
}

// The scheduled jobs instrumentation.ts started: a running job finishes (pg-boss waits up to 10 s).
async function stopJobs(): Promise<void> {
  const runner = (globalThis as typeof globalThis & { crmJobRunner?: { stop(): Promise<void> } }).crmJobRunner;
  await runner?.stop().catch((error: unknown) => console.error(`[jobs] stop: ${error instanceof Error ? error.message : String(error)}`));
}

async function main(): Promise<void> {
  // Settings every login and every action reads: a typo stops the server here, not request by request.
  trustProxyHops();
  allowedOrigins();
  // Likewise the file storage and the upload limit (README, Documents). The local folder is taken
  // from the project, whatever folder the server was started from.
  process.env.FILE_STORAGE_DIR = path.resolve(projectRoot, process.env.FILE_STORAGE_DIR?.trim() || DEFAULT_FILE_DIR);
  storageConfig();
  maxUploadBytes();

  // What `next start` and `next dev` set before loading Next.js; React picks its build from it.
  // CRM_APP_SERVER: instrumentation.ts starts the scheduled jobs (lib/jobs) only in this server.
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", CRM_APP_SERVER: "1" });
  const { default: next } = await import("next");

  markPeerAddressServer();
  const server = createServer();
  // httpServer: Next.js attaches its WebSocket upgrade handler (hot reloading in dev) to this server.
  const app = next({ dev, dir: projectRoot, hostname: hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();

  server.on("request", (req, res) => {
    recordPeerAddress(req.headers, req.socket.remoteAddress);
    if (hasMalformedPath(req.url)) req.url = MALFORMED_PATH_TARGET;
    recordRequestPath(req.headers, req.url);
    if (req.method === "POST" && req.headers["next-action"] && isForeignHostOrigin(nodeHeaders(req.headers))) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Server actions are accepted only from this app's pages.");
      return;
    }
    handle(req, res).catch((error: unknown) => {
      console.error(`Failed to handle ${req.method} ${req.url}:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    // Finish the requests in flight (a stuck one for at most 10 s), then let Next.js clean up.
    const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
    server.close(() => {
      clearTimeout(force);
      void stopJobs()
        .then(() => app.close())
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    server.closeIdleConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(`Ready on http://${shown.includes(":") ? `[${shown}]` : shown}:${port} (${dev ? "development" : "production"})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
