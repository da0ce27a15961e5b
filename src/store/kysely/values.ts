/**
 * How the store writes values, for every feature: instants are ISO-8601 UTC text; JSON
 * is text (undefined ⇄ NULL); optional domain fields are absent, never null, when the
 * column is NULL (each mapper spreads them in only when set).
 */
import type { InsertResult, UpdateResult } from 'kysely';

export const iso = (d: Date): string => d.toISOString();
export const date = (s: string): Date => new Date(s);
/** JSON text for a NOT NULL column: undefined is written as JSON null. */
export const json = (value: unknown): string => JSON.stringify(value ?? null);
/** JSON text for a nullable column: NULL for undefined. */
export const toJson = (value: unknown): string | null => (value === undefined ? null : (JSON.stringify(value) ?? null));
export const fromJson = (text: string): unknown => JSON.parse(text);

/** True when the insert (or upsert) wrote its row: false when a conflict left it out. */
export const inserted = (result: InsertResult): boolean => Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
/** True when the update changed its one row: false when its guard left it unchanged. */
export const updated = (result: UpdateResult): boolean => Number(result.numUpdatedRows) === 1;
