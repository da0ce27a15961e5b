import type { Plugin } from 'esbuild';

/** The esbuild plugin that makes rarely used packages (the Recognizers-Text suites, MSAL, Azure Identity) load at their first use; `resolveDir` is the project's root. */
export function lazyPackages(resolveDir: string): Plugin;
