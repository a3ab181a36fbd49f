// Registers the service worker that keeps the app shell for use without a signal (vite-plugin-pwa, Workbox).
// A new version takes over at once (autoUpdate); only the built files are cached, never an API answer.
import { registerSW } from "virtual:pwa-register";

export function registerAppShell(): void {
  if (!("serviceWorker" in navigator)) return;
  registerSW({ immediate: true });
}
