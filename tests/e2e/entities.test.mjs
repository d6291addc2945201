// End-to-end tests of the entity views in headless Chromium, on dist/ served under a sub-path:
// the entities list (kinds, sorting, filtering as you type), Lukashenko's page (all five seeds,
// labels per outlet, quotes, mentions, charts), the reader's highlighting and speakers, the
// `entity:` search filter, and keyboard use. Each test also asserts a clean console and no
// request leaving the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { launch, heading, visit, navigated } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
let browser, server;

before(async () => {
  assert.ok(existsSync(resolve(DIST, "index.html")), `no build at ${DIST}`);
  browser = await launch();
  server = await serve(DIST, "/entity/sub/");
});
after(async () => {
  await browser?.close();
  server?.close();
});

const withPage = (hash, body, options) => visit(browser, server.url, hash, body, options);
const cells = (row) => row.locator("th, td").allTextContents();

test("entities list: kinds, figures, sorting and filtering as you type", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Entities" }).click();
    await heading(page, "Entities");
    const rows = page.locator(".entity-table tbody tr");
    assert.ok((await rows.count()) >= 20, "the seeds name at least 20 entities");
    const luka = rows.filter({ hasText: "Alexander Lukashenko" });
    // name, kind, mentions, articles, outlets, quotes
    const [, kind, , articles, outlets] = await cells(luka);
    assert.deepEqual([kind, articles, outlets], ["person", "5", "3"]);

    await page.getByRole("link", { name: /^People/ }).click();
    await navigated(page, /kind=person/);
    const kinds = await page.locator(".entity-table tbody td:nth-child(2)").allTextContents();
    assert.ok(kinds.length > 3 && kinds.every((k) => k === "person"), kinds.join());

    await page.getByRole("link", { name: "Quotes" }).click();
    await navigated(page, /sort=quotes/);
    await page.locator("th[aria-sort]", { hasText: "Quotes" }).waitFor();
    const quotes = (await page.locator(".entity-table tbody td:nth-child(6)").allTextContents()).map(Number);
    assert.deepEqual(quotes, [...quotes].sort((a, b) => b - a), "most quoted first");
    assert.equal(await page.locator("th[aria-sort]").textContent(), "Quotes");

    const filter = page.getByLabel("Name contains");
    await filter.click();
    await page.keyboard.type("lukash", { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll(".entity-table tbody tr").length === 1);
    assert.equal(await page.evaluate(() => document.activeElement.id), "entity-filter", "typing keeps focus");
    assert.match(page.url(), /name=lukash/);
    await page.reload();
    await heading(page, "Entities");
    assert.equal(await page.getByLabel("Name contains").inputValue(), "lukash");
    assert.equal(await page.locator(".entity-table tbody tr").count(), 1);
  });
});

