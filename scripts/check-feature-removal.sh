#!/usr/bin/env bash
# Proves a feature is added in one place: in a temporary copy of src/, deletes the
# feature's files and its entry (and import) in src/features.ts, then type-checks what is
# left. Usage: scripts/check-feature-removal.sh <feature-name> <file-or-folder>...
# e.g. the tasks feature (docs/architecture.md, "Adding a feature"):
#   scripts/check-feature-removal.sh tasks src/teams/tasks src/usecases/tasks.ts \
#     src/domain/tasks.ts src/store/ports/tasks.ts src/store/kysely/tasks.ts \
#     src/i18n/da/tasks.ts src/i18n/en/tasks.ts
set -euo pipefail
name="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/src" "$root/cards" "$root/package.json" "$tmp/"
ln -s "$root/node_modules" "$tmp/node_modules"
# The project's compiler options, for src/ alone (the tests name the feature's files).
node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  c.include = ["src/**/*.ts"];
  require("fs").writeFileSync(process.argv[2], JSON.stringify(c));
' "$root/tsconfig.json" "$tmp/tsconfig.json"
for path in "$@"; do rm -r "$tmp/$path"; done
# The registration: the import of the feature's Teams part and its entry in FEATURES.
sed -i "\#from './teams/$name/index.js';#d; /^  $name,\$/d" "$tmp/src/features.ts"
if grep -n "\b$name\b" "$tmp/src/features.ts"; then echo "src/features.ts still names $name" >&2; exit 1; fi
cd "$tmp" && npx tsc -p tsconfig.json --noEmit
echo "without $name: src/ builds"
