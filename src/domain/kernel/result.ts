/** Expected outcomes are values, not exceptions: a result or a stable reason code. */
export type Result<T, R extends string = string> = { ok: true; value: T } | { ok: false; reason: R };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refuse = <R extends string>(reason: R): { ok: false; reason: R } => ({ ok: false, reason });
