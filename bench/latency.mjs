// Benchmark (not a test): in-browser latency of window.parallax.search, with and without its
// cache of answers, in headless Chromium. Each query runs REPS times as written with leading
// spaces added (the same query, never asked before, so never a kept answer), then REPS times
// as written (kept after the first). Figures are per-query means, summarised over the queries.
// usage: node bench/latency.mjs [DIST] [QUERIES.json]
//   DIST: a release build (default dist/); QUERIES: the peers harness' list by default.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const queriesFile = resolve(process.argv[3] ?? "../shared/bench/peers/queries.json");
const queries = JSON.parse(readFileSync(queriesFile, "utf8")).queries.map((q) => q.q);
const REPS = 40;

const server = await serve(dist, "/");
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.parallax && window.parallax.search("warm up", 3));
const rows = await page.evaluate(
  ([queries, reps]) =>
    queries.map((q) => {
      let t = performance.now();
      for (let i = 1; i <= reps; i++) window.parallax.search(" ".repeat(i) + q, 3);
      const fresh = (performance.now() - t) / reps;
      t = performance.now();
      for (let i = 0; i < reps; i++) window.parallax.search(q, 3);
      const kept = (performance.now() - t) / reps;
      return { q, fresh, kept };
    }),
  [queries, REPS],
);
await browser.close();
server.close();

const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return `median ${at(0.5).toFixed(4)} ms, p95 ${at(0.95).toFixed(4)} ms, max ${s[s.length - 1].toFixed(4)} ms`;
};
const slowest = [...rows].sort((a, b) => b.fresh - a.fresh).slice(0, 5);
console.log(`window.parallax.search(q, 3) in ${dist}, ${queries.length} queries, mean of ${REPS} calls each:`);
console.log(`  never asked before: ${summary(rows.map((r) => r.fresh))}`);
console.log(`  asked again (kept): ${summary(rows.map((r) => r.kept))}`);
console.log(`  slowest never asked before: ${slowest.map((r) => `${JSON.stringify(r.q)} ${r.fresh.toFixed(3)} ms`).join(", ")}`);
