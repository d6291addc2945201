// The Content-Security-Policy: the site (under a sub-path) and the offline file each carry one
// that allows only the app's own code, every view runs under it without a violation, and it
// really refuses what a missed escape would try (an inline script, a style attribute, a request
// elsewhere).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open, VIEWS } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const DIST = resolve(process.env.E2E_DIST ?? "dist");
let browser, server;

before(async () => {
  browser = await launch();
  server = await serve(DIST, "/some/sub/path/");
});
after(async () => {
  await browser?.close();
  server?.close();
});

const forms = () => [
  { name: "site", base: server.url, origin: new URL(server.url).origin, self: true },
  { name: "offline file", base: pathToFileURL(resolve(DIST, "parallax.html")).href, origin: "file", self: false },
];

for (const form of ["site", "offline file"]) {
  test(`the ${form} carries a policy that allows only its own code, and no view breaks it`, async (t) => {
    const { base, origin, self } = forms().find((f) => f.name === form);
    if (!self && !existsSync(resolve(DIST, "parallax.html"))) return t.skip("no parallax.html in E2E_DIST");
    const s = await open(browser, { origin });
    try {
      await s.page.goto(base);
      const policy = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(policy, /^default-src 'none';/);
      assert.match(policy, /script-src [^;]*'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
      assert.doesNotMatch(policy, /unsafe-inline|https?:|\*/, "no inline code but by hash, no other origin");
      assert.equal(policy.includes("'self'"), self, "the offline file has no origin to trust");
      for (const view of VIEWS) {
        await s.page.goto(base + view);
        await s.page.locator("main h1").first().waitFor();
      }
      assert.deepEqual(s.problems(), [], "no view raised a policy violation or a console error");
    } finally {
      await s.close();
    }
  });

  test(`the ${form}'s policy refuses an injected script, a style attribute and a request elsewhere`, async (t) => {
    const { base, origin } = forms().find((f) => f.name === form);
    if (origin === "file" && !existsSync(resolve(DIST, "parallax.html"))) return t.skip("no parallax.html in E2E_DIST");
    const s = await open(browser, { origin });
    try {
      await s.page.goto(base);
      await s.page.locator("main h1").first().waitFor();
      const outcome = await s.page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.injectedRan = true";
        document.body.append(script);
        const p = document.createElement("p");
        p.setAttribute("style", "color: rgb(255, 0, 0)");
        document.body.append(p);
        const img = new Image();
        const loaded = new Promise((done) => { img.onload = () => done("loaded"); img.onerror = () => done("refused"); });
        img.src = "https://example.org/pixel.png";
        return { ran: window.injectedRan === true, colour: getComputedStyle(p).color, image: await loaded };
      });
      assert.equal(outcome.ran, false, "the injected script did not run");
      assert.notEqual(outcome.colour, "rgb(255, 0, 0)", "the style attribute was not applied");
      assert.equal(outcome.image, "refused", "the image elsewhere was not loaded");
      const refused = s.problems().filter((p) => p.includes("policy violation"));
      assert.ok(refused.some((p) => p.includes("script-src")), refused.join("\n"));
      assert.ok(refused.some((p) => p.includes("style-src")), refused.join("\n"));
      assert.ok(refused.some((p) => p.includes("img-src") && p.includes("example.org")), refused.join("\n"));
    } finally {
      await s.close();
    }
  });
}
