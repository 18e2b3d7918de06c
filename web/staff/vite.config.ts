import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The staff app (agents and supervisors): served by the API process under /app/, built into web/staff/dist. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // One chunk for a staff app used all day on a desk: React, Mantine and TanStack are
    // ~550 kB minified (~170 kB gzipped), loaded once and cached as immutable.
    chunkSizeWarningLimit: 700,
  },
});
