// End-to-end tests of the built site in headless Chromium: the three delivery forms (dev
// server, dist/ under a sub-path, parallax.html from file://), one behaviour per test, each
// also asserting a clean console and no request leaving the origin.
//
// Environment: E2E_DIST (default: dist), E2E_DEV_URL (a running `trunk serve`; the test
// command starts one).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open, heading, visit, navigated, VIEWS } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
const SUB = "/some/sub/path/";
let browser, server;

before(async () => {
  assert.ok(existsSync(resolve(DIST, "index.html")), `no build at ${DIST}: run trunk build --release first`);
  browser = await launch();
  server = await serve(DIST, SUB);
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens `hash` (a fragment such as "#/read/…") on the sub-path server and runs `body`. */
const withPage = (hash, body, options) => visit(browser, server.url, hash, body, options);


test("library lists every article with outlet, date and length", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    const cards = page.locator(".articles .card");
    assert.equal(await cards.count(), 5);
    const first = cards.first();
    assert.match(await first.locator("h2").textContent(), /^UPDATE - Lavrov Welcomes/);
    assert.equal(await first.locator(".outlet").textContent(), "Sputnik");
    assert.equal(await first.locator("time").getAttribute("datetime"), "2021-02-15");
    assert.match(await first.locator(".meta").textContent(), /\d+ words/);
    // 002 and 004 have no headline: the start of their first sentence stands in, marked as such.
    const untitled = await page.locator(".card h2.untitled").allTextContents();
    assert.equal(untitled.length, 2);
    for (const t of untitled) assert.match(t.trim(), /^(\S+\s+){1,11}\S+\u2026\s*no headline$/, "a dozen words at most, and marked");
    assert.ok(untitled.some((t) => t.startsWith("Russia is closely following events in Belarus")), untitled);
    assert.ok(untitled.some((t) => t.startsWith("US Congressmen Michael McCaul")), untitled);
    assert.match(await page.locator(".corpus-summary").textContent(), /5 articles from 3 outlets/);
  });
});

test("the library opens with an introduction: who publishes, three first steps, and it can be hidden", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    const intro = page.locator("section.intro");
    assert.match(await intro.locator("h2").textContent(), /What Parallax shows/);
    assert.match(await intro.textContent(), /5 articles from 3 outlets/);
    assert.match(await intro.locator(".affiliations").textContent(), /RT: Russian state-funded television network/);
    const steps = intro.locator(".steps li");
    assert.equal(await steps.count(), 3);
    assert.match(await steps.nth(0).textContent(), /Compare .*: they give different figures for \d+ things?\./);
    assert.match(await steps.nth(1).textContent(), /What .+ is quoted saying: \d+ quotations?/);
    assert.match(await steps.nth(2).textContent(), /Search every article for /);

    // The suggested comparison shows figures that differ.
    await steps.nth(0).locator("a").click();
    await heading(page, "Compare");
    await page.locator("#facts-title").waitFor();
    assert.ok((await page.locator("table.facts tr.differ").count()) >= 1, "a disagreement, as promised");
    await page.goBack();
    await heading(page, "Library");

    // Hidden, it stays hidden after a reload, and one button brings it back.
    await page.getByRole("button", { name: "Hide this introduction" }).click();
    assert.equal(await intro.count(), 0);
    await page.reload();
    await heading(page, "Library");
    assert.equal(await intro.count(), 0);
    assert.match(await page.locator(".intro-hidden .affiliations").textContent(), /RT: Russian state-funded/, "who publishes stays in sight");
    await page.getByRole("button", { name: /Show the introduction/ }).click();
    await intro.waitFor();
  });
});

