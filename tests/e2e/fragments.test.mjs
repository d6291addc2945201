// A corpus shipped as fragments beside the wasm (the seeds, cut small with PARALLAX_FRAGMENTS=always,
// so the test needs no large corpus): every view works from a cold start under a sub-path, gives
// the same answers as the corpus inside the wasm, and a missing, damaged or older fragment says
// so in the page instead of leaving it blank.
//
// Environment: E2E_FRAGMENTED_DIST (the test command builds one; the tests skip without it) and
// E2E_DIST (the same corpus inside the wasm, to compare answers with).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { launch, open, heading, visit, VIEWS } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const FRAGMENTED = process.env.E2E_FRAGMENTED_DIST && resolve(process.env.E2E_FRAGMENTED_DIST);
const DIST = resolve(process.env.E2E_DIST ?? "dist");
const SKIP = !FRAGMENTED || !existsSync(join(FRAGMENTED ?? "", "fragments"))
  ? "E2E_FRAGMENTED_DIST has no fragments/ (the test command builds one)"
  : false;
let browser, server, copies;

before(async () => {
  if (SKIP) return;
  browser = await launch();
  server = await serve(FRAGMENTED, "/some/sub/path/");
  copies = mkdtempSync(join(tmpdir(), "parallax-fragments-"));
});
after(async () => {
  await browser?.close();
  server?.close();
  if (copies) rmSync(copies, { recursive: true, force: true });
});

let corpusNames;
/** The fragment files the library fetches, sorted: the corpus's (Compare's word counts wait
 * until Compare asks for them). */
async function corpusFragments() {
  if (!corpusNames) {
    await visit(browser, server.url, "", async (page, s) => {
      await heading(page, "Library");
      const prefix = server.url + "fragments/";
      corpusNames = s.requests.filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length)).sort();
    });
  }
  return corpusNames;
}

/** A copy of the fragmented site with `change(fragmentsDir, corpusNames)` applied (the corpus's
 * fragments), served under "/". */
async function brokenCopy(name, change) {
  const names = await corpusFragments();
  const dir = join(copies, name);
  cpSync(FRAGMENTED, dir, { recursive: true });
  change(join(dir, "fragments"), names);
  return serve(dir, "/");
}

test("every view opens cold from a deep link on a fragmented corpus, fetching its fragments from beside the page", { skip: SKIP }, async () => {
  for (const hash of VIEWS) {
    await visit(browser, server.url, hash, async (page, s) => {
      await heading(page, /./);
      const fetched = s.requests.filter((u) => u.startsWith(server.url + "fragments/"));
      assert.ok(fetched.length > 5, `${hash}: fetched ${fetched.length} fragments`);
      assert.equal(await page.locator("[role=alert]").count(), 0, `${hash}: no error`);
    });
  }
  await visit(browser, server.url, "", async (page) => {
    await heading(page, "Library");
    assert.equal(await page.locator(".articles .card").count(), 5);
    assert.match(await page.locator(".corpus-summary").textContent(), /5 articles from 3 outlets/);
    assert.equal(await page.locator("p.loading").count(), 0, "the loading line is gone");
  });
  await visit(browser, server.url, "#/entity/Alexander%20Lukashenko", async (page) => {
    await heading(page, "Alexander Lukashenko");
    assert.equal(await page.locator(".mention-groups > li").count(), 5, "mentions in all five articles");
    assert.ok((await page.locator("ol.quotes blockquote").count()) >= 1, "what he said");
  });
});

test("a fragmented corpus answers exactly as the same corpus inside the wasm", { skip: SKIP || (!existsSync(join(DIST, "index.html")) && "no E2E_DIST build") }, async () => {
  const queries = ["protesters", "\"opposition leader\"", "Lukashenko outlet:sputnik", "tikhanovs*", "presidnet", "-Minsk police"];
  // Each site's answers to the queries, then what three views show, word for word.
  const answers = async (base) => {
    const out = [];
    await visit(browser, base, "", async (page) => {
      await heading(page, "Library");
      out.push(await page.evaluate((qs) => qs.map((q) => window.parallax.search(q, 10, true)), queries));
    });
    for (const hash of ["#/search?q=protesters", "#/entities", "#/compare?a=outlet%3Art&b=outlet%3Asputnik"]) {
      await visit(browser, base, hash, async (page) => {
        await heading(page, /./);
        if (hash.includes("compare")) await page.locator("#facts-title").waitFor();
        out.push(await page.locator("main").innerText());
      });
    }
    return out;
  };
  const bundled = await serve(DIST, "/");
  try {
    const whole = await answers(bundled.url);
    assert.ok(whole[0][0].total > 0, "the queries find articles");
    assert.deepEqual(await answers(server.url), whole);
  } finally {
    bundled.close();
  }
});

