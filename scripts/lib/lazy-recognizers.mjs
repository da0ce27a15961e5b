// An esbuild plugin for scripts/bundle.mjs (and its test, test/unit/bundle.test.ts).
/**
 * botbuilder-dialogs (which teams-ai's authentication imports, and this bot never runs) loads
 * the Recognizers-Text suites for its prompts: 5.5 MB of source, two fifths of the bundle,
 * parsed and partly run at every start. Here each suite is a stand-in that loads the real
 * package from node_modules when one of its functions is first asked for, so a prompt would
 * still work. Only the culture codes (plain strings, which botbuilder-dialogs reads as it
 * loads) come from the small base package at once.
 */
const LAZY_PACKAGES = /^@microsoft\/recognizers-text-(suite|date-time|number|choice)$/;
export const lazyRecognizers = (resolveDir) => ({
  name: 'lazy-recognizers',
  setup(b) {
    b.onResolve({ filter: LAZY_PACKAGES }, (args) =>
      args.namespace === 'lazy-recognizers' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-recognizers' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-recognizers' }, (args) => ({
      resolveDir,
      loader: 'js',
      contents: `
        const { Culture } = require('@microsoft/recognizers-text');
        let loaded;
        module.exports = new Proxy({ __esModule: true, Culture }, {
          get(known, key) {
            if (key in known) return known[key];
            loaded ??= require(${JSON.stringify(args.path)});
            return loaded[key];
          },
        });`,
    }));
  },
});