test("Lukashenko's page: all five seeds, labels per outlet, quotes, ties, charts", async () => {
  await withPage("#/entity/Alexander%20Lukashenko", async (page) => {
    await heading(page, "Alexander Lukashenko");
    assert.match(await page.locator(".entity header .meta").textContent(), /in 5 articles from 3 outlets/);
    assert.match(await page.locator(".aliases").textContent(), /Lukashenko/);

    const labels = page.locator("table.labels tbody tr");
    assert.equal(await labels.count(), 3, "one row per outlet that names him");
    const row = (outlet) => labels.filter({ has: page.locator(".outlet", { hasText: new RegExp(`^${outlet}$`) }) });
    assert.match(await row("Sputnik").textContent(), /Belarusian President/);
    assert.match(await row("RT").textContent(), /incumbent/);
    assert.match(await row("RT").locator("th").textContent(), /^RT: Russian state-funded television network$/, "who the outlet is");

    assert.ok((await page.locator("ol.quotes blockquote").count()) >= 1, "what he said");
    assert.equal(await page.locator(".mention-groups > li").count(), 5, "mentions in all five articles");
    for (const name of ["per month", "per outlet", "shares most sentences"]) {
      const svg = page.locator(`svg[role=img][aria-label*="${name}"]`);
      assert.equal(await svg.count(), 1, name);
    }
    const monthTable = page.locator("details.chart-data").first();
    await monthTable.locator("summary").click();
    assert.match(await monthTable.locator("tbody").textContent(), /Aug 2020/);

    await page.getByRole("link", { name: "Vladimir Putin" }).first().click();
    await heading(page, "Vladimir Putin");
    await page.goBack();
    await heading(page, "Alexander Lukashenko");

    await page.locator(".contexts a").first().click();
    await page.waitForURL(/#\/read\/[^/]+\/p\d+\/s\d+$/);
    const target = page.locator("mark.target-sentence");
    assert.match(await target.textContent(), /Lukashenko/);
  });
});

test("a place and its people link to each other", async () => {
  await withPage("#/entity/Belarus", async (page) => {
    await heading(page, "Belarus");
    await page.getByRole("link", { name: "Belarusians" }).first().click();
    await heading(page, "Belarusians");
    assert.match(await page.locator(".entity header").textContent(), /The people of: Belarus/);
  });
});

test("reader: mentions highlighted by kind link to their pages; quotes carry their speaker", async () => {
  await withPage("#/read/001_f2949b16144bae03", async (page) => {
    await heading(page, "Russia says");
    const body = page.locator(".reader .body");
    assert.match(await body.getAttribute("class"), /hl-person/);
    const putin = body.locator("a.ent.person", { hasText: "Vladimir Putin" }).first();
    const highlighted = await putin.evaluate((a) => getComputedStyle(a).backgroundColor);
    assert.notEqual(highlighted, "rgba(0, 0, 0, 0)", "people are highlighted");
    assert.ok((await body.locator("a.ent.place").count()) >= 3);

    await page.getByLabel("People").uncheck();
    assert.doesNotMatch(await body.getAttribute("class"), /hl-person/);
    const plain = await putin.evaluate((a) => getComputedStyle(a).backgroundColor);
    assert.equal(plain, "rgba(0, 0, 0, 0)", "unchecked kinds are not highlighted");

    const badge = (el) => getComputedStyle(el, "::before").content;
    const zakharova = body.locator('.quote.starts[data-speaker="Maria Zakharova"]').first();
    assert.match(await zakharova.evaluate(badge), /^"Maria Zakharova/, "the quotation starts with its speaker");
    assert.ok((await body.locator(".quote.starts").count()) >= 4);
    await page.getByLabel("Quotations and speakers").uncheck();
    assert.equal(await zakharova.evaluate(badge), "none", "speakers hidden on request");

    await putin.click();
    await heading(page, "Vladimir Putin");
  });
});

test("reader: a joint statement names both speakers", async () => {
  await withPage("#/read/004_e10c65f5f54494c2", async (page) => {
    await heading(page, "US Congressmen");
    const joint = page.locator('.quote.starts[data-speaker="Michael McCaul and Eliot Engel"]');
    assert.equal(await joint.count(), 2, "both quotations of the joint statement");
  });
  await withPage("#/entity/Eliot%20Engel", async (page) => {
    await heading(page, "Eliot Engel");
    assert.equal(await page.locator("ol.quotes blockquote").count(), 2, "his page lists what he said jointly");
  });
});

test("search: entity: lists the articles naming him, with his name highlighted", async () => {
  await withPage('#/search?q=entity%3A%22Alexander%20Lukashenko%22', async (page) => {
    await heading(page, "Search");
    await page.locator(".status", { hasText: "5 articles match" }).waitFor();
    const marks = await page.locator(".passage mark").allTextContents();
    assert.ok(marks.some((m) => /Lukashenko/.test(m)), marks.join());
    await page.getByRole("link", { name: "Concordance" }).click();
    const keywords = await page.locator(".kwic td.kw").allTextContents();
    assert.ok(keywords.length >= 10 && keywords.every((k) => /Alexander|Lukashenko/.test(k)), keywords.join());
  });
});

test("keyboard: Tab from the filter to an entity, Enter opens its page with focus on it", async () => {
  await withPage("#/entities?name=putin", async (page) => {
    await heading(page, "Entities");
    await page.getByLabel("Name contains").focus();
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => document.activeElement.closest(".entity-table tbody") !== null);
    }
    assert.ok(found, "an entity link is reachable by Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, "solid", "focus is visible");
    await page.keyboard.press("Enter");
    await heading(page, "Vladimir Putin");
    assert.ok(await page.evaluate(() => document.activeElement.tagName === "H1"), "focus moves to the new view");
  });
});

test("an unknown entity says so", async () => {
  await withPage("#/entity/Nobody%20At%20All", async (page) => {
    await heading(page, "Not found");
    assert.match(await page.locator("main").textContent(), /No entity of this corpus is called .Nobody At All./);
  });
});
