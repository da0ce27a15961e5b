/**
 * The use cases without Teams: Deps on SQLite in memory, a manual clock, numbered ids, the
 * texts the Teams shell stores, and a publisher that records what it is given (and writes
 * nothing to the outbox). For use-case tests: what a use case decided, wrote and told.
 */
import { loadBoardFile } from '../../src/config/board.js';
import type { Board, Person } from '../../src/domain/kernel/board.js';
import type { Store } from '../../src/store/port.js';
import { openMigratedSqliteStore } from './sqlite-image.js';
import { teamsTexts } from '../../src/teams/texts.js';
import type { Deps, Publisher } from '../../src/usecases/deps.js';
import type { BoardEvent } from '../../src/usecases/event.js';
import type { Origin } from '../../src/usecases/runner.js';
import { type ManualClock, manualClock } from './app-harness.js';
import { DEMO_CONFIG_PATH } from './paths.js';
import { activityKey } from './activity-keys.js';

export const demoBoard: Board = loadBoardFile(DEMO_CONFIG_PATH);

/** A person of the demo board by first name ("Anne"). */
export function onBoard(firstName: string): Person {
  const person = demoBoard.people.find((p) => p.name.split(' ')[0] === firstName);
  if (!person) throw new Error(`nobody called ${firstName} on the demo board`);
  return person;
}

/** Who acts, on the demo board; with an activity id (in one 1:1 chat), a redelivery of it is known. */
export const by = (firstName: string, activityId?: string): Origin => ({ board: demoBoard, actor: onBoard(firstName), ...(activityId ? { activity: activityKey(activityId) } : {}) });
export const bySystem: Origin = { board: demoBoard, actor: 'system' };

export interface RecordingPublisher extends Publisher {
  /** Each publish call's events, in order (one call per committed change). */
  readonly calls: BoardEvent[][];
  /** Every event's type, flat. */
  types(): string[];
  clear(): void;
}

export function recordingPublisher(): RecordingPublisher {
  const calls: BoardEvent[][] = [];
  return {
    calls,
    async publish(_repo, _board, events) {
      calls.push([...events]);
    },
    types: () => calls.flat().map((e) => e.type),
    clear: () => void calls.splice(0),
  };
}

export interface UseCaseWorld {
  readonly deps: Deps;
  readonly store: Store;
  readonly clock: ManualClock;
  readonly published: RecordingPublisher;
  close(): Promise<void>;
}

/** A migrated SQLite store in memory; the board bound to its channel unless `bound: false`. */
export async function useCaseWorld(clockStart: string, options: { bound?: boolean } = {}): Promise<UseCaseWorld> {
  const store = await openMigratedSqliteStore({ file: ':memory:', board: demoBoard.id });
  await store.migrate();
  const clock = manualClock(clockStart);
  if (options.bound !== false) {
    const channelId = '19:board-channel@thread.tacv2';
    await store.saveBinding({ conversationReference: { conversation: { id: channelId } }, channelId, serviceUrl: 'http://127.0.0.1:9/', boundAt: clock() });
  }
  const published = recordingPublisher();
  let n = 0;
  const deps: Deps = { store, clock, publisher: published, texts: teamsTexts, newId: () => `id-${++n}` };
  return { deps, store, clock, published, close: () => store.close() };
}

/** The value of a result that must have gone through (throws with the refusal otherwise). */
export function valueOf<T>(result: { ok: true; value: T | undefined } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  if (result.value === undefined) throw new Error('no value');
  return result.value;
}
