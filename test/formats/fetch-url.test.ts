import type { LookupAddress } from "node:dns";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressBytes, isPublicAddress } from "../../src/import/address-policy.js";
import { fetchDocument, URL_MESSAGES, UrlFetchError } from "../../src/import/fetch-url.js";
import { importDocument } from "../../src/import/index.js";
import { allowTestLoopback, startUrlServer, type UrlServer } from "../support/url-server.js";

const FIXTURE = path.resolve("../shared/fixtures/programs/romny-2026-2028.txt");
const programme = readFileSync(FIXTURE);
const MB = 1024 * 1024;

let server: UrlServer;
beforeAll(async () => {
  server = await startUrlServer({
    "/programme.txt": (_request, response) => response.writeHead(200).end(programme),
    "/download": (_request, response) =>
      response
        .writeHead(200, {
          "content-disposition":
            "attachment; filename*=UTF-8''%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%B0.txt",
        })
        .end(programme),
    "/moved": (_request, response) => response.writeHead(302, { location: "/programme.txt" }).end(),
    "/to-metadata": (_request, response) =>
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-private": (_request, response) =>
      response.writeHead(301, { location: "http://10.0.0.7/programme.pdf" }).end(),
    "/to-mapped": (_request, response) =>
      response.writeHead(307, { location: "http://[::ffff:192.168.1.1]/programme.pdf" }).end(),
    "/to-file": (_request, response) => response.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/loop/": (request, response) => {
      const hop = Number(request.url?.split("/").at(-1) ?? 0);
      response.writeHead(302, { location: `/loop/${hop + 1}` }).end();
    },
    "/big-declared": (_request, response) => {
      response.writeHead(200, { "content-length": String(2 * MB) });
      response.end(Buffer.alloc(2 * MB, 0x41));
    },
    "/big-streamed": (_request, response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      for (let sent = 0; sent < 2 * MB; sent += chunk.length) response.write(chunk);
      response.end();
    },
    "/stalls": (_request, response) => {
      response.writeHead(200);
      response.write("Програма");
    },
    "/missing": (_request, response) => response.writeHead(404).end(),
  });
});
afterAll(() => server.close());

describe("fetchDocument reads a published document", () => {
  it("fetches a fixture programme from a local server, and it imports like the file", async () => {
    const fetched = await fetchDocument(server.url("/programme.txt"), { allowAddress: allowTestLoopback });
    expect(Buffer.from(fetched.bytes).equals(programme)).toBe(true);
    expect(fetched.name).toBe("programme.txt");
    const fromUrl = await importDocument(fetched.bytes, fetched.name);
    const fromFile = await importDocument(programme, "romny-2026-2028.txt");
    expect(fromUrl).toEqual(fromFile);
    expect(fromUrl.programme.community.name).toMatch(/Роменськ/);
  });

  it("follows a redirect and names the file from Content-Disposition", async () => {
    const moved = await fetchDocument(server.url("/moved"), { allowAddress: allowTestLoopback });
    expect(moved.url).toBe(server.url("/programme.txt"));
    const named = await fetchDocument(server.url("/download"), { allowAddress: allowTestLoopback });
    expect(named.name).toBe("програма.txt");
  });
});

describe("fetchDocument refuses, in Ukrainian", () => {
  const refusal = (address: string, options: Parameters<typeof fetchDocument>[1] = {}) =>
    fetchDocument(address, { allowAddress: allowTestLoopback, ...options });

  it("refuses the loopback server itself under the production policy, without connecting", async () => {
    const before = server.hits.length;
    await expect(fetchDocument(server.url("/programme.txt"))).rejects.toThrow(
      URL_MESSAGES.privateAddress("127.0.0.1"),
    );
    await expect(fetchDocument(`http://localhost:${server.port}/programme.txt`)).rejects.toThrow(
      URL_MESSAGES.privateAddress("localhost"),
    );
    expect(server.hits.length).toBe(before);
  });

  it.each([
    ["/to-metadata", "169.254.169.254"],
    ["/to-private", "10.0.0.7"],
    ["/to-mapped", "::ffff:c0a8:101"],
  ])("refuses a redirect (%s) to the private address %s", async (route, host) => {
    await expect(refusal(server.url(route))).rejects.toThrow(URL_MESSAGES.privateAddress(host));
  });

  it("refuses a redirect to a file: URL", async () => {
    await expect(refusal(server.url("/to-file"))).rejects.toThrow(URL_MESSAGES.scheme("file"));
  });

  it.each(["ftp://example.com/programme.pdf", "file:///etc/passwd", "javascript:alert(1)", "data:,x"])(
    "refuses the non-http address %s",
    async (address) => {
      const error = await refusal(address).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UrlFetchError);
      expect((error as Error).message).toMatch(/^Адреса з протоколом «[a-z]+» не завантажується/);
    },
  );

  it("refuses text that is not an address, and an address with credentials", async () => {
    await expect(refusal("рада.gov.ua програма")).rejects.toThrow(URL_MESSAGES.invalid);
    await expect(refusal("https://user:secret@example.com/p.pdf")).rejects.toThrow(URL_MESSAGES.credentials);
  });

  it("stops after the last allowed redirect", async () => {
    const before = server.hits.length;
    await expect(refusal(server.url("/loop/0"), { limits: { maxRedirects: 3 } })).rejects.toThrow(
      URL_MESSAGES.redirects(3),
    );
    expect(server.hits.length - before).toBe(4);
  });

  it.each(["/big-declared", "/big-streamed"])(
    "refuses a document over the size limit (%s)",
    async (route) => {
      await expect(refusal(server.url(route), { limits: { maxBytes: MB } })).rejects.toThrow(
        URL_MESSAGES.tooBig(MB),
      );
    },
  );

  it("gives up on a server that stops sending", async () => {
    await expect(refusal(server.url("/stalls"), { limits: { timeoutMs: 300 } })).rejects.toThrow(
      URL_MESSAGES.timeout(300),
    );
  });

  it("refuses an HTTP error status", async () => {
    await expect(refusal(server.url("/missing"))).rejects.toThrow(URL_MESSAGES.status(404));
  });

  it("re-checks the address at connect time (DNS rebinding)", async () => {
    let calls = 0;
    const rebinding = ((
      _host: string,
      _options: unknown,
      callback: (e: null, a: LookupAddress[]) => void,
    ) => {
      calls++;
      const address = calls === 1 ? "8.8.8.8" : "127.0.0.1";
      callback(null, [{ address, family: 4 }]);
    }) as unknown as typeof import("node:dns").lookup;
    const before = server.hits.length;
    await expect(
      fetchDocument(`http://council.example:${server.port}/programme.txt`, { lookup: rebinding }),
    ).rejects.toThrow(URL_MESSAGES.privateAddress("council.example"));
    expect(calls).toBe(2);
    expect(server.hits.length).toBe(before);
  });
});

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:c0a8:101::1",
    "not an address",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "91.198.174.192",
    "100.128.0.1",
    "172.32.0.1",
    "2a00:1450:4001::200e",
    "::ffff:8.8.8.8",
  ])("allows %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("reads IPv6 with an IPv4 tail and a gap", () => {
    expect(addressBytes("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(addressBytes("fe80::1")?.slice(0, 2)).toEqual([0xfe, 0x80]);
  });
});
