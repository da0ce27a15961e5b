/**
 * R11 on two instances (PostgreSQL): a member asks for an extraordinary meeting at the instant the
 * chair calls one on that subject. Either the request is refused, the meeting being called, or
 * the petition is made and the meeting called answers it: never a petition gathering support
 * for a meeting already called (its card offering »Støt«, a majority announced for nothing).
 * Forty subjects, each asked on one instance while called on the other; and two members asking
 * on one subject at once, on the two, make one petition. Runs when
 * TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { botInstalled, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { TestSchemas, pgTestUrl } from '../support/pg-schemas.js';

const TRIES = 40;
const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
let instances: Harness[] = [];
afterEach(async () => {
  for (const h of instances.splice(0)) await h.close();
});
afterAll(async () => {
  await schemas?.drop();
});

describe.skipIf(!pgTestUrl)('R11: a petition asked while its meeting is called, on two instances (PostgreSQL)', () => {
  it('R11: the petition is refused, or answered by the meeting called; never left gathering support', async () => {
    const postgres = { url: pgTestUrl!, schema: schemas!.fresh() };
    const a = await startHarness({ clockStart: '2026-12-01T09:00:00Z', postgres });
    instances.push(a);
    const b = await startHarness({ clockStart: '2026-12-01T09:00:00Z', postgres, connector: a.connector });
    instances.push(b);
    await a.send(botInstalled(a.connector.url, people.anne));
    await a.connector.waitForPost((p) => a.connector.textOf(p).includes('Goddag'));

    const subjects = Array.from({ length: TRIES }, (_, i) => `Vandskaden i afdeling ${i + 1}`);
    for (const [i, subject] of subjects.entries()) {
      const day = new Date(Date.UTC(2027, 0, 5 + i)).toISOString().slice(0, 10);
      const [asker, caller] = i % 2 ? [a, b] : [b, a];
      await Promise.all([
        asker.send(channelMessage(a.connector.url, people.birgitte, `anmod om ekstraordinært møde ${subject}`)),
        caller.send(channelMessage(a.connector.url, people.pia, `ekstraordinært møde ${day} 14:00 ${subject}`)),
      ]);
    }
    const meetings = await a.store.listMeetings({ status: 'planned' });
    expect(meetings).toHaveLength(TRIES);
    const petitions = await a.store.listPetitions({ createdFrom: new Date(0) });
    for (const petition of petitions) {
      const called = meetings.find((m) => m.subject === petition.subject)!;
      expect(petition.meetingId, `»${petition.subject}«: asked while the meeting was called`).toBe(called.id);
    }
  }, 120_000);

  it('R11: two members asking on one subject at once make one petition; the second is pointed to it', async () => {
    const postgres = { url: pgTestUrl!, schema: schemas!.fresh() };
    const a = await startHarness({ clockStart: '2026-12-01T09:00:00Z', postgres });
    instances.push(a);
    const b = await startHarness({ clockStart: '2026-12-01T09:00:00Z', postgres, connector: a.connector });
    instances.push(b);
    await a.send(botInstalled(a.connector.url, people.anne));
    await a.connector.waitForPost((p) => a.connector.textOf(p).includes('Goddag'));
    for (let i = 0; i < TRIES; i++) {
      await Promise.all([
        a.send(channelMessage(a.connector.url, people.birgitte, `anmod om ekstraordinært møde Legepladsen ${i + 1}`)),
        b.send(channelMessage(a.connector.url, people.henrik, `anmod om ekstraordinært møde legepladsen  ${i + 1}`)),
      ]);
    }
    expect(await a.store.listPetitions({ createdFrom: new Date(0) })).toHaveLength(TRIES);
  }, 120_000);
});
