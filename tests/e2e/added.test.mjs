// End-to-end tests of a reader's own articles (#/add) in headless Chromium, on dist/ served
// under a sub-path: files through the file input with progress and cancel, bad input, search
// and reader, persistence across reloads, edit, remove and undo, export and import into a fresh
// profile, the downloaded offline page opened from file://, and that each change frees the
// corpus it replaces. Each test also asserts a clean console and no request leaving the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open, heading, navigated, keptKeys } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
let browser, server;

before(async () => {
  assert.ok(existsSync(resolve(DIST, "index.html")), `no build at ${DIST}`);
  browser = await launch();
  server = await serve(DIST, "/own/");
});
after(async () => {
  await browser?.close();
  server?.close();
});

const ARTICLE =
  "Teachers in Grodno formed a new union on Tuesday, its chair Anna Kovalchuk told reporters.\n\n" +
  "\"We will not be silent,\" Kovalchuk said. The union has 420 members, according to its statement.\n";
const HOSTILE_HTML =
  "<!doctype html><html><head><title>Ignored title</title>" +
  '<meta property="og:site_name" content="Minsk Herald"><meta property="og:title" content="Dockworkers strike in Brest">' +
  "<script>window.__owned = 1</script></head><body><nav>Home | World</nav><article>" +
  "<h1>Dockworkers strike in Brest</h1><p>Dockworkers in Brest walked out &amp; stayed out.</p>" +
  '<img src="x" onerror="window.__owned = 2"><p>&lt;script&gt;window.__owned = 3&lt;/script&gt; was printed.</p>' +
  "</article><footer>Copyright</footer></body></html>";
// "Лукашенко выступил в Минске." in Windows-1251.
const CP1251 = Buffer.from([
  0xcb, 0xf3, 0xea, 0xe0, 0xf8, 0xe5, 0xed, 0xea, 0xee, 0x20, 0xe2, 0xfb, 0xf1, 0xf2, 0xf3, 0xef, 0xe8, 0xeb, 0x20,
  0xe2, 0x20, 0xcc, 0xe8, 0xed, 0xf1, 0xea, 0xe5, 0x2e,
]);
const SEED = readFileSync(resolve("seeds/000_bad9fe235c42383a.txt"));

const file = (name, content, mimeType = "text/plain") => ({
  name,
  mimeType,
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
});

/** A fresh context at #/add on the served site. */
async function addPage(hash = "#/add") {
  const s = await open(browser, { origin: new URL(server.url).origin });
  await s.page.goto(server.url + hash);
  await heading(s.page, "Your articles");
  return s;
}

/** Runs `action` and returns the notice it leads to: each notice replaces the one before, so
 *  there is never more than one. */
async function report(page, action) {
  const serial = () => page.evaluate(() => document.querySelector(".report")?.dataset.serial ?? "0");
  const before = await serial();
  await action();
  await page.waitForFunction((n) => (document.querySelector(".report")?.dataset.serial ?? "0") !== n, before, { timeout: 30000 });
  assert.equal(await page.locator(".report").count(), 1, "one notice at a time");
  return (await page.locator(".report").textContent()).trim();
}

const found = (page, q) => page.evaluate((q) => window.parallax.search(q, 10), q);

