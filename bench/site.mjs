// Benchmark of the built site (not a test): release sizes, raw and brotli, and the time from
// navigation to the library rendered in headless Chromium, median of 5 fresh page loads.
// usage: node bench/site.mjs [DIST]   (scripts/build.sh first)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const kind = (f) =>
  f === "parallax.html" ? "offline file" : f.endsWith(".wasm") ? "wasm" : f.endsWith(".js") ? "js" : f.endsWith(".css") ? "css" : f.endsWith(".html") ? "html" : "other";
const rows = [];
for (const f of readdirSync(dist)) {
  if (!statSync(join(dist, f)).isFile()) continue;
  const bytes = readFileSync(join(dist, f));
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ kind: kind(f), file: f, raw: bytes.length, brotli: br });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
console.log("size (release build of " + dist + ")");
for (const r of rows.sort((a, b) => a.kind.localeCompare(b.kind))) console.log(`  ${r.kind.padEnd(13)} raw ${kb(r.raw)}   brotli ${kb(r.brotli)}   ${r.file}`);
const site = rows.filter((r) => r.kind !== "offline file");
// The corpus artefact is embedded in the wasm; its own size, from the newest release build.
const build = resolve("target/wasm32-unknown-unknown/release/build");
const bundles = readdirSync(build, { withFileTypes: true })
  .filter((d) => d.name.startsWith("parallax-app-"))
  .map((d) => join(build, d.name, "out", "corpus.bin"))
  .filter((p) => { try { return statSync(p).isFile(); } catch { return false; } })
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
if (bundles.length) {
  const bytes = readFileSync(bundles[0]);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`  corpus bundle raw ${kb(bytes.length)}   brotli ${kb(br)}   (inside the wasm)`);
}
console.log(`  site total    raw ${kb(site.reduce((s, r) => s + r.raw, 0))}   brotli ${kb(site.reduce((s, r) => s + r.brotli, 0))}`);

const server = await serve(dist, "/");
const browser = await launch();
const times = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Record the moment the first article card is inserted, from inside the page.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(".articles .card")) {
        window.__libraryRendered = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__libraryRendered !== undefined);
  times.push(await page.evaluate(() => window.__libraryRendered));
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`navigation to library rendered (performance.now() at the first article card's insertion), 5 loads: median ${times[2].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[4].toFixed(0)} ms`);
await browser.close();
server.close();
