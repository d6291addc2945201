// A plain static file server with no special configuration (no SPA fallback), mounting a
// folder under a URL prefix such as /some/sub/path/. Used by the browser tests to check that
// dist/ works on any static host under any sub-path.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `root` under `prefix` on 127.0.0.1; resolves to { url, close, requests }. */
export function serve(root, prefix = "/") {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, requests, close: () => server.close() });
    });
  });
}

// Run directly: node static-server.mjs DIR [PREFIX] [PORT]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", prefix = "/"] = process.argv.slice(2);
  serve(dir, prefix).then(({ url }) => console.log(`serving ${dir} at ${url}`));
}
