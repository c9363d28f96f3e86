/** A local HTTP server for URL-import tests: routes by path, counts the requests it was sent. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isPublicAddress } from "../../src/import/address-policy.js";

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface UrlServer {
  url: (path: string) => string;
  port: number;
  /** Requests received, by path. */
  hits: string[];
  close: () => Promise<void>;
}

export async function startUrlServer(routes: Record<string, Route>): Promise<UrlServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    hits.push(path);
    const route = Object.entries(routes).find(([prefix]) => path.startsWith(prefix))?.[1];
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The test's address policy: its own loopback server, and otherwise what production allows. */
export const allowTestLoopback = (address: string): boolean =>
  address === "127.0.0.1" || isPublicAddress(address);
