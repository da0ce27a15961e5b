/**
 * A database made by the released store (migrations 0001–0006, test/fixtures/store-0006) keeps
 * its agendas whole once migrated and started: the standing items its meetings showed become
 * stored rows, a sent agenda's numbers are fixed, and the items added by hand keep their
 * attachments (issue 10, point 1).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createBotApp } from '../../src/app.js';
import { loadBoardFile } from '../../src/config/board.js';
import { numberedAgenda } from '../../src/domain/agenda.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import * as rows from '../fixtures/store-0006/rows.js';
import { manualClock } from '../support/app-harness.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

/** Teams, as far as these tests need it: every send succeeds, nothing leaves the process. */
const connector = { send: async () => 'sent', update: async () => undefined };
/**
 * The team's roster, read by a job at start: the fixture's channel is bound to Teams' real
 * service URL, which the adapter's roster would try to reach (5 s of a failing DNS lookup).
 */
const roster = { members: async () => [] };

const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stored agendas in a database made by the released store', () => {
  it('R12–R14: standing items of existing meetings become rows, numbered as they were shown, the added items and attachments kept', async () => {
    const file = join(dir, 'store.sqlite');
    copyFileSync(join(import.meta.dirname, '../fixtures/store-0006/store.sqlite'), file);
    // As main.ts opens and migrates it with one board: the database's records become that board's (R19).
    const board = loadBoardFile(DEMO_CONFIG_PATH);
    const store = await openSqliteStore({ file, board: board.id });
    try {
      await store.migrate({ existingBoard: board.id });
      const clock = manualClock(rows.at(10 * 24 * 60));
      const app = await createBotApp({ store, clock, boards: [board], log: pino({ level: 'silent' }), publicUrl: 'http://127.0.0.1', connector, roster });
      await app.start();
      await app.close();

      const mt1 = (await store.getMeeting('mt1'))!;
      const items = await store.listAgendaItems('mt1');
      expect(items.every((i) => i.number !== undefined)).toBe(true);
      expect(numberedAgenda(mt1, items).map((i) => [i.number, i.standing ?? i.title])).toEqual([
        [1, 'approve-agenda'],
        [2, 'approve-minutes'],
        [3, 'economy'],
        [4, 'lbf-follow-up'],
        [5, 'Nyt tag'],
        [6, 'Orientering'],
        [7, 'any-other-business'],
      ]);
      expect(items.find((i) => i.id === 'i1')!.attachments).toEqual(rows.agendaItems[0]!.attachments);
      // Started again: nothing is added twice.
      const again = await createBotApp({ store, clock, boards: [board], log: pino({ level: 'silent' }), publicUrl: 'http://127.0.0.1', connector, roster });
      await again.start();
      await again.close();
      expect(await store.listAgendaItems('mt1')).toEqual(items);
      // The cancelled meeting gets no rows.
      expect(await store.listAgendaItems('mt2')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
