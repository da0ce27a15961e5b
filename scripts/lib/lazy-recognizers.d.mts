import type { Plugin } from 'esbuild';

/** The esbuild plugin that makes the Recognizers-Text suites load at their first use; `resolveDir` is the project's root. */
export function lazyRecognizers(resolveDir: string): Plugin;
