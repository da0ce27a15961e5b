#!/usr/bin/env bash
# Proves a feature is added in one place: in a temporary copy of src/, deletes the
# feature's files (scripts/removable-features.json) and its one line in src/features.ts,
# then bundles what is left and starts it as `npm start` does (the demo board, an empty
# data directory) until /healthz answers. Before that it type-checks the tree without the
# feature (scripts/typecheck.mjs --without <feature>), unless --no-typecheck is given:
# `npm test` type-checks every removable feature in its own type check, and its test of
# this script (test/integration/feature-removal.test.ts) passes --no-typecheck.
# Usage: scripts/check-feature-removal.sh [--no-typecheck] <feature-name>, e.g.
#   scripts/check-feature-removal.sh tasks
set -euo pipefail
typecheck=1
if [ "${1:-}" = "--no-typecheck" ]; then typecheck=0; shift; fi
name="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$typecheck" = 1 ]; then node "$root/scripts/typecheck.mjs" --without "$name"; fi
# The feature's files and folders, from scripts/removable-features.json.
mapfile -t paths < <(node -e '
  const features = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (!features[process.argv[2]]) { console.error("no feature " + process.argv[2] + " in scripts/removable-features.json"); process.exit(1); }
  for (const p of features[process.argv[2]]) console.log(p);
' "$root/scripts/removable-features.json" "$name")
# The copy lives in dist/ (ignored by git), made anew each time.
tmp="$root/dist/feature-removal/$name"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp/data"' EXIT
cp -r "$root/src" "$root/cards" "$root/config" "$root/package.json" "$tmp/"
mkdir "$tmp/scripts" && cp -r "$root/scripts/bundle.mjs" "$root/scripts/lib" "$tmp/scripts/"
ln -s "$root/node_modules" "$tmp/node_modules"
for path in "${paths[@]}"; do rm -r "$tmp/$path"; done
# The registration: the feature's one line in FEATURES.
sed -i "\#^  (await import('./teams/$name/index.js')).$name,\$#d" "$tmp/src/features.ts"
if grep -n "\b$name\b" "$tmp/src/features.ts"; then echo "src/features.ts still names $name" >&2; exit 1; fi
cd "$tmp" && node scripts/bundle.mjs
echo "without $name: src/ bundles"
# And the bot starts: the demo board on an empty data directory, until /healthz answers.
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
DATA_DIR="$tmp/data" PORT="$port" LOG_LEVEL=warn node dist/bundle/main.mjs > "$tmp/bot.log" 2>&1 &
bot=$!
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; then
    kill "$bot"; wait "$bot" || true
    echo "without $name: the bot starts and answers /healthz"
    exit 0
  fi
  if ! kill -0 "$bot" 2> /dev/null; then break; fi
  sleep 0.1
done
kill "$bot" 2> /dev/null || true
echo "without $name: the bot did not start" >&2
cat "$tmp/bot.log" >&2
exit 1
