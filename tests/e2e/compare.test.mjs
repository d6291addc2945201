// End-to-end tests of the compare page in headless Chromium, on dist/ served under a sub-path:
// outlet against outlet and article against article on the seeds, choosing sides with the form,
// opening the sentences behind a figure, the exports, and printing. Each test also asserts a
// clean console and no request leaving the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch, heading, visit } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
let browser, server;

before(async () => {
  assert.ok(existsSync(resolve(DIST, "index.html")), `no build at ${DIST}`);
  browser = await launch();
  server = await serve(DIST, "/cmp/");
});
after(async () => {
  await browser?.close();
  server?.close();
});

const withPage = (hash, body, options) => visit(browser, server.url, hash, body, options);

test("outlet against outlet, chosen with the form: words, labels, voices, frames, evidence", async () => {
  await withPage("", async (page) => {
    await heading(page, "Library");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
    await heading(page, "Compare");
    await page.getByLabel("Side A", { exact: true }).selectOption("outlet:rt");
    await page.getByLabel("Side B", { exact: true }).selectOption("outlet:sputnik");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/#\/compare\?a=outlet%3Art&b=outlet%3Asputnik$/);
    await page.locator("#words-title").waitFor();
    assert.match(await page.locator(".side-a .side-name").textContent(), /^RT$/);
    assert.match(await page.locator(".sides .side-b").textContent(), /3 articles/);
    assert.match(await page.locator(".sides").textContent(), /Caution: a small sample/);

    // Each side's header: its outlet with what the corpus says of it, and its dates.
    assert.match(await page.locator(".sides .side-a .affiliations").textContent(), /RT: Russian state-funded television network/);
    assert.match(await page.locator(".sides .side-b .when").textContent(), /^18 August 2020 to 15 February 2021$/);
    // Each side is drawn in its own outlet's colour, as everywhere else.
    const [border, badge] = await page.evaluate(() => [
      getComputedStyle(document.querySelector(".sides .side-a h2")).borderLeftColor,
      getComputedStyle(document.querySelector(".sides .side-a .outlet")).color,
    ]);
    assert.equal(border, badge, "side A's mark is RT's colour");
    // Facts come first; the words panel follows.
    const order = await page.evaluate(() => [...document.querySelectorAll(".panel h2")].map((h) => h.id));
    assert.ok(order.indexOf("facts-title") < order.indexOf("words-title"), order.join());

    // Words in plain figures, no numbers or function words; the z-scores one click away, and
    // side A's words lean to A (z > 0), side B's to B.
    assert.match(await page.locator(".columns .side-a .terms .figures").first().textContent(), /^\d+ here, \d+ on side B$/);
    const terms = await page.locator(".columns .terms .term").allTextContents();
    assert.ok(terms.every((t) => /\p{L}/u.test(t) && !/^(us|1)$/.test(t)), terms.join());
    const stats = page.locator(".columns .side-a .terms .stats").first();
    assert.equal(await stats.isVisible(), false, "no bare z-scores at first");
    await page.getByLabel("Show the statistics (z-scores)").check();
    assert.ok(await stats.isVisible());
    const zs = async (k) =>
      (await page.locator(`.columns .side-${k} .terms .stats`).allTextContents()).map((t) => Number(t.split("z ")[1]));
    const [za, zb] = [await zs("a"), await zs("b")];
    assert.ok(za.length >= 5 && za.every((z) => z > 0), za.join());
    assert.ok(zb.length >= 5 && zb.every((z) => z < 0), zb.join());

    // A word opens its sentences, each linking to the reader.
    const first = page.locator(".columns .side-a .terms .evidence").first();
    const word = (await first.locator(".term").textContent()).trim();
    await first.locator("summary").click();
    const sentences = first.locator(".sentences li");
    await sentences.first().waitFor();
    assert.match((await sentences.first().textContent()).toLowerCase(), new RegExp(word.split(" ")[0]));

    // Labels: Lukashenko is "Belarusian President" at Sputnik and "incumbent" at RT.
    const luka = page.locator(".compare-labels tbody tr", { hasText: "Alexander Lukashenko" });
    const [, rt, sputnik] = await luka.locator("th, td").allTextContents();
    assert.match(rt, /incumbent/);
    assert.match(sputnik, /Belarusian President/);

    // Voices: Putin speaks on RT, Ilyichev on Sputnik.
    assert.match(await page.locator("#voices-title ~ .columns .side-a").textContent(), /Vladimir Putin/);
    assert.match(await page.locator("#voices-title ~ .columns .side-b").textContent(), /Pyotr Ilyichev/);

    // Frames: fourteen dimensions; a bar opens its sentences.
    assert.equal(await page.locator("table.frames tbody tr").count(), 14);
    const political = page.locator("table.frames tbody tr", { hasText: "Political" }).locator(".evidence").first();
    await political.locator("summary").click();
    await political.locator(".sentences li").first().waitFor();

    // Back returns to the empty form.
    await page.goBack();
    await heading(page, "Compare");
    assert.equal(await page.locator("#words-title").count(), 0);
  });
});