test("filter by outlet and sort by date live in the URL", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    await page.getByRole("link", { name: /^Sputnik/ }).click();
    await navigated(page, /outlet=sputnik/);
    assert.equal(await page.locator(".articles .card").count(), 3);
    await page.getByRole("link", { name: "Oldest first" }).click();
    await navigated(page, /sort=oldest/);
    const dates = await page.locator(".articles time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    assert.deepEqual(dates, ["2020-08-18", "2020-09-19", "2021-02-15"]);
    await page.reload();
    await heading(page, "Library");
    assert.equal(await page.locator(".articles .card").count(), 3, "filter survives reload");
    await page.getByRole("link", { name: /^All outlets/ }).click();
    await page.waitForFunction(() => document.querySelectorAll(".articles .card").length === 5);
    const all = await page.locator(".articles time, .articles .meta .unknown:not(.outlet)").allTextContents();
    assert.equal(all.at(-1), "Date unknown", "unknown dates sort last");
  });
});

test("reader shows headline, outlet, dateline, date and paragraphs", async () => {
  await withPage("#/read/000_bad9fe235c42383a", async (page) => {
    const h1 = await heading(page, "Third countries");
    assert.match(h1, /told Sputnik on Saturday$/);
    assert.equal(await page.title(), `${h1} \u2014 Parallax`);
    assert.equal(await page.locator(".reader .meta .outlet").textContent(), "Sputnik");
    assert.equal(await page.locator(".reader .dateline").textContent(), "MOSCOW");
    assert.equal(await page.locator(".reader time").textContent(), "19 September 2020");
    const paragraphs = page.locator(".reader .body p");
    assert.equal(await paragraphs.count(), 10);
    assert.doesNotMatch(await paragraphs.first().textContent(), /MOSCOW \(/, "dateline is not body text");
  });
  await withPage("#/read/002_d96a9708d6942587", async (page) => {
    await heading(page, "Russia is closely following");
    assert.equal(await page.locator(".reader .meta .outlet").textContent(), "RT");
    assert.equal(await page.locator(".kicker").textContent(), "Belarus");
    assert.match(await page.locator(".credit").textContent(), /An opposition rally in Minks.*Photo: Sputnik \/ Evgeny Odinokov/);
    assert.equal(await page.locator(".reader .meta .unknown").textContent(), "Date unknown");
  });
});

test("a paragraph permalink opened directly under a sub-path is highlighted and survives reload", async () => {
  await withPage("#/read/001_f2949b16144bae03/p4", async (page) => {
    await heading(page, "Russia says it has told");
    const target = page.locator(".reader .body p.target");
    assert.equal(await target.getAttribute("id"), "p4");
    assert.ok(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }), "scrolled into view");
    await page.reload();
    await heading(page, "Russia says it has told");
    assert.equal(await page.locator(".reader .body p.target").getAttribute("id"), "p4");
    const href = await page.locator("#p7 .permalink").getAttribute("href");
    assert.equal(href, "#/read/001_f2949b16144bae03/p7");

    // The ¶ copies the paragraph's address and says so beside it.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
    await page.locator("#p7 .permalink").click();
    await navigated(page, /\/p7$/);
    assert.equal(await page.locator("#p7 .copied").textContent(), "Link copied");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  });
});

test("back and forward buttons move between views", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    await page.locator(".articles .card h2 a").first().click();
    await heading(page, "UPDATE - Lavrov");
    await page.locator(".reader .body p .permalink").nth(1).click();
    await page.waitForURL(/\/p2$/);
    await page.goBack();
    await page.waitForURL(/003_2336821bb82bb4df$/);
    await page.goBack();
    await heading(page, "Library");
    await page.goForward();
    await heading(page, "UPDATE - Lavrov");
  });
});

test("unknown routes, articles and paragraphs get a clear not-found view", async () => {
  for (const [hash, says] of [
    ["#/no/such/view", /no page at/],
    ["#/read/999_missing", /no article \u201C999_missing\u201D/],
    ["#/read/000_bad9fe235c42383a/p99", /has 10 paragraphs; there is no paragraph 99/],
  ]) {
    await withPage(hash, async (page) => {
      await heading(page, "Not found");
      assert.match(await page.locator("main").textContent(), says);
      await page.getByRole("link", { name: "Go to the library" }).click();
      await heading(page, "Library");
    });
  }
});

