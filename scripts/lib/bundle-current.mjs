// Whether the bundle `npm start` runs (dist/bundle/main.mjs, scripts/bundle.mjs) is current:
// written after every file of src/. Used by `npm run playground` and the tests' child
// processes, which run the bundle when it is, and the TypeScript through tsx when it is not.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle's entry, relative to the repository's root. */
export const BUNDLE_ENTRY = join('dist', 'bundle', 'main.mjs');

/** @param {string} root the repository's root @returns {boolean} */
export function bundleIsCurrent(root) {
  const bundle = join(root, BUNDLE_ENTRY);
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? newer(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > built,
    );
  return !newer(join(root, 'src'));
}
