/**
 * Store contract of the tasks feature's own part (repo.part(tasksStore)): the same tests on
 * SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL (a fresh schema each). The part
 * is the feature's alone, so its contract is too: nothing else in the store suite names it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../src/domain/tasks.js';
import type { Store } from '../../../src/store/port.js';
import { tasksStore } from '../../../src/store/ports/tasks.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { openMigratedSqliteStore } from '../../support/sqlite-image.js';
import { ReusedSchema, pgTestUrl } from '../../support/pg-schemas.js';

const T0 = new Date('2026-11-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const task = (id: string, extra: Partial<Task> = {}): Task => ({
  id,
  text: `Opgave ${id}`,
  owner: { kind: 'person', personId: 'p-anne' },
  due: '2026-12-10',
  createdBy: 'p-chair',
  createdAt: T0,
  ...extra,
});

function tasksContract(name: string, open: () => Promise<Store>): void {
  describe(`tasks store part: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });
    afterEach(async () => {
      await store.close();
    });
    const tasks = () => store.part(tasksStore);

    it('reads a task back exactly: a person or an organisation as owner, open until done', async () => {
      await tasks().insertTask(task('t1'));
      await tasks().insertTask(task('t2', { owner: { kind: 'organisation', organisationId: 'FOB' }, due: '2026-12-01' }));
      expect(await tasks().getTask('t1')).toEqual(task('t1'));
      expect(await tasks().getTask('t1')).not.toHaveProperty('doneAt');
      expect(await tasks().getTask('t2')).toEqual(task('t2', { owner: { kind: 'organisation', organisationId: 'FOB' }, due: '2026-12-01' }));
      expect(await tasks().getTask('nope')).toBeUndefined();
      await expect(tasks().insertTask(task('t1'))).rejects.toThrow();
    });

    it('R16: keeps the meeting a task was given at, lists the tasks stored with a meeting, and stores another (or none) in its place', async () => {
      await tasks().insertTask(task('t1', { placedMeetingId: 'meeting-a' }));
      await tasks().insertTask(task('t2', { createdAt: at(1), placedMeetingId: 'meeting-a' }));
      await tasks().insertTask(task('t3', { createdAt: at(2) }));
      expect(await tasks().getTask('t1')).toEqual(task('t1', { placedMeetingId: 'meeting-a' }));
      expect(await tasks().getTask('t3')).not.toHaveProperty('placedMeetingId');
      expect((await tasks().listTasksPlacedAt('meeting-a')).map((t) => t.id)).toEqual(['t1', 't2']);
      await tasks().placeTask('t1', 'meeting-b');
      await tasks().placeTask('t2', undefined);
      expect(await tasks().listTasksPlacedAt('meeting-a')).toEqual([]);
      expect((await tasks().getTask('t1'))?.placedMeetingId).toBe('meeting-b');
      expect(await tasks().getTask('t2')).not.toHaveProperty('placedMeetingId');
    });

    it('R16: marks a task done once, with who and when', async () => {
      await tasks().insertTask(task('t1'));
      expect(await tasks().markTaskDone('t1', 'p-anne', at(5))).toBe(true);
      expect(await tasks().markTaskDone('t1', 'p-chair', at(6))).toBe(false);
      expect(await tasks().markTaskDone('nope', 'p-chair', at(6))).toBe(false);
      expect(await tasks().getTask('t1')).toEqual(task('t1', { doneAt: at(5), doneBy: 'p-anne' }));
    });

    it('lists the open tasks by deadline, then in the order made', async () => {
      await tasks().insertTask(task('late', { due: '2026-12-20', createdAt: at(1) }));
      await tasks().insertTask(task('b', { due: '2026-12-05', createdAt: at(3) }));
      await tasks().insertTask(task('a', { due: '2026-12-05', createdAt: at(2) }));
      await tasks().insertTask(task('done', { due: '2026-12-01', createdAt: at(0) }));
      await tasks().markTaskDone('done', 'p-chair', at(4));
      expect((await tasks().listOpenTasks()).map((t) => t.id)).toEqual(['a', 'b', 'late']);
    });

    it('lists the tasks made in a period, open or done, in the order made', async () => {
      for (const [id, minutes] of [['t0', 0], ['t1', 10], ['t2', 20], ['t3', 30]] as const) await tasks().insertTask(task(id, { createdAt: at(minutes) }));
      await tasks().markTaskDone('t1', 'p-chair', at(40));
      expect((await tasks().listTasks({ createdFrom: at(10), createdTo: at(30) })).map((t) => t.id)).toEqual(['t1', 't2']);
      expect((await tasks().listTasks({ createdTo: at(11) })).map((t) => t.id)).toEqual(['t0', 't1']);
      expect((await tasks().listTasks({})).length).toBe(4);
    });

    it('writes in the transaction it is opened in: a rollback leaves nothing', async () => {
      await expect(
        store.transaction(async (repo) => {
          await repo.part(tasksStore).insertTask(task('t1'));
          expect(await repo.part(tasksStore).getTask('t1', { lock: true })).toEqual(task('t1'));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await tasks().getTask('t1')).toBeUndefined();
      await store.transaction((repo) => repo.part(tasksStore).insertTask(task('t2')));
      expect(await tasks().getTask('t2')).toEqual(task('t2'));
    });
  });
}

tasksContract('sqlite', () => openMigratedSqliteStore({ file: ':memory:' }));

describe.skipIf(!pgTestUrl)('PostgreSQL', () => {
  // One schema, migrated once and emptied before each test.
  const schema = new ReusedSchema(pgTestUrl ?? '');
  afterAll(() => schema.drop());
  tasksContract('postgres', async () => openPgStore({ url: pgTestUrl ?? '', schema: await schema.next() }));
});