test("figures told months apart are shown as such, not as a disagreement", async () => {
  await withPage("#/compare?a=doc%3A002_d96a9708d6942587&b=doc%3A003_2336821bb82bb4df", async (page) => {
    await heading(page, "Compare");
    const apart = page.locator("table.facts tbody tr", { hasText: "told 6 months apart" });
    await apart.waitFor();
    assert.match(await apart.textContent(), /about 20 Belarusian officials[\s\S]*dozens of Belarusian officials/);
    assert.equal(await page.locator("table.facts tbody tr.differ").count(), 0, "no disagreement");
    assert.match(await page.locator("section[aria-labelledby=facts-title] .note").textContent(), /1 told at different times/);
  });
});

test("article against article, with the exports and a print layout", async () => {
  await withPage("#/compare?a=doc%3A000_bad9fe235c42383a&b=doc%3A004_e10c65f5f54494c2", async (page, s) => {
    await heading(page, "Compare");
    await page.locator("#words-title").waitFor();
    assert.match(await page.locator(".side-a .side-name").textContent(), /^Third countries(\s\S+){8}\u2026$/, "a long headline is cut to ten words");
    assert.match(await page.locator(".side-b .side-name").textContent(), /^US Congressmen/);
    assert.match(await page.locator(".sides .side-a").textContent(), /1 article/);

    // Facts: both discrepancies, each claim with its source.
    const differ = page.locator("table.facts tbody tr.differ");
    const texts = (await differ.allTextContents()).join(" | ");
    assert.match(texts, /more than 130 security officers[\s\S]*more than 120/, texts);
    assert.match(texts, /three[\s\S]*two/, texts);
    assert.match(texts, /according to Belarusian Health Ministry/, texts);
    assert.ok((await page.locator("table.facts tbody tr:not(.differ)").count()) >= 1, "agreeing claims aligned");

    // Passages: paired paragraphs, and what only one side has.
    assert.ok((await page.locator("table.passages tbody tr.shared").count()) >= 2, "paragraphs paired");
    assert.match(await page.locator("table.passages").textContent(), /6,700/);
    assert.ok((await page.locator(".only li").count()) >= 1, "omissions listed");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download words (CSV)" }).click(),
    ]);
    const csvText = readFileSync(await csv.path(), "utf8");
    assert.ok(csvText.startsWith("\uFEFF"), "a byte-order mark, for spreadsheet programs");
    assert.match(csvText.split("\r\n")[0], /"term","count_a","count_b","log_odds","z","few"/);
    assert.ok(csvText.split("\r\n").length > 50);

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download everything (JSON)" }).click(),
    ]);
    const report = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.deepEqual(report.sides.map((x) => x.documents), [["000_bad9fe235c42383a.txt"], ["004_e10c65f5f54494c2.txt"]]);
    assert.equal(report.frames.length, 14);
    assert.ok(report.distinctive.length > 50 && report.labels.length >= 3);
    const differing = report.facts.filter((f) => !f.agree);
    assert.equal(differing.length, 2, "the two discrepancies");
    assert.ok(differing.every((f) => f.told_apart_days === null), "told a month apart: still a disagreement");

    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".site-header").isVisible(), false, "no header on paper");
    assert.equal(await page.locator(".side-pickers").isVisible(), false, "no form on paper");
    assert.equal(await page.locator("#words-title").isVisible(), true);
    void s;
  });
});

test("a side that matches nothing says so", async () => {
  await withPage("#/compare?a=outlet%3Acnn&b=zzzzqqq", async (page) => {
    await heading(page, "Compare");
    const alert = page.locator(".messages[role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), /No outlet has the key .cnn./);
    assert.match(await alert.textContent(), /Each side needs at least one article/);
  });
});

test("the reader offers to compare its article, with side A chosen", async () => {
  await withPage("#/read/002_d96a9708d6942587", async (page) => {
    await heading(page, "Russia is closely following");
    await page.getByRole("link", { name: "Compare this article with another" }).click();
    await heading(page, "Compare");
    assert.match(page.url(), /#\/compare\?a=doc%3A002_d96a9708d6942587$/);
    assert.equal(await page.getByLabel("Side A", { exact: true }).inputValue(), "doc:002_d96a9708d6942587");
    assert.equal(await page.locator("#words-title").count(), 0, "nothing compared until side B is chosen");
  });
});