test("files through the file input: progress, bad input reported, added articles searchable and marked", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    // Record every label the progress bar shows.
    await page.evaluate(() => {
      window.__labels = [];
      new MutationObserver(() => {
        const l = document.querySelector(".job label");
        if (l && !window.__labels.includes(l.textContent)) window.__labels.push(l.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const text = await report(page, () =>
      page.locator("#add-files-input").setInputFiles([
        file("grodno-teachers.txt", ARTICLE),
        file("brest.html", HOSTILE_HTML, "text/html"),
        file("minsk-1251.txt", CP1251),
        file("empty.txt", ""),
        file("picture.txt", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(64)])),
        file("huge.txt", Buffer.alloc(11 * 1024 * 1024, 0x61)),
        file("copy-of-seed.txt", SEED),
      ]),
    );
    assert.match(text, /Added 3 articles/);
    assert.match(text, /empty\.txt/);
    assert.match(text, /picture\.txt/);
    assert.match(text, /huge\.txt/);
    assert.match(text, /1 article is already in the corpus/);
    const labels = await page.evaluate(() => window.__labels);
    assert.ok(labels.some((l) => /^Reading files \(\d of 7\)$/.test(l)), labels.join(" | "));
    assert.ok(labels.some((l) => /analysing/.test(l)), labels.join(" | "));

    // The HTML was reduced to text: nothing in it ran.
    assert.equal(await page.evaluate(() => window.__owned), undefined);
    assert.equal(await page.locator(".added-table tbody tr").count(), 3);
    assert.match(await page.locator(".added-table").textContent(), /Dockworkers strike in Brest/);
    // The Cyrillic file was read as Windows-1251 (a guess the reader can change).
    assert.equal(await page.locator(".added-table select").count(), 1);
    assert.deepEqual((await found(page, "Лукашенко")).ids, ["minsk-1251"]);

    // Duplicates can be added anyway.
    assert.equal(await page.getByRole("button", { name: "Add the 1 duplicate anyway" }).count(), 1);

    // Search, entity pages and the reader include the added article.
    assert.deepEqual((await found(page, "Grodno teachers")).ids, ["grodno-teachers"]);
    await page.goto(server.url + "#/search?q=dockworkers");
    await page.locator(".results li").first().waitFor();
    assert.match(await page.locator(".results li").first().textContent(), /added/);
    await page.goto(server.url + "#/entity/Anna%20Kovalchuk");
    await heading(page, "Anna Kovalchuk");
    assert.match(await page.locator("main").textContent(), /We will not be silent/);
    await page.goto(server.url + "#/read/brest");
    await heading(page, "Dockworkers strike in Brest");
    assert.match(await page.locator("main").textContent(), /<script>window.__owned = 3<\/script> was printed/);
    assert.match(await page.locator("main .meta").textContent(), /Minsk Herald/);

    // The duplicate, added anyway, under its own name.
    await page.goto(server.url + "#/add");
    await heading(page, "Your articles");
    assert.match(
      await report(page, () => page.getByRole("button", { name: "Add the 1 duplicate anyway" }).click()),
      /Added 1 duplicate\./,
    );
    assert.equal(await page.locator(".added-table tbody tr").count(), 4);
    assert.match(await page.locator(".added-table").textContent(), /copy-of-seed\.txt/);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("added articles survive a reload; edit, remove and undo", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    assert.match(
      await report(page, () => page.locator("#add-files-input").setInputFiles([file("grodno-teachers.txt", ARTICLE)])),
      /Added 1 article\./,
    );
    await page.reload();
    await heading(page, "Your articles");
    await page.locator(".added-table tbody tr").first().waitFor();
    await page.waitForFunction(() => window.parallax.search("Kovalchuk", 5).total === 1);

    // Edit: the outlet becomes a new outlet of the corpus.
    await page.getByRole("button", { name: "Edit" }).click();
    await page.locator("#edit-outlet").fill("Class notes");
    await page.locator("#edit-date").fill("2021-03-04");
    assert.match(await report(page, () => page.getByRole("button", { name: "Save" }).click()), /Saved the changes/);
    assert.deepEqual((await found(page, "Kovalchuk outlet:class-notes")).ids, ["grodno-teachers"]);

    // Remove, then undo.
    assert.match(await report(page, () => page.getByRole("button", { name: "Remove", exact: true }).click()), /Removed 1 article/);
    assert.equal((await found(page, "Kovalchuk")).total, 0);
    // Undo is next to the notice, takes the focus and is in view.
    const undo = page.getByRole("button", { name: "Undo" });
    await page.waitForFunction(() => document.activeElement?.textContent === "Undo");
    const box = await undo.boundingBox();
    const height = await page.evaluate(() => innerHeight);
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `Undo in view: ${JSON.stringify(box)}`);
    assert.match(await report(page, () => page.getByRole("button", { name: "Undo" }).click()), /Put back 1 article/);
    // Undo puts back only what the last change removed.
    assert.equal(await page.getByRole("button", { name: "Undo" }).count(), 0);
    await page.reload();
    await heading(page, "Your articles");
    await page.waitForFunction(() => window.parallax.search("Kovalchuk outlet:class-notes", 5).total === 1);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("a long job shows progress and can be cancelled; nothing changes", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    // Forty long articles (8 MB): several seconds of analysis.
    const paragraph = (i) => `The council in Vitebsk met about the budget of district ${i}, Mayor Ivan Petrov said. `;
    const many = Array.from({ length: 40 }, (_, i) => file(`note-${i}.txt`, paragraph(i).repeat(2200)));
    await page.locator("#add-files-input").setInputFiles(many);
    await page.locator(".job progress").waitFor();
    const text = await report(page, () => page.locator(".job").getByRole("button", { name: "Cancel" }).click());
    assert.match(text, /Cancelled/);
    assert.equal(await page.locator(".added-table").count(), 0);
    assert.equal((await found(page, "Vitebsk")).total, 0);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("a misspelling the articles share is searched as typed, with the common spelling offered", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    const notes = Array.from({ length: 40 }, (_, i) =>
      file(`budget-${String(i).padStart(2, "0")}.txt`, `Budget note ${i}\n\nThe government in Gomel set aside ${i} million.\n`),
    );
    notes.push(file("typo.txt", "Budget typo\n\nThe goverment in Gomel met again.\n"));
    assert.match(await report(page, () => page.locator("#add-files-input").setInputFiles(notes)), /Added 41 articles/);
    await page.goto(server.url + "#/search?q=goverment%20");
    await page.locator(".results .card").first().waitFor();
    assert.match(await page.locator(".status").first().textContent(), /^1 article match/);
    const offer = page.locator(".corrections").filter({ hasText: "Did you mean" });
    // The 40 notes, and any bundled article with the word.
    const [, n] = (await offer.textContent()).trim().match(/^\u201Cgoverment\u201D is in 1 article\. Did you mean government \((\d+) articles\)\?$/);
    assert.ok(Number(n) >= 40, n);
    await offer.getByRole("link", { name: "government" }).click();
    await page.waitForURL(/q=government%20$/);
    await page.waitForFunction((n) => document.querySelector(".status")?.textContent.startsWith(`${n} articles match`), n);
    assert.equal(await page.locator(".corrections").count(), 0);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("a large library lists 100 articles a page, the page in the URL; long mention and quotation lists grow on request", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    const notes = Array.from({ length: 120 }, (_, i) =>
      file(
        `note-${String(i).padStart(3, "0")}.txt`,
        `Library note ${i}\n\nThe archive in Gomel holds ${i} boxes. "We count every box," said Olga Petrova, the archivist.\n`,
      ),
    );
    assert.match(await report(page, () => page.locator("#add-files-input").setInputFiles(notes)), /Added 120 articles/);
    await page.goto(server.url + "#/");
    await heading(page, "Library");
    const cards = page.locator(".articles .card");
    const status = page.locator(".library .status");
    assert.equal(await cards.count(), 100);
    assert.match(await status.textContent(), /Showing 1\u2013100 of 125 articles/);
    assert.equal(await page.locator(".pager").textContent(), "Page 1 of 2Next \u2192");
    await page.getByRole("link", { name: "Next \u2192" }).click();
    await navigated(page, /#\/\?page=2$/);
    await page.waitForFunction(() => document.querySelectorAll(".articles .card").length === 25);
    assert.match(await status.textContent(), /Showing 101\u2013125 of 125 articles/);
    assert.equal(await page.locator(".articles").getAttribute("start"), "101");
    // Opened cold, the same page; the previous page is a link away.
    await page.goto(server.url + "#/?page=2&sort=oldest");
    await page.reload();
    await heading(page, "Library");
    await page.waitForFunction(() => document.querySelectorAll(".articles .card").length === 25);
    await page.getByRole("link", { name: "\u2190 Previous" }).click();
    await navigated(page, /#\/\?sort=oldest$/);
    await page.waitForFunction(() => document.querySelectorAll(".articles .card").length === 100);
    // An entity named in every note lists its mentions 60 at a time.
    await page.goto(server.url + "#/entity/Gomel");
    await heading(page, "Gomel");
    const groups = page.locator(".mention-groups > li");
    assert.equal(await groups.count(), 60);
    await page.getByRole("button", { name: "Show 60 more (of 120)" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".mention-groups > li").length === 120);
    assert.equal(await page.getByRole("button", { name: /^Show \d+ more/ }).count(), 0, "hidden once all are shown");
    // A speaker quoted in every note lists what she said 20 at a time.
    await page.goto(server.url + "#/entity/Olga%20Petrova");
    await heading(page, "Olga Petrova");
    assert.equal(await page.locator("#quotes-title").textContent(), "What it said (120)");
    assert.equal(await page.locator("ol.quotes > li").count(), 20);
    await page.getByRole("button", { name: "Show 20 more (of 120)" }).click();
    await page.waitForFunction(() => document.querySelectorAll("ol.quotes > li").length === 40);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("export, then import into a fresh profile; a bad file changes nothing", async () => {
  const s = await addPage();
  let exported;
  try {
    await report(s.page, () =>
      s.page.locator("#add-files-input").setInputFiles([file("grodno-teachers.txt", ARTICLE), file("brest.html", HOSTILE_HTML)]),
    );
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: "Export added articles (.json)" }).click(),
    ]);
    exported = readFileSync(await download.path(), "utf8");
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
  const t = await addPage();
  const { page } = t;
  try {
    const bad = await report(page, () =>
      page.locator("#import-input").setInputFiles([file("notes.json", "this is not an export", "application/json")]),
    );
    assert.match(bad, /Nothing was imported from notes\.json/);
    assert.equal(await page.locator(".added-table").count(), 0);

    const parsed = JSON.parse(exported);
    parsed.articles.push({ name: "broken.txt", text: "" }, "not an article");
    const mixed = await report(page, () =>
      page.locator("#import-input").setInputFiles([file("mixed.json", JSON.stringify(parsed), "application/json")]),
    );
    assert.match(mixed, /Added 2 articles/);
    assert.match(mixed, /Entry 3/);
    assert.match(mixed, /Entry 4/);
    assert.deepEqual((await found(page, "Kovalchuk")).ids, ["grodno-teachers"]);
    assert.deepEqual(t.problems(), []);
  } finally {
    await t.close();
  }
});

test("the downloaded offline page opens from file:// with the added article inside, and hands on a second generation", async () => {
  const s = await addPage();
  const dir = mkdtempSync(join(tmpdir(), "parallax-offline-"));
  const target = join(dir, "parallax.html");
  try {
    await report(s.page, () => s.page.locator("#add-files-input").setInputFiles([file("grodno-teachers.txt", ARTICLE)]));
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: /Download parallax\.html/ }).click(),
    ]);
    await download.saveAs(target);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
  const f = await open(browser, { origin: "file" });
  try {
    await f.page.goto(pathToFileURL(target).href);
    await heading(f.page, "Library");
    await f.page.waitForFunction(() => window.parallax.search("Kovalchuk", 5).total === 1);
    assert.equal(await f.page.locator(".articles .card").count(), 6);
    assert.equal(await f.page.locator(".articles .card .added-mark").count(), 1);
    // Second generation: an article added in the offline file, and the file downloaded again.
    await f.page.goto(pathToFileURL(target).href + "#/add");
    await heading(f.page, "Your articles");
    const second = "Dockworkers in Brest walked out on Monday, their organiser Pavel Zhuk said.\n";
    assert.match(
      await report(f.page, () => f.page.locator("#add-files-input").setInputFiles([file("brest-docks.txt", second)])),
      /Added 1 article/,
    );
    const [download] = await Promise.all([
      f.page.waitForEvent("download"),
      f.page.getByRole("button", { name: /Download parallax\.html/ }).click(),
    ]);
    await download.saveAs(join(dir, "parallax-2.html"));
    assert.deepEqual(f.problems(), []);
  } finally {
    await f.close();
  }
  const g = await open(browser, { origin: "file" });
  try {
    await g.page.goto(pathToFileURL(join(dir, "parallax-2.html")).href);
    await heading(g.page, "Library");
    await g.page.waitForFunction(() => window.parallax.search("Kovalchuk", 5).total === 1);
    assert.equal((await found(g.page, "Zhuk")).total, 1, "the article added in the offline file");
    assert.equal(await g.page.locator(".articles .card .added-mark").count(), 2, "both sets of added articles");
    assert.deepEqual(g.problems(), [], "no request, no error, no policy violation");
  } finally {
    await g.close();
  }
});

test("two offline files of different corpora keep their own added articles apart", async (t) => {
  const other = process.env.E2E_HOSTILE_DIST && resolve(process.env.E2E_HOSTILE_DIST, "parallax.html");
  if (!other || !existsSync(other)) return t.skip("E2E_HOSTILE_DIST has no parallax.html (the test command makes one)");
  const seeds = pathToFileURL(resolve(DIST, "parallax.html")).href;
  const f = await open(browser, { origin: "file" });
  try {
    await f.page.goto(seeds + "#/add");
    await heading(f.page, "Your articles");
    await report(f.page, () => f.page.locator("#add-files-input").setInputFiles([file("grodno-teachers.txt", ARTICLE)]));
    await f.page.waitForFunction(() => window.parallax.search("Kovalchuk", 5).total === 1);

    // The same browser opens another corpus's file: none of the first file's articles.
    await f.page.goto(pathToFileURL(other).href + "#/add");
    await heading(f.page, "Your articles");
    await f.page.waitForFunction(() => window.parallax !== undefined);
    assert.equal(await f.page.locator(".added-table tbody tr").count(), 0);
    assert.equal((await found(f.page, "Kovalchuk")).total, 0);

    // Back in the first file, its article is still there.
    await f.page.goto(seeds + "#/");
    await heading(f.page, "Library");
    await f.page.waitForFunction(() => window.parallax.search("Kovalchuk", 5).total === 1);
    assert.deepEqual(f.problems(), []);
  } finally {
    await f.close();
  }
});

test("pasted text with its metadata; a 50 MB file is refused with a clear message", async () => {
  const s = await addPage();
  const { page } = s;
  const dir = mkdtempSync(join(tmpdir(), "parallax-big-"));
  const big = join(dir, "archive.txt");
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x62));
  try {
    await page.locator("#paste-text").fill(ARTICLE);
    await page.locator("#paste-title").fill("Grodno teachers unite");
    await page.locator("#paste-outlet").fill("Hrodna Weekly");
    await page.locator("#paste-date").fill("2021-02-03");
    assert.match(await report(page, () => page.getByRole("button", { name: "Add this text" }).click()), /Added 1 article\./);
    const r = await found(page, "Kovalchuk outlet:hrodna-weekly after:2021-02-01");
    assert.equal(r.total, 1);
    await page.goto(server.url + `#/read/${r.ids[0]}`);
    await heading(page, "Grodno teachers unite");

    await page.goto(server.url + "#/add");
    await heading(page, "Your articles");
    const refused = await report(page, () => page.locator("#add-files-input").setInputFiles(big));
    assert.match(refused, /No article was added/);
    assert.match(refused, /archive\.txt: .*(large|MB)/i);
    assert.equal(await page.locator(".added-table tbody tr").count(), 1);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a full store and a damaged record are reported in plain words", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    // A stored record that is not an article.
    await page.evaluate(
      async () => {
        // The page's own store: one per corpus, named after it.
        const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith("parallax-") && !n.endsWith("-analysis"));
        if (names.length !== 1) throw new Error(`one store expected: ${names}`);
        return new Promise((done, fail) => {
          const open = indexedDB.open(names[0], 1);
          open.onsuccess = () => {
            const tx = open.result.transaction("articles", "readwrite");
            tx.objectStore("articles").put("{not json", "broken.txt");
            tx.oncomplete = done;
            tx.onerror = fail;
          };
          open.onerror = fail;
        });
      },
    );
    await page.reload();
    await heading(page, "Your articles");
    await page.locator(".report").first().waitFor();
    assert.match(await page.locator(".report").first().textContent(), /broken\.txt.*damaged/);

    // A store with no room left (the browser's QuotaExceededError on write): the article is
    // shown, and the page says it was not saved.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    const full = await report(page, () => page.locator("#add-files-input").setInputFiles([file("grodno-teachers.txt", ARTICLE)]));
    assert.match(full, /Added 1 article\. But nothing of this change was saved .*full/);
    assert.equal((await found(page, "Kovalchuk")).total, 1);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("every quotation of an added article shows what tied it to its speaker, or that nothing did", async () => {
  const s = await addPage();
  const { page } = s;
  const ballet =
    "Fewer children are taking up ballet, teachers across the north say.\n\n" +
    '"It is a quiet crisis in the studios," the report warned.\n\n' +
    'Dance teacher Eve Trew, who has taught for 30 years, told the Gazette: "Children have so many other hobbies now."\n\n' +
    '"We used to have waiting lists for every class," she said.\n\n' +
    '"Now we struggle to fill half of them."\n\n' +
    'Tom Hale, head of the Northern Dance Academy, was more hopeful. "Numbers always go up after a big show on television," according to Mr Hale.\n\n' +
    'Lena Moss runs a school in Leeds and has seen the same fall. "You have to be patient with them and keep going."\n';
  try {
    await page.locator("#paste-text").fill(ballet);
    await page.locator("#paste-title").fill("Ballet classes in decline");
    assert.match(await report(page, () => page.getByRole("button", { name: "Add this text" }).click()), /Added 1 article\./);
    const r = await found(page, "Trew");
    assert.equal(r.total, 1);

    // The reader: each quotation's badge names its speaker and the words that tied it.
    await page.goto(server.url + `#/read/${r.ids[0]}`);
    await heading(page, "Ballet classes in decline");
    const starts = page.locator(".reader .body .quote.starts");
    const badges = await starts.evaluateAll((els) =>
      els.map((el) => [el.dataset.speaker, el.dataset.tie ?? "", el.title, getComputedStyle(el, "::before").content]),
    );
    assert.deepEqual(
      badges.map(([who, tie]) => [who, tie]),
      [
        ["Unattributed", ""],
        ["Eve Trew", "\u201CDance teacher Eve Trew, who has taught for 30 years, told\u201D"],
        ["Eve Trew", "\u201Cshe said\u201D"],
        ["Eve Trew", "goes on"],
        ["Tom Hale", "\u201Caccording to Mr Hale\u201D"],
        ["Lena Moss", "named before"],
      ],
    );
    assert.match(badges[0][2], /No speaker found/, "an unattributed quotation says so");
    assert.match(badges[2][3], /Eve Trew.*she said/, "the badge shows the tying words");

    // Each speaker's page says how every quotation was tied to them.
    const ties = async (name) => {
      await page.goto(server.url + `#/entity/${encodeURIComponent(name)}`);
      await heading(page, name);
      return page.locator("ol.quotes .tie").allTextContents();
    };
    assert.deepEqual(await ties("Eve Trew"), [
      "Speaker found from the words \u201CDance teacher Eve Trew, who has taught for 30 years, told\u201D",
      "Speaker found from the words \u201Cshe said\u201D",
      "Speaker found because it goes on from the quotation before it",
    ]);
    assert.deepEqual(await ties("Tom Hale"), ["Speaker found from the words \u201Caccording to Mr Hale\u201D"]);
    assert.deepEqual(await ties("Lena Moss"), [
      "Speaker found because the article turns to \u201CLena Moss\u201D just before it",
    ]);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

/** `n` distinct short articles, each naming `marker`. */
const many = (n, marker) =>
  Array.from({ length: n }, (_, i) =>
    file(
      `${marker}-${String(i).padStart(4, "0")}.txt`,
      `Report ${i} from Vitebsk: ${marker} counted ${i + 3} marchers on Sunday, said organiser Olga Brel ${i}.\n\n` +
        `"We walked from the square to the river," Brel said. Police detained ${i % 7} people, a spokesman added.\n`,
    ),
  );

test("added articles survive a reload during their analysis", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    await page.locator("#add-files-input").setInputFiles(many(400, "reloadmark"));
    // Stored before they are analysed: reload while the analysis runs.
    await page.waitForFunction(
      () => /indexing|finding|reading numbers/.test(document.querySelector(".job label")?.textContent ?? ""),
      null,
      { polling: "raf", timeout: 60000 },
    );
    await page.reload();
    await heading(page, "Your articles");
    await page.waitForFunction(() => window.parallax.search("reloadmark", 5).total === 400, null, { timeout: 120000 });
    assert.match(await page.locator("section.added").textContent(), /400 articles added/);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("a reload brings the analysis back instead of analysing again; a damaged one is analysed again", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    // Every job label the page shows, from the first paint of each load.
    await s.context.addInitScript(() => {
      window.__labels = [];
      new MutationObserver(() => {
        const label = document.querySelector(".job label")?.textContent;
        if (label && window.__labels.at(-1) !== label) window.__labels.push(label);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    // Long enough (300 KB) that the analysis's stages take turns with the browser and show.
    const long = many(30, "keptmark").map((f) => ({ ...f, buffer: Buffer.concat(Array(40).fill(f.buffer)) }));
    assert.match(
      await report(page, () => page.locator("#add-files-input").setInputFiles(long)),
      /Added 30 articles\./,
    );
    const manifest = (keys) => keys.some((k) => k.startsWith("manifest-"));
    for (let i = 0; !manifest(await keptKeys(page)); i++) {
      assert.ok(i < 100, "the analysis is kept");
      await page.waitForTimeout(100);
    }
    const labels = () => page.evaluate(() => window.__labels.join(" | "));
    const back = async () => {
      await page.reload();
      await heading(page, "Your articles");
      await page.waitForFunction(() => window.parallax.search("keptmark", 5).total === 30, null, { timeout: 60000 });
      assert.match(await page.locator("section.added").textContent(), /30 articles added/);
    };
    // The analysis's stages, as the page names them, never came.
    const analysing = /indexing|finding|reading numbers/;
    await back();
    assert.match(await labels(), /Bringing back your 30 added articles \(\d+ of \d+ parts\)/);
    assert.doesNotMatch(await labels(), analysing);
    assert.equal((await found(page, "Olga Brel")).total, 30, "the kept analysis answers as the fresh one did");

    // Damaged fragments: analysed again, with nothing to report.
    await page.evaluate(async () => {
      const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n.endsWith("-analysis"));
      await new Promise((done, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const store = open.result.transaction("analysis", "readwrite").objectStore("analysis");
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            for (const k of keys.result) if (!k.startsWith("manifest-")) store.put(new Uint8Array([10, 1, 2, 3]), k);
            store.transaction.oncomplete = () => (open.result.close(), done());
          };
          store.transaction.onerror = fail;
        };
        open.onerror = fail;
      });
    });
    await back();
    assert.match(await labels(), analysing);

    // Nothing added any more: nothing kept.
    assert.match(await report(page, () => page.getByRole("button", { name: "Remove all" }).click()), /Removed 30 articles/);
    for (let i = 0; (await keptKeys(page)).length > 0; i++) {
      assert.ok(i < 100, "what was kept is forgotten");
      await page.waitForTimeout(100);
    }
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("a save cut short by a closed page is named on the next visit", async () => {
  const s = await addPage();
  const { page } = s;
  try {
    // What a page closed in the middle of saving leaves: its journal entry, and no article. The
    // journal is named after the page's database, which the page opens once it has started.
    const db = await page.waitForFunction(async () =>
      (await indexedDB.databases()).map((d) => d.name).find((n) => n.startsWith("parallax-") && !n.endsWith("-analysis")),
    );
    await page.evaluate(
      (db) => localStorage.setItem(`${db}-saving-test`, JSON.stringify({ at: 0, names: ["lost-report.txt"] })),
      await db.jsonValue(),
    );
    await page.reload();
    await heading(page, "Your articles");
    const notice = page.locator(".report");
    await notice.waitFor();
    assert.match(await notice.textContent(), /\u201Clost-report\.txt\u201D was being saved when this page last closed, and was not kept/);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("-saving-")).length), 0);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("two tabs adding at once keep both sets, and each shows the other's after a reload", async () => {
  const s = await addPage();
  const other = await s.context.newPage();
  try {
    await other.goto(server.url + "#/add");
    await heading(other, "Your articles");
    await Promise.all([
      report(s.page, () => s.page.locator("#add-files-input").setInputFiles(many(3, "tabone"))),
      report(other, () => other.locator("#add-files-input").setInputFiles(many(4, "tabtwo"))),
    ]);
    for (const page of [s.page, other]) {
      await page.reload();
      await heading(page, "Your articles");
      await page.waitForFunction(
        () => window.parallax.search("tabone", 9).total === 3 && window.parallax.search("tabtwo", 9).total === 4,
        null,
        { timeout: 30000 },
      );
      assert.match(await page.locator("section.added").textContent(), /7 articles added/);
    }
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("the page says whether the browser agreed to keep added articles; a private window may not, and export still works", async () => {
  // Every test context is a private (off-the-record) one.
  const s = await addPage();
  const { page } = s;
  try {
    await report(page, () => page.locator("#add-files-input").setInputFiles([file("grodno-teachers.txt", ARTICLE)]));
    const kept = page.locator("p.kept");
    await kept.waitFor();
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    assert.match(
      await kept.textContent(),
      persisted ? /has agreed to keep/ : /has not promised to keep your added articles.*private window forgets them.*Export/,
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Export added articles/ }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.deepEqual(exported.articles.map((a) => a.name), ["grodno-teachers.txt"]);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});

test("adding and removing articles all lesson long frees each corpus they replace", async (t) => {
  const s = await addPage();
  const { page } = s;
  try {
    const cycle = async (i) => {
      const text = ARTICLE.replace("Grodno", `Grodno (class ${i})`);
      assert.match(
        await report(page, () => page.locator("#add-files-input").setInputFiles([file(`lesson-${i}.txt`, text)])),
        /Added 1 article\./,
      );
      assert.equal((await found(page, `Kovalchuk class ${i}`)).total, 1);
      assert.match(
        await report(page, () => page.getByRole("button", { name: "Remove all" }).click()),
        /Removed 1 article/,
      );
    };
    // The bytes live on the wasm heap (not its memory, which never shrinks) after two cycles,
    // then after ten more: each change builds a whole new corpus, so one kept alive per change
    // would grow the heap by far more than the bound.
    for (let i = 0; i < 2; i++) await cycle(i);
    const first = await page.evaluate(() => window.parallax.live());
    for (let i = 2; i < 12; i++) await cycle(i);
    const last = await page.evaluate(() => window.parallax.live());
    t.diagnostic(`live wasm heap after 2 cycles: ${first} bytes; after 12: ${last}`);
    assert.ok(last < first * 1.15, `live heap ${first} → ${last} bytes over ten cycles`);
    assert.deepEqual(s.problems(), []);
  } finally {
    await s.close();
  }
});
