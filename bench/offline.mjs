// Benchmark (not a test): time from opening a one-file page (parallax.html, from file://) to
// its first search answer (window.parallax.search finds "president", or the query given), in
// headless Chromium; each load in a fresh profile. Several files are loaded in turn, round
// after round, so that they share the machine's ups and downs.
// usage: node bench/offline.mjs [ROUNDS] FILE... (e.g. node bench/offline.mjs 5 dist/parallax.html)
//   QUERY=word sets the query; the page must find at least one article.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open } from "../tests/e2e/browser.mjs";

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args[0] ?? "") ? Number(args.shift()) : 5;
const files = (args.length ? args : ["dist/parallax.html"]).map((f) => resolve(f));
const query = process.env.QUERY ?? "president";
const browser = await launch();
const times = new Map(files.map((f) => [f, []]));
for (let round = 0; round < rounds; round++) {
  for (const file of files) {
    const s = await open(browser, { origin: "file" });
    const start = Date.now();
    await s.page.goto(pathToFileURL(file).href, { timeout: 120_000 });
    await s.page.waitForFunction((q) => window.parallax && window.parallax.search(q, 3).total > 0, query, {
      timeout: 120_000,
      polling: 20,
    });
    times.get(file).push(Date.now() - start);
    const problems = s.problems();
    if (problems.length) console.log(`  ${file}: ${problems.join("; ")}`);
    await s.close();
  }
}
await browser.close();
for (const [file, ms] of times) {
  const sorted = [...ms].sort((a, b) => a - b);
  const mb = (statSync(file).size / 1e6).toFixed(1);
  console.log(`${file} (${mb} MB): first result median ${sorted[Math.floor(sorted.length / 2)]} ms; loads ${ms.join(", ")} ms`);
}
