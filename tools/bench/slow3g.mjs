// First load of the outreach contact screen over a throttled network, in Debian's Chromium, through the Chrome
// DevTools Protocol (Network.emulateNetworkConditions); issue 14's targets: usable within 3 s on a first visit and
// within 1 s from cache on "slow 3G", initial JavaScript for the route at most 200 KB gzipped (docs/benchmarks.md).
// No dependencies: Node's WebSocket (node --experimental-websocket on Node 20) talks to chromium --remote-debugging-port.
// Only 127.0.0.1 is contacted. Run through tools/bench/slow3g, which starts nothing: the platform must be running.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const gateway = (process.env.BENCH_GATEWAY_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(gateway)) throw new Error(`loopback only: ${gateway}`);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const chromium = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";

// Chrome DevTools' own presets (front_end/core/sdk/NetworkManager.ts): throughput in bytes/s, latency in ms.
const profiles = {
  "slow-3g": { latency: 2000, downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8 },
  "fast-3g": { latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function token() {
  const response = await fetch(`${gateway}/dev/token`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ role: "OutreachWorker", user: "bench-outreach" }),
  });
  if (!response.ok) throw new Error(`POST /dev/token answered ${response.status}: is ${gateway} a Development gateway?`);
  return (await response.json()).accessToken;
}

/** The route's initial JavaScript: the module script and module preloads named by the page /outreach, gzipped at level 9. */
async function initialJavaScript() {
  const html = await (await fetch(`${gateway}/outreach`)).text();
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0, gz = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(new URL(url, gateway))).arrayBuffer());
    raw += body.length; gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.length, raw, gz };
}

function launch() {
  const profile = mkdtempSync(join(tmpdir(), "support-slow3g-"));
  const child = spawn(chromium, [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--remote-debugging-port=0",
    `--user-data-dir=${profile}`, "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = new Promise((resolve, reject) => {
    let text = "";
    child.stderr.on("data", (chunk) => {
      text += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`chromium exited (${code}): ${text.slice(0, 500)}`)));
    setTimeout(() => reject(new Error("chromium did not start within 20 s")), 20_000);
  });
  return { child, profile, endpoint };
}

class Cdp {
  constructor(ws) { this.ws = ws; this.id = 0; this.pending = new Map(); this.handlers = []; }
  static async connect(url) {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    const cdp = new Cdp(ws);
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.id && cdp.pending.has(message.id)) {
        const { resolve, reject } = cdp.pending.get(message.id);
        cdp.pending.delete(message.id);
        if (message.error) reject(new Error(`${message.error.message}`)); else resolve(message.result);
      } else if (message.method) {
        for (const handler of cdp.handlers) handler(message);
      }
    };
    return cdp;
  }
  send(method, params = {}, sessionId) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  on(handler) { this.handlers.push(handler); }
  close() { this.ws.close(); }
}

/** Opens /outreach and times it: form usable (the heading and the submit button are there) and network quiet. */
async function visit(cdp, session, condition) {
  const inFlight = new Set();
  let bytes = 0, requests = 0, lastActivity = 0;
  const start = performance.now();
  const listener = (m) => {
    if (m.sessionId !== session) return;
    if (m.method === "Network.requestWillBeSent") { inFlight.add(m.params.requestId); requests++; lastActivity = performance.now(); }
    if (m.method === "Network.loadingFinished") { inFlight.delete(m.params.requestId); bytes += m.params.encodedDataLength; lastActivity = performance.now(); }
    if (m.method === "Network.loadingFailed") { inFlight.delete(m.params.requestId); lastActivity = performance.now(); }
  };
  cdp.on(listener);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...condition }, session);
  await cdp.send("Page.navigate", { url: `${gateway}/outreach` }, session);
  const usableCheck = `(() => [...document.querySelectorAll("h1,h2")].some(h => h.textContent.trim() === "Log a contact")
      && [...document.querySelectorAll("button")].some(b => b.textContent.trim() === "Log contact"))()`;
  let usable = null;
  const deadline = start + 120_000;
  while (performance.now() < deadline) {
    const { result } = await cdp.send("Runtime.evaluate", { expression: usableCheck, returnByValue: true }, session);
    if (result.value === true) { usable = performance.now() - start; break; }
    await sleep(20);
  }
  if (usable === null) throw new Error("the contact form was not usable within 120 s");
  // The street page (gateway/web/outreach.html) draws the form before the app's script has arrived; "app" is when the
  // app has taken over (its navigation is drawn): the screen's lists and every other screen are there from then on.
  const appCheck = `document.querySelector('nav[aria-label="Main"]') !== null`;
  let app = null;
  while (performance.now() < deadline) {
    const { result } = await cdp.send("Runtime.evaluate", { expression: appCheck, returnByValue: true }, session);
    if (result.value === true) { app = performance.now() - start; break; }
    await sleep(20);
  }
  if (app === null) throw new Error("the app did not take over within 120 s");
  while (performance.now() < deadline && (inFlight.size > 0 || performance.now() - lastActivity < 500)) await sleep(20);
  const quiet = (inFlight.size === 0 ? lastActivity : performance.now()) - start;
  cdp.handlers = cdp.handlers.filter((h) => h !== listener);
  return { usable, app, quiet, bytes, requests };
}

