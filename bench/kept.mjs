// Benchmark (not a test): adds a folder of .txt articles through #/add in headless Chromium,
// waits until the page has kept their analysis (src/added/kept.rs), then reloads twice and
// reports how long until the page shows the corpus with them again, against how long the
// analysis took.
// Usage: node bench/kept.mjs DIST DIR   (e.g. a 20,000-article site and 500 articles)
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch, open, heading, keptKeys } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const [dist, dir] = process.argv.slice(2);
const paths = readdirSync(dir)
  .filter((n) => n.endsWith(".txt"))
  .sort()
  .map((n) => join(dir, n));
const browser = await launch();
const server = await serve(resolve(dist), "/");
const s = await open(browser, { origin: new URL(server.url).origin });
const { page } = s;
const summary = () => page.evaluate(() => document.querySelector(".corpus-summary")?.textContent ?? "");
try {
  await page.goto(server.url + "#/add", { timeout: 120000 });
  await heading(page, "Your articles");
  const before = await summary();
  let t = Date.now();
  await page.locator("#add-files-input").setInputFiles(paths);
  await page.locator(".report").first().waitFor({ timeout: 900000 });
  const shown = await summary();
  console.log(`${paths.length} articles added in ${Date.now() - t} ms (${before.trim()} → ${shown.trim()})`);
  t = Date.now();
  while (!(await keptKeys(page)).some((k) => k.startsWith("manifest-"))) await page.waitForTimeout(250);
  console.log(`analysis kept ${Date.now() - t} ms later, in ${(await keptKeys(page)).length} records`);
  for (const round of [1, 2]) {
    t = Date.now();
    await page.reload({ timeout: 120000 });
    await page.waitForFunction((want) => document.querySelector(".corpus-summary")?.textContent === want, shown, {
      timeout: 900000,
      polling: 100,
    });
    console.log(`reload ${round}: the same corpus shown again in ${Date.now() - t} ms`);
  }
  if (s.problems().length) console.log("problems:", s.problems());
} finally {
  await s.close();
  await browser.close();
  server.close();
}