test("the one-file page carries the fragments: it opens from file:// with no request and the same views", { skip: SKIP }, async () => {
  const file = join(FRAGMENTED, "parallax.html");
  assert.ok(existsSync(file), "the test command makes parallax.html from the fragmented build");
  const blocks = readFileSync(file, "latin1").match(/id="parallax-fragment-[0-9a-f]{16}\.bin">[A-Za-z0-9+/]{4}/g) ?? [];
  assert.equal(blocks.length, readdirSync(join(FRAGMENTED, "fragments")).length, "a block per fragment");
  assert.ok(blocks.every((b) => b.endsWith("H4sI")), "each gzipped (its base64 starts with gzip's magic number)");
  const views = [
    ["#/entity/Alexander%20Lukashenko", true],
    ["#/search?q=protesters", false],
    ["#/compare?a=outlet%3Art&b=outlet%3Asputnik", true],
  ];
  for (const [hash, native] of views) {
    const s = await open(browser, { origin: "file" });
    // A browser without Uint8Array.fromBase64 (before 2025) has the page decode base64 itself;
    // one that starts no worker has the page unpack the fragments itself.
    if (!native) {
      await s.context.addInitScript(() => {
        delete Uint8Array.fromBase64;
        delete window.Worker;
      });
    }
    try {
      await s.page.goto(pathToFileURL(file).href + hash);
      await heading(s.page, /Alexander Lukashenko|Search|Compare/);
      if (hash.includes("compare")) await s.page.locator("#facts-title").waitFor();
      assert.equal(await s.page.evaluate(() => typeof Uint8Array.fromBase64), native ? "function" : "undefined");
      // Workers unpack the fragments while the page decodes them (the page's policy lets it
      // start workers from programs it wrote, `blob:`, and no others).
      assert.equal(s.page.workers().length > 0, native, "unpacking workers run when the browser has them");
      assert.equal(await s.page.locator("[role=alert]").count(), 0);
      assert.deepEqual(s.requests.filter((u) => !/^(file|data|blob):/.test(u)), []);
      assert.equal(s.requests.filter((u) => u.includes("/fragments/")).length, 0, "nothing fetched");
      assert.deepEqual(s.problems(), []);
    } finally {
      await s.close();
    }
  }
});

test("a reader's offline download of a fragmented site carries the fragments, and so does the next one", { skip: SKIP }, async () => {
  const article = "Teachers in Grodno formed a union on Tuesday, its chair Anna Kovalchuk said.\n";
  const dir = mkdtempSync(join(copies, "download-"));
  /** Adds an article about `town` on `base`'s add page, once the articles about `before` the
   *  page carries are back (one job at a time), and downloads the one-file page to `target`. */
  const addAndDownload = async (s, base, town, target, before = []) => {
    await s.page.goto(base + "#/add");
    await heading(s.page, "Your articles");
    await s.page.waitForFunction((ts) => ts.every((t) => window.parallax.search(t, 5).total === 1), before);
    await s.page.locator("#add-files-input").setInputFiles([{ name: `${town}.txt`, mimeType: "text/plain", buffer: Buffer.from(article.replace("Grodno", town)) }]);
    await s.page.waitForFunction((t) => window.parallax.search(t, 5).total === 1, town);
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: /Download parallax\.html/ }).click(),
    ]);
    await download.saveAs(target);
    assert.deepEqual(s.problems(), []);
  };
  const hosted = await open(browser, { origin: new URL(server.url).origin });
  try {
    await addAndDownload(hosted, server.url, "Lida", join(dir, "one.html"));
  } finally {
    await hosted.close();
  }
  const first = await open(browser, { origin: "file" });
  try {
    await addAndDownload(first, pathToFileURL(join(dir, "one.html")).href, "Pinsk", join(dir, "two.html"), ["Lida"]);
  } finally {
    await first.close();
  }
  const second = await open(browser, { origin: "file" });
  try {
    await second.page.goto(pathToFileURL(join(dir, "two.html")).href);
    await heading(second.page, "Library");
    await second.page.waitForFunction(() => ["Lida", "Pinsk"].every((t) => window.parallax.search(t, 5).total === 1));
    assert.equal(await second.page.locator(".articles .card").count(), 7, "five seeds and both added articles");
    assert.equal(await second.page.evaluate(() => window.parallax.search("protesters", 10).total > 0), true);
    assert.deepEqual(second.problems(), [], "no request, no error");
  } finally {
    await second.close();
  }
  const blocks = (f) => readFileSync(join(dir, f), "latin1").split('id="parallax-fragment-').length - 1;
  assert.equal(blocks("one.html"), readdirSync(join(FRAGMENTED, "fragments")).length);
  assert.equal(blocks("two.html"), blocks("one.html"));
});

