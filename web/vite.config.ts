import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = import.meta.dirname;

/** In dev, serve the public entry for /p/… paths, as the API server does in production. */
function publicPageRewrite(): Plugin {
  return {
    name: "infoprog-public-rewrite",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith("/p/")) req.url = "/public.html";
        next();
      });
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const COMPRESS_FROM_BYTES = 1024;

/**
 * Writes a .br (brotli at its highest quality) and a .gz beside every text file of the build over 1 KB,
 * which the server sends as they are (@fastify/static's preCompressed) instead of compressing each time.
 */
function precompress(): Plugin {
  return {
    name: "infoprog-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? resolve(root, "dist");
      for (const [name, output] of Object.entries(bundle)) {
        const bytes = output.type === "chunk" ? Buffer.from(output.code) : Buffer.from(output.source);
        if (!COMPRESSIBLE.test(name) || bytes.length < COMPRESS_FROM_BYTES) continue;
        const brotli = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } };
        writeFileSync(resolve(dir, `${name}.br`), brotliCompressSync(bytes, brotli));
        writeFileSync(resolve(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), publicPageRewrite(), precompress()],
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    rollupOptions: {
      input: { workspace: resolve(root, "index.html"), public: resolve(root, "public.html") },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
