// Benchmark (not a test): memory through a lesson. One tab of the built site is used as a class
// would use it for an hour: 1,000 searches, 200 page views across every kind of page, 20
// comparisons and 50 cycles of adding an article and removing it, in ROUNDS equal rounds. After
// each round, with garbage collected, it prints the wasm memory, the bytes live on the wasm heap
// (`window.parallax.live()`: wasm memory never shrinks, so this one tells a leak from
// fragmentation) and the JS heap; the figure to watch is the last round against the first (the
// issue asks for at most +10%).
// usage: node bench/lesson.mjs [DIST] [ROUNDS]   (default dist/, 5 rounds)
import { resolve } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const ROUNDS = Number(process.argv[3] ?? 5);
const per = (n) => Math.max(1, Math.round(n / ROUNDS));

const server = await serve(dist, "/lesson/");
const browser = await launch();
const context = await browser.newContext();
// The wasm instance's memory, as Trunk's loader announces it.
await context.addInitScript(() =>
  addEventListener("TrunkApplicationStarted", (e) => (window.lessonWasm = e.detail.wasm)),
);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const go = async (hash) => {
  await page.goto(server.url + hash);
  await page.locator("main h1").first().waitFor();
};
await go("#/");
await page.waitForFunction(() => window.parallax && window.lessonWasm);

const words = await page.evaluate(() =>
  [...new Set(document.body.innerText.toLowerCase().match(/[a-z]{4,}/g))].slice(0, 400),
);
const articles = await page.$$eval(".articles .card h2 a", (as) => as.map((a) => a.getAttribute("href")));
await go("#/entities");
const entities = await page.$$eval("main table a", (as) => as.slice(0, 20).map((a) => a.getAttribute("href")));
const outlets = ["rt", "sputnik", "presstv"];
const views = [
  "#/",
  ...articles,
  "#/entities",
  ...entities,
  "#/search?q=protest",
  "#/search?q=protest&view=kwic",
  "#/add",
];
const comparisons = [
  ...outlets.flatMap((a) => outlets.filter((b) => b !== a).map((b) => `#/compare?a=outlet%3A${a}&b=outlet%3A${b}`)),
  ...articles.slice(1).map((h, i) => {
    const id = (href) => href.split("/read/")[1];
    return `#/compare?a=doc%3A${id(articles[i])}&b=doc%3A${id(h)}`;
  }),
];

async function measure() {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.lessonWasm.memory.buffer.byteLength);
  const live = await page.evaluate(() => window.parallax.live());
  return { wasm, live, heap: heap.usedSize };
}

let searchCount = 0;
let viewCount = 0;
let compareCount = 0;
let cycleCount = 0;
const rows = [];
const started = Date.now();
for (let round = 1; round <= ROUNDS; round++) {
  for (let i = 0; i < per(1000); i++, searchCount++) {
    const q = `${words[searchCount % words.length]} ${words[(searchCount * 7 + 3) % words.length]}`;
    await page.evaluate((q) => window.parallax.search(q, 10), q);
  }
  for (let i = 0; i < per(200); i++, viewCount++) await go(views[viewCount % views.length]);
  for (let i = 0; i < per(20); i++, compareCount++) {
    await go(comparisons[compareCount % comparisons.length]);
    await page.locator(".compared").first().waitFor();
  }
  await go("#/add");
  for (let i = 0; i < per(50); i++, cycleCount++) {
    const serial = () => page.evaluate(() => document.querySelector(".report")?.dataset.serial ?? "0");
    let before = await serial();
    await page.locator("#add-files-input").setInputFiles([
      {
        name: `lesson-${cycleCount}.txt`,
        mimeType: "text/plain",
        buffer: Buffer.from(`Students in Minsk met on day ${cycleCount}, teacher Vera Lenz said.\n\n"We read three outlets," Lenz said.\n`),
      },
    ]);
    await page.waitForFunction((n) => (document.querySelector(".report")?.dataset.serial ?? "0") !== n, before);
    before = await serial();
    await page.getByRole("button", { name: "Remove all" }).click();
    await page.waitForFunction((n) => (document.querySelector(".report")?.dataset.serial ?? "0") !== n, before);
  }
  const m = await measure();
  rows.push(m);
  console.log(
    `round ${round}: ${searchCount} searches, ${viewCount} views, ${compareCount} comparisons, ${cycleCount} add/remove cycles` +
      ` — wasm ${(m.wasm / 2 ** 20).toFixed(2)} MiB (live heap ${(m.live / 2 ** 20).toFixed(2)} MiB), JS heap ${(m.heap / 2 ** 20).toFixed(2)} MiB` +
      ` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}
const growth = (key) => `${(((rows.at(-1)[key] - rows[0][key]) / rows[0][key]) * 100).toFixed(1)}%`;
console.log(
  `last round against the first: wasm ${growth("wasm")} (live heap ${growth("live")}), JS heap ${growth("heap")}`,
);
await browser.close();
server.close();