test("keyboard: skip link, tab to an article, Enter opens it, focus is visible", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, "solid", "focus is visible");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "main");
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => document.activeElement.closest(".card") !== null);
    }
    assert.ok(found, "an article link is reachable by Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/read\//);
    await page.locator(".reader h1").waitFor();
    assert.ok(await page.evaluate(() => document.activeElement.tagName === "H1"), "focus moves to the new view");

    // In the reader, one link skips the article's text and its many name links.
    let skip = false;
    for (let i = 0; i < 15 && !skip; i++) {
      await page.keyboard.press("Tab");
      skip = await page.evaluate(() => document.activeElement.classList.contains("skip-inline"));
    }
    assert.ok(skip, "the skip link comes before the text");
    assert.ok(await page.locator(".skip-inline").isVisible(), "and shows when focused");
    const links = await page.locator(".reader .body a").count();
    assert.ok(links > 10, `${links} links skipped`);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "article-end");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.closest(".body")), null, "past the text");
  });
});

test("no view scrolls sideways at 360, 768 or 1,280 px, long names included", async () => {
  for (const width of [360, 768, 1280]) {
    await withPage("", async (page) => {
      for (const view of VIEWS) {
        await page.goto(server.url + view);
        await page.locator("main h1").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${view} at ${width} px is ${overflow} px wider than the screen`);
      }
    }, { viewport: { width, height: 800 } });
  }
});

test("landmarks, 360 px without sideways scrolling, and the dark scheme", async () => {
  await withPage("#/read/000_bad9fe235c42383a", async (page) => {
    await heading(page, "Third countries");
    for (const sel of ["header.site-header", "nav", "main", "footer.site-footer", "main article"]) {
      assert.equal(await page.locator(sel).first().count(), 1, sel);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, "rgb(22, 24, 28)", "dark background");
  }, { viewport: { width: 360, height: 740 }, colorScheme: "dark" });
});

test("dev server (scripts/serve.sh's trunk serve) serves the app, policy included", async (t) => {
  const url = process.env.E2E_DEV_URL;
  if (!url) return t.skip("E2E_DEV_URL not set (the test command starts trunk serve and sets it)");
  const s = await open(browser, { origin: new URL(url).origin });
  try {
    await s.page.goto(url + "#/read/004_e10c65f5f54494c2/p2");
    await heading(s.page, "US Congressmen");
    assert.equal(await s.page.locator(".reader .body p.target").getAttribute("id"), "p2");
    const policy = s.page.locator('meta[http-equiv="Content-Security-Policy"]');
    assert.match(await policy.getAttribute("content"), /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("the published dist/ carries no live-reload client (the dev server builds elsewhere)", async () => {
  assert.doesNotMatch(readFileSync(resolve(DIST, "index.html"), "utf8"), /WebSocket|__trunk_address__/);
  await withPage("", async (page) => {
    const sockets = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.reload();
    await heading(page, "Library");
    await page.waitForTimeout(300);
    assert.deepEqual(sockets, [], "no WebSocket opened");
  });
});

test("parallax.html opened from file:// works with zero network requests", async () => {
  const file = resolve(DIST, "parallax.html");
  assert.ok(existsSync(file), "dist/parallax.html exists (parallax offline dist)");
  const s = await open(browser, { origin: "file" });
  try {
    const url = pathToFileURL(file).href;
    await s.page.goto(url);
    await heading(s.page, "Library");
    assert.equal(await s.page.locator(".articles .card").count(), 5);
    await s.page.getByRole("link", { name: /^RT/ }).click();
    await s.page.locator(".articles .card h2 a").first().click();
    await heading(s.page, "Russia is closely following");
    await s.page.goto(url + "#/read/003_2336821bb82bb4df/p3");
    await heading(s.page, "UPDATE - Lavrov");
    assert.equal(await s.page.locator("p.target").getAttribute("id"), "p3");
    assert.deepEqual(s.requests.filter((r) => !r.startsWith("file:") && !r.startsWith("data:")), [], "zero network requests");
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});