/** Opens a broken copy's library and returns the alert's text; the console shows only what
 *  `expected` allows. */
async function failure(site, expected) {
  const s = await open(browser, { origin: new URL(site.url).origin });
  try {
    await s.page.goto(site.url + "#/entities");
    const alert = s.page.locator("[role=alert]");
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.locator("h1").textContent(), /cannot read its corpus/);
    const left = s.problems().filter((p) => !expected.test(p));
    assert.deepEqual(left, [], "nothing else went wrong");
    return (await alert.textContent()).replace(/\s+/g, " ");
  } finally {
    await s.close();
    site.close();
  }
}

test("a missing fragment says which part did not load and what to do, never a blank page", { skip: SKIP }, async () => {
  const site = await brokenCopy("missing", (dir, names) => rmSync(join(dir, names[3])));
  const text = await failure(site, /Failed to load resource.*404/);
  assert.match(text, /Part of the corpus \(fragments\/[0-9a-f]{16}\.bin\.gz\) did not load: the server answered 404/);
  assert.match(text, /fragments folder beside index\.html/);
});

/** Changes fragment file `name` of `dir` through `change(bytes)` on its unpacked bytes. */
function repack(dir, name, change) {
  const file = join(dir, name);
  const bytes = gunzipSync(readFileSync(file));
  change(bytes);
  writeFileSync(file, gzipSync(bytes));
}

test("a damaged or an older build's fragment is refused with a reason", { skip: SKIP }, async () => {
  const flipped = await brokenCopy("damaged", (dir, names) => repack(dir, names[2], (b) => (b[b.length - 1] ^= 1)));
  assert.match(
    await failure(flipped, /^$/),
    /fragments\/[0-9a-f]{16}\.bin\.gz\) cannot be read: corpus bundle is damaged: its checksum does not match.*damaged or cut short/,
  );

  const cut = await brokenCopy("cut", (dir, names) => {
    const file = join(dir, names[1]);
    writeFileSync(file, readFileSync(file).subarray(0, 40));
  });
  assert.match(await failure(cut, /^$/), /cannot be read: corpus bundle is damaged: its compressed bytes are damaged/);

  const older = await brokenCopy("older", (dir, names) => repack(dir, names[0], (b) => (b[0] -= 1)));
  assert.match(await failure(older, /^$/), /has format version \d+, this build reads version \d+.*two versions of Parallax/);
});

test("the library fetches the corpus only; Compare fetches its word counts when it opens, and says so when they do not arrive", { skip: SKIP }, async () => {
  const all = readdirSync(join(FRAGMENTED, "fragments")).sort();
  const corpus = await corpusFragments();
  const prior = all.filter((n) => !corpus.includes(n));
  assert.ok(corpus.length > 5 && prior.length > 0, `${corpus.length} of the corpus, ${prior.length} of the word counts`);
  await visit(browser, server.url, "#/compare?a=outlet%3Art&b=outlet%3Asputnik", async (page, s) => {
    await page.locator("#facts-title").waitFor();
    const prefix = server.url + "fragments/";
    const fetched = s.requests.filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length));
    assert.deepEqual(prior.filter((n) => !fetched.includes(n)), [], "every part of the word counts");
    assert.ok((await page.locator("ol.terms > li").count()) > 0, "distinctive words");
  });
  const site = await brokenCopy("no-word-counts", (dir) => rmSync(join(dir, prior[0])));
  const s = await open(browser, { origin: new URL(site.url).origin });
  try {
    await s.page.goto(site.url + "#/compare?a=outlet%3Art&b=outlet%3Asputnik");
    const alert = s.page.locator("main [role=alert]");
    await alert.waitFor({ timeout: 15000 });
    assert.match(
      (await alert.textContent()).replace(/\s+/g, " "),
      /Compare needs the corpus's word counts, and they did not arrive\. Part of the corpus \(fragments\/[0-9a-f]{16}\.bin\.gz\) did not load: the server answered 404\..*fragments folder beside index\.html/,
    );
    // The rest of the site still works.
    await s.page.evaluate(() => { location.hash = "#/search?q=protesters"; });
    await heading(s.page, "Search");
    await s.page.locator("ol.results > li").first().waitFor();
    assert.deepEqual(s.problems().filter((p) => !/Failed to load resource.*404/.test(p)), []);
  } finally {
    await s.close();
    site.close();
  }
});
