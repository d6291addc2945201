// Adds folders of .txt articles through #/add's file input in headless Chromium and reports how
// long until they are analysed and searchable, and the memory used.
// Usage: node bench/added.mjs DIST DIR...
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch, open, heading } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const [dist, ...dirs] = process.argv.slice(2);
const files = (dir) => {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".txt")) out.push(p);
    }
  };
  walk(dir);
  return out;
};

const browser = await launch();
const server = await serve(resolve(dist), "/");
try {
  for (const dir of dirs) {
    const paths = files(dir);
    // Paths, not buffers: Playwright hands paths to the browser as a user's file dialog does,
    // while buffers are rebuilt inside the page, a long task of Playwright's own.
    const mb = paths.reduce((n, p) => n + statSync(p).size, 0) / 1e6;
    const s = await open(browser, { origin: new URL(server.url).origin });
    await s.page.goto(server.url + "#/add");
    await heading(s.page, "Your articles");
    const before = await s.page.evaluate(() => {
      // The longest task that held the main thread while the articles were added.
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ entryTypes: ["longtask"] });
      return { wasm: window.parallax.memory(), heap: performance.memory.usedJSHeapSize };
    });
    const start = Date.now();
    await s.page.locator("#add-files-input").setInputFiles(paths);
    await s.page.locator(".report").first().waitFor({ timeout: 600000 });
    const ms = Date.now() - start;
    const summary = (await s.page.locator(".report").first().textContent()).trim().split("\n")[0];
    // Searchable: a word of the last file is found.
    const word = readFileSync(paths.at(-1), "utf8").match(/[A-Za-z]{6,}/)?.[0] ?? "the";
    const total = await s.page.evaluate((w) => window.parallax.search(w, 1).total, word);
    const after = await s.page.evaluate(() => ({
      wasm: window.parallax.memory(),
      heap: performance.memory.usedJSHeapSize,
      longest: window.__longest,
    }));
    console.log(
      `${dir}: ${paths.length} files, ${mb.toFixed(2)} MB: analysed and searchable in ${(ms / 1000).toFixed(2)} s` +
        ` (${(mb / (ms / 1000)).toFixed(2)} MB/s); "${word}" → ${total} articles; ${summary.slice(0, 80)}` +
        `; wasm memory ${(before.wasm / 1e6).toFixed(1)} → ${(after.wasm / 1e6).toFixed(1)} MB,` +
        ` JS heap ${(before.heap / 1e6).toFixed(1)} → ${(after.heap / 1e6).toFixed(1)} MB;` +
        ` longest main-thread task ${after.longest.toFixed(0)} ms`,
    );
    if (s.problems().length) console.log("problems:", s.problems());
    await s.close();
  }
} finally {
  await browser.close();
  server.close();
}
