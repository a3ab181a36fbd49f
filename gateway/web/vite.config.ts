import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built into the gateway's wwwroot: the gateway serves it (hashed /assets/* cached for a year, index.html revalidated).
// `npm run dev` proxies the API to a gateway on :8080 so the app and the API share one origin, as in production.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../Support.Gateway/wwwroot",
    emptyOutDir: true,
    sourcemap: false,
    // No inline <script> or module-preload polyfill: the gateway's Content-Security-Policy allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/dev": "http://127.0.0.1:8080",
      "/auth": "http://127.0.0.1:8080",
      "/health": "http://127.0.0.1:8080",
    },
  },
});
