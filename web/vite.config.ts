import { resolve } from "node:path";
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

export default defineConfig({
  root,
  plugins: [react(), publicPageRewrite()],
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
