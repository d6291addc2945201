// Accessibility: axe-core (pinned in package.json, injected from node_modules, nothing fetched)
// finds no violation on any view of the built site, in the light and the dark scheme, at a
// phone's and a desktop's width.
//
// Environment: E2E_DIST (default: dist).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { launch, heading, visit } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser, server;

before(async () => {
  assert.ok(existsSync(resolve(DIST, "index.html")), `no build at ${DIST}: run trunk build --release first`);
  browser = await launch();
  server = await serve(DIST, "/");
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Every view, with what its heading says once it has rendered.
const VIEWS = [
  ["#/", "Library"],
  ["#/search?q=protest", "Search"],
  ["#/search?q=belarus&view=kwic", "Search"],
  ["#/entities", "Entities"],
  ["#/entity/Alexander%20Lukashenko", "Lukashenko"],
  ["#/read/001_f2949b16144bae03", "Russia says"],
  ["#/compare", "Compare"],
  ["#/compare?a=doc%3A000_bad9fe235c42383a&b=doc%3A004_e10c65f5f54494c2", "Compare"],
  ["#/compare?a=doc%3A002_d96a9708d6942587&b=doc%3A003_2336821bb82bb4df", "Compare"],
  ["#/add", "Your articles"],
];

for (const [width, colorScheme] of [[1280, "light"], [360, "dark"]]) {
  test(`no accessibility violation on any view (${width} px, ${colorScheme})`, async () => {
    const found = [];
    for (const [hash, title] of VIEWS) {
      await visit(
        browser,
        server.url,
        hash,
        async (page) => {
          await heading(page, title);
          // Evaluated by the browser's debugger, which the page's Content-Security-Policy does
          // not govern (an inline script tag would be refused, rightly).
          await page.evaluate(AXE);
          const violations = await page.evaluate(async () =>
            (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map(
              (v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")}`,
            ),
          );
          found.push(...violations.map((v) => `${hash}: ${v}`));
        },
        { viewport: { width, height: 900 }, colorScheme },
      );
    }
    assert.deepEqual(found, [], found.join("\n"));
  });
}
