/**
 * vitest's global setup (vitest.config.ts): before the run and after it, the PostgreSQL
 * server's catalogs are vacuumed (vacuumCatalogs in pg-schemas.ts), when the tests use one.
 */
import { pgTestUrl, vacuumCatalogs } from './pg-schemas.js';

export async function setup(): Promise<void> {
  if (pgTestUrl) await vacuumCatalogs(pgTestUrl);
}

export async function teardown(): Promise<void> {
  if (pgTestUrl) await vacuumCatalogs(pgTestUrl);
}
