// Shared harness: Debian's Chromium driven by playwright-core, and a page wrapper that records
// console messages, page errors and every request, so each test can assert the console stayed
// clean and nothing left the origin.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** One URL fragment per kind of view, long names included (the library, search results and
 *  concordance, the reader, the entity list and pages, Compare empty, by outlets and by
 *  articles, adding articles). */
const LONG = "A".repeat(90);
export const VIEWS = [
  "#/",
  "#/search?q=protesters",
  "#/search?q=protest&view=kwic",
  `#/search?q=${LONG}`,
  "#/read/000_bad9fe235c42383a",
  "#/entities",
  "#/entity/Alexander%20Lukashenko",
  `#/entity/${LONG}`,
  "#/compare",
  "#/compare?a=outlet%3Art&b=outlet%3Asputnik",
  "#/compare?a=doc%3A000_bad9fe235c42383a&b=doc%3A004_e10c65f5f54494c2",
  "#/add",
];

/** A fresh context and page; `problems()` lists console errors/warnings, page errors,
 *  Content-Security-Policy violations and requests that left `origin` ("file" for file://
 *  pages, where no request may leave at all). */
export async function open(browser, { origin, viewport, colorScheme } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1200, height: 900 }, colorScheme });
  // Installed by the browser's debugger before the page's own code, so no policy stops it.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"}`),
    ),
  );
  const page = await context.newPage();
  const messages = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") messages.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => messages.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  const problems = () => {
    const out = [...messages];
    for (const url of requests) {
      const u = new URL(url);
      if (u.protocol === "data:" || u.protocol === "blob:") continue;
      if (origin === "file" ? u.protocol !== "file:" : u.origin !== origin) out.push(`request left the origin: ${url}`);
    }
    return out;
  };
  return { context, page, requests, problems, close: () => context.close() };
}

/** Waits until the app has rendered the view whose h1 matches `text`. */
export async function heading(page, text) {
  const h1 = page.locator("main h1");
  await h1.filter({ hasText: text }).first().waitFor({ timeout: 15000 });
  return (await h1.first().textContent()).trim();
}

/** Waits for the URL to match `pattern` and then for the app to render what it says: the router
 *  changes the URL first and the view follows a few ticks later, so reading the page right after
 *  the URL changes can see the view before. Two animation frames cover the reactive flush. */
export async function navigated(page, pattern) {
  await page.waitForURL(pattern);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The keys of the page's kept analysis (none before the page keeps one). */
export const keptKeys = (page) =>
  page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n.endsWith("-analysis"));
    if (!name) return [];
    const db = await new Promise((done, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      return await new Promise((done, fail) => {
        const all = db.transaction("analysis").objectStore("analysis").getAllKeys();
        all.onsuccess = () => done(all.result);
        all.onerror = () => fail(all.error);
      });
    } finally {
      db.close();
    }
  });

/** Opens `base + hash` in a fresh context, runs `body(page, session)`, then asserts the console
 *  stayed clean and nothing left the origin of `base`. */
export async function visit(browser, base, hash, body, options = {}) {
  const s = await open(browser, { origin: new URL(base).origin, ...options });
  try {
    await s.page.goto(base + hash);
    await body(s.page, s);
    assert.deepEqual(s.problems(), [], "console stayed clean and nothing left the origin");
  } finally {
    await s.close();
  }
}
