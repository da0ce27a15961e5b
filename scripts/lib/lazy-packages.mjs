// An esbuild plugin for scripts/bundle.mjs (and its test, test/unit/lazy-packages.test.ts).
/**
 * Packages the bot loads at every start but uses rarely or never, each about a megabyte or
 * more of source that a start would read and parse:
 *  - the Recognizers-Text suites (5.5 MB, two fifths of the bundle), which botbuilder-dialogs
 *    loads for its prompts; teams-ai's authentication imports botbuilder-dialogs, and this bot
 *    runs no prompt;
 *  - MSAL and Azure Identity (1.4 MB), with which the Bot Framework's connector gets the bot's
 *    token: only with a BOT_ID, and then at the first message the bot sends.
 * In the bundle each is a stand-in that loads the real package from node_modules when one of
 * its exports is first asked for, so everything still works when it is used. Only the
 * Recognizers' culture codes (plain strings, which botbuilder-dialogs reads as it loads) come
 * at once, from their small base package. Every importer only reads exports from these
 * packages when it runs, never while it loads (the test checks both).
 */
const LAZY_PACKAGES = /^(@microsoft\/recognizers-text-(suite|date-time|number|choice)|@azure\/msal-node|@azure\/identity)$/;
const RECOGNIZERS = /^@microsoft\/recognizers-text-/;

export const lazyPackages = (resolveDir) => ({
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: LAZY_PACKAGES }, (args) =>
      args.namespace === 'lazy-packages' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-packages' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-packages' }, (args) => ({
      resolveDir,
      loader: 'js',
      contents: `
        const known = { __esModule: true };
        ${RECOGNIZERS.test(args.path) ? "known.Culture = require('@microsoft/recognizers-text').Culture;" : ''}
        let loaded;
        module.exports = new Proxy(known, {
          get(known, key) {
            if (key in known) return known[key];
            loaded ??= require(${JSON.stringify(args.path)});
            return loaded[key];
          },
        });`,
    }));
  },
});
