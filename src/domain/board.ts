/**
 * The store's import path for the board's types (src/store imports `MajorityPolicy` from
 * here). Everything else imports src/domain/kernel/board.ts; this goes once the store does.
 */
export type { MajorityPolicy } from './kernel/board.js';
