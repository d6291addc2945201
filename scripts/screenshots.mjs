// Full-page screenshots of every view at 360 and 1280 px wide, in the light and dark schemes,
// for review and to check that a style change renders as intended:
//   node scripts/screenshots.mjs DIST OUTDIR
// DIST is a built site (trunk build); OUTDIR receives VIEW-WIDTH-SCHEME.png. Two runs (before
// and after a change) can be compared file by file, e.g. with `cmp`. Chromium's anti-aliasing
// is not quite stable from run to run: at 360 px the compare views' side pickers (wider than the
// screen) can differ by one colour level in a few edge pixels, with or without a change.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/static-server.mjs";

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error("usage: node scripts/screenshots.mjs DIST OUTDIR");
  process.exit(2);
}

// Articles and outlets of the seed corpus. The entity view is the first one #/entities links to.
const A = "000_bad9fe235c42383a";
const B = "004_e10c65f5f54494c2";
const VIEWS = {
  library: "#/",
  search: "#/search?q=Lukashenko",
  kwic: "#/search?q=protest&view=kwic",
  reader: `#/read/${A}`,
  entities: "#/entities",
  entity: null,
  "compare-outlets": "#/compare?a=outlet%3Art&b=outlet%3Asputnik",
  "compare-articles": `#/compare?a=doc%3A${A}&b=doc%3A${B}`,
  add: "#/add",
};

/** Waits for the view's h1, then until the page has not changed for half a second. */
async function settled(page) {
  await page.locator("main h1").first().waitFor({ timeout: 30000 });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let timer = setTimeout(done, 500);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 500);
        });
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
  );
  await page.evaluate(() => document.fonts.ready);
}

await mkdir(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
/** Opens `hash` in a fresh context (nothing visited, nothing stored) and waits until it is drawn. */
async function open(hash, width = 1280, colorScheme = "light") {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await settled(page);
  return { page, close: () => context.close() };
}
try {
  const first = await open(VIEWS.entities);
  VIEWS.entity = await first.page.locator(".entity-table tbody a").first().getAttribute("href");
  await first.close();
  for (const [name, hash] of Object.entries(VIEWS)) {
    for (const width of [360, 1280]) {
      for (const scheme of ["light", "dark"]) {
        const view = await open(hash, width, scheme);
        const file = join(out, `${name}-${width}-${scheme}.png`);
        await view.page.screenshot({ path: file, fullPage: true });
        await view.close();
        console.log(file);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
