import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

/**
 * Replaces the stylesheet links of the named pages with the stylesheet itself. A linked stylesheet holds back the first
 * paint until it has arrived, a second round trip (2 s on slow 3G); the street screen (outreach.html) must draw from
 * its own bytes (issue 14, docs/benchmarks.md). The gateway allows the inlined <style> by its hash (WebApp.InlineHashes).
 */
function inlineStylesInto(pages: string[]): Plugin {
  return {
    name: "support-inline-styles",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.bundle || !pages.some((page) => context.filename.endsWith(`/${page}`))) return html;
        const bundle = context.bundle;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (_link, file: string) => {
          const asset = bundle[file];
          if (!asset || asset.type !== "asset") throw new Error(`inlineStylesInto: ${file} is not in the bundle`);
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}

// Built into the gateway's wwwroot: the gateway serves it (hashed /assets/* cached for a year, index.html revalidated).
// `npm run dev` proxies the API to a gateway on :8080 so the app and the API share one origin, as in production.
export default defineConfig({
  plugins: [
    react(),
    inlineStylesInto(["outreach.html"]),
    // The app shell for the outreach worker's phone (issue 14): Workbox precaches the built files only, so the app
    // opens with no signal. API answers are never cached by the service worker (they hold personal data); contacts
    // written offline wait in IndexedDB (src/offline/contactQueue.ts). Registered from src/pwa.ts, no inline script.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      includeAssets: ["favicon.svg"],
      manifest: {
        name: "Support",
        short_name: "Support",
        description: "Support for young people at risk of exploitation: street contacts, duty inbox, records.",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#1d4f91",
        icons: [{ src: "/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png}"],
        // The map and the charts need a connection for their data anyway: not downloaded to every phone up front.
        globIgnores: ["**/Hotspots-*", "**/Reports-*", "**/marker-*.png", "**/layers*.png"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//, /^\/health/, /^\/dev\//, /^\/auth\//, /^\/openapi/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [],
      },
    }),
  ],
  build: {
    outDir: "../Support.Gateway/wwwroot",
    emptyOutDir: true,
    sourcemap: false,
    // No module-preload polyfill (an inline script): the gateway's Content-Security-Policy allows scripts from 'self'
    // and, inline, only the street page's own block by its hash (WebApp.InlineHashes).
    modulePreload: { polyfill: false },
    // index.html for every route, and outreach.html for /outreach: the same app, with the street screen drawn first.
    rollupOptions: {
      input: {
        index: "index.html",
        outreach: "outreach.html",
      },
    },
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