async function measure(name, condition, bearer) {
  const first = [], cached = [];
  for (let run = 0; run < runs; run++) {
    const browser = launch();
    try {
      const cdp = await Cdp.connect(await browser.endpoint);
      const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
      const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: true });
      await cdp.send("Network.enable", {}, sessionId);
      await cdp.send("Page.enable", {}, sessionId);
      // Signed in as the sign-in page would leave it: the session in this tab's sessionStorage (src/auth/session.ts).
      const payload = JSON.parse(Buffer.from(bearer.split(".")[1], "base64url").toString());
      const stored = JSON.stringify({ token: bearer, user: payload.sub, roles: [payload.role].flat(), expiresAt: payload.exp * 1000 });
      await cdp.send("Page.addScriptToEvaluateOnNewDocument", {
        source: `if (location.origin === ${JSON.stringify(gateway)}) sessionStorage.setItem("support.session", ${JSON.stringify(stored)});`,
      }, sessionId);
      first.push(await visit(cdp, sessionId, condition));
      // Let the service worker finish installing (it precaches the shell off the throttled page), then come back.
      const swReady = `navigator.serviceWorker ? navigator.serviceWorker.ready.then(r => !!r.active) : false`;
      await cdp.send("Runtime.evaluate", { expression: swReady, awaitPromise: true }, sessionId);
      await cdp.send("Page.navigate", { url: "about:blank" }, sessionId);
      await sleep(200);
      cached.push(await visit(cdp, sessionId, condition));
      cdp.close();
    } finally {
      browser.child.kill("SIGTERM");
      await new Promise((r) => browser.child.once("exit", r));
      // Chromium's helper processes may still be writing for a moment after it exits.
      try { rmSync(browser.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); } catch { /* a temp dir left behind */ }
    }
  }
  const summary = (label, xs) => ({
    label,
    usable_ms: Math.round(median(xs.map((x) => x.usable))),
    app_ms: Math.round(median(xs.map((x) => x.app))),
    quiet_ms: Math.round(median(xs.map((x) => x.quiet))),
    transferred_kb: Math.round(median(xs.map((x) => x.bytes)) / 1024),
    requests: median(xs.map((x) => x.requests)),
    all_usable_ms: xs.map((x) => Math.round(x.usable)),
  });
  return { name, condition, first: summary("first visit", first), cached: summary("from cache", cached) };
}

const bearer = await token();
const js = await initialJavaScript();
console.log(`web.initial_js_gzip_kb ${(js.gz / 1024).toFixed(1)} (raw ${(js.raw / 1024).toFixed(1)} KB in ${js.files} file(s); target <= 200)`);
for (const [name, condition] of Object.entries(profiles)) {
  const result = await measure(name, condition, bearer);
  for (const part of [result.first, result.cached]) {
    const key = part.label === "first visit" ? "first" : "cached";
    const target = name === "slow-3g" ? (key === "first" ? 3000 : 1000) : null;
    console.log(`web.${name}.${key}.usable_ms ${part.usable_ms}${target ? ` (target <= ${target}, ${part.usable_ms <= target ? "met" : "MISSED"})` : ""}` +
      ` runs ${part.all_usable_ms.join("/")}; app took over ${part.app_ms} ms; network quiet ${part.quiet_ms} ms;` +
      ` ${part.transferred_kb} KB in ${part.requests} requests`);
  }
}
