// Benchmark (not a test): time from asking for a comparison to every panel drawn, in headless
// Chromium, median of 5 per comparison. The comparison is asked for the way the Compare button
// does it (the URL fragment changes); the clock stops when the last panel is in the page.
// usage: node bench/compare.mjs DIST "SIDE A|SIDE B" ...   (bench/compare.sh builds seeds + dev)
import { resolve } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const pairs = process.argv.slice(3).map((p) => p.split("|"));
const server = await serve(dist, "/");
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url + "#/compare");
await page.locator("main h1").waitFor();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [a, b] of pairs) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => { location.hash = "#/compare"; });
    await page.locator("main h1").waitFor();
    const ms = await page.evaluate(([a, b]) => new Promise((done) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (document.querySelector("#contrasts-title") || document.querySelector(".messages[role=alert]")) {
          observer.disconnect();
          // the frame after the DOM change: what the reader sees
          requestAnimationFrame(() => done(performance.now() - t0));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      location.hash = `#/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
    }), [a, b]);
    times.push(ms);
  }
  const docs = await page.locator(".sides .side .meta").allTextContents();
  console.log(`${a}  vs  ${b}: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})  [${docs.map((d) => d.match(/\d+ articles?/)?.[0]).join(" | ")}]`);
}
await browser.close();
server.close();
