#!/usr/bin/env bash
# Builds a site from seeds/ + the workplace's dev corpus (outlets from its manifest) and times
# comparisons on it with bench/compare.mjs. Needs ../shared/corpora/dev.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=../shared/corpora/dev
[ -d "$dev" ] || { echo "needs $dev (the workplace's dev corpus)"; exit 1; }
source scripts/env.sh
corpus=target/seeds-dev
rm -rf "$corpus" && mkdir -p "$corpus"
cp seeds/*.txt "$dev"/*.txt "$corpus"/
node -e '
const fs = require("fs");
const seeds = fs.readFileSync("seeds/corpus.toml", "utf8");
const rows = fs.readFileSync(process.argv[1] + "/manifest.tsv", "utf8").trim().split("\n").slice(1).map((l) => l.split("\t"));
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const outlets = new Map(rows.map(([, outlet]) => [slug(outlet.split(" (")[0].split(" via ")[0]), outlet.split(" via ")[0]]));
let out = seeds + "\n";
for (const [key, name] of outlets) if (!seeds.includes(`[outlet.${key}]`)) out += `\n[outlet.${key}]\nname = ${JSON.stringify(name)}\n`;
for (const [file, outlet, date] of rows) {
  out += `\n[file.${JSON.stringify(file)}]\noutlet = ${JSON.stringify(slug(outlet.split(" (")[0].split(" via ")[0]))}\n`;
  if (date) out += `published = ${JSON.stringify(date)}\n`;
}
fs.writeFileSync(process.argv[2] + "/corpus.toml", out);
' "$dev" "$corpus"
PARALLAX_CORPUS="$corpus" trunk build --release --offline --dist target/bench-dist >/dev/null 2>&1
node bench/compare.mjs target/bench-dist \
  "outlet:sputnik|outlet:mailonline" \
  "protest outlet:sputnik|protest outlet:mailonline" \
  "outlet:rt|outlet:sputnik" \
  "doc:000_bad9fe235c42383a|doc:004_e10c65f5f54494c2" \
  "doc:004_e10c65f5f54494c2|doc:h00004_riot_police_arrest_hundreds_of_women_in_belarusian"
