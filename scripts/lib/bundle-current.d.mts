/** The bundle's entry, relative to the repository's root. */
export declare const BUNDLE_ENTRY: string;
/** Whether dist/bundle/main.mjs was written after every file of `root`/src/. */
export declare function bundleIsCurrent(root: string): boolean;
