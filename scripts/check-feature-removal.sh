#!/usr/bin/env bash
# Proves a feature is added in one place: in a temporary copy of src/, deletes the
# feature's files and its one line in src/features.ts, then type-checks and bundles
# what is left and starts it as `npm start` does (the demo board, an empty data
# directory) until /healthz answers. Usage: scripts/check-feature-removal.sh <feature-name> <file-or-folder>...
# e.g. the tasks feature (docs/architecture.md, "Adding a feature"):
#   scripts/check-feature-removal.sh tasks src/teams/tasks src/usecases/tasks.ts \
#     src/domain/tasks.ts src/store/ports/tasks.ts src/store/kysely/tasks.ts \
#     src/i18n/da/tasks.ts src/i18n/en/tasks.ts
set -euo pipefail
name="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
# The copy lives in dist/ (ignored by git), in the same place each time: the type check keeps
# its incremental state there (dist/tsconfig.tsbuildinfo), so a second run checks again only
# what changed. Everything else in it is made anew.
tmp="$root/dist/feature-removal/$name"
mkdir -p "$tmp"
find "$tmp" -mindepth 1 -maxdepth 1 ! -name dist -exec rm -rf {} +
rm -rf "$tmp/dist/bundle"
trap 'rm -rf "$tmp/data"' EXIT
cp -r "$root/src" "$root/cards" "$root/config" "$root/package.json" "$tmp/"
mkdir "$tmp/scripts" && cp -r "$root/scripts/bundle.mjs" "$root/scripts/lib" "$tmp/scripts/"
ln -s "$root/node_modules" "$tmp/node_modules"
# The project's compiler options, for src/ alone (the tests name the feature's files).
node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  c.include = ["src/**/*.ts"];
  require("fs").writeFileSync(process.argv[2], JSON.stringify(c));
' "$root/tsconfig.json" "$tmp/tsconfig.json"
for path in "$@"; do rm -r "$tmp/$path"; done
# The registration: the feature's one line in FEATURES.
sed -i "\#^  (await import('./teams/$name/index.js')).$name,\$#d" "$tmp/src/features.ts"
if grep -n "\b$name\b" "$tmp/src/features.ts"; then echo "src/features.ts still names $name" >&2; exit 1; fi
cd "$tmp" && npx tsc -p tsconfig.json --noEmit && node scripts/bundle.mjs
echo "without $name: src/ builds"
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
