/**
 * PRODUCT §1.1, docs/teams.md (Identities): the bot is a Teams bot. The person (`from.aadObjectId`),
 * the tenant and the team and channel (`channelData`) are Teams' word only on activities from
 * Teams (`channelId: msteams`); on another Bot Framework channel of the same Azure Bot (Web Chat,
 * always there; Direct Line) its client writes them itself. Such an activity, naming the chair
 * and the board's channel, gets a short answer that it works in Teams only, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botInstalled, cardAction, channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startInstalledHarness('2026-12-01T09:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

/** What another channel's client can send: the Teams shape, with its own channel id. */
const elsewhere = <T extends object>(activity: T, channelId: string) => ({ ...activity, channelId });
const TEAMS_ONLY = 'Bestyrelsesbot virker kun i Microsoft Teams. Intet er ændret.';

describe('activities from another Bot Framework channel than Teams', () => {
  let motionId: string;
  let audit: number;

  it('a message in Web Chat naming the chair and the board\'s channel plans nothing and reads out nothing', async () => {
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning Ny legeplads'));
    motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(h.connector.posts().at(-1)))![1]!;
    audit = (await h.store.listAudit()).length;
    for (const channelId of ['webchat', 'directline', 'emulator']) {
      const since = h.connector.mark();
      await h.send(elsewhere(channelMessage(h.connector.url, people.anne, 'møde 10-12-2026 14:00 Rådhuset'), channelId));
      await h.send(elsewhere(personalMessage(h.connector.url, people.pia, 'bestyrelse'), channelId));
      await h.pass(1500);
      const said = h.connector.posts().filter((p) => p.seq >= since && p.type !== 'typing').map((p) => h.connector.textOf(p));
      expect(said, channelId).toEqual([TEAMS_ONLY, TEAMS_ONLY]);
    }
    expect(await h.store.listMeetings({})).toEqual([]);
  });

  it('a card action from Direct Line casts no vote; its answer says so', async () => {
    const res = await h.send(elsewhere(cardAction(h.connector.url, people.anne, 'vote.cast', { motionId, choice: 'for' }), 'directline'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: TEAMS_ONLY });
    expect((await h.store.getMotionWithBallots(motionId))?.ballots).toEqual([]);
  });

  it('an install from Web Chat by the chair binds nothing', async () => {
    await h.send(elsewhere(botInstalled(h.connector.url, people.anne, { selectedChannelId: '19:webchat-channel@thread.tacv2' }), 'webchat'));
    await h.pass(1500);
    expect((await h.store.getBinding())?.channelId).toBe('19:board-channel@thread.tacv2');
    expect((await h.store.listAudit()).length).toBe(audit);
  });
});
