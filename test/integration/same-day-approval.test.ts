/**
 * R16 with two meetings on one day: what the channel is told when the board's decision on
 * "Godkendelse af referat" approves minutes, finds them approved already, or finds none,
 * names the meeting with its time (PRODUCT §1.3), and the command it suggests names the
 * meeting as `referat` takes it on such a day: `referat <dato> <tid>`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: any };
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const lastPost = (predicate: (p: PostedActivity) => boolean) => h!.connector.posts().filter(predicate).at(-1)!;
const texts = () => h!.connector.posts().map((p) => h!.connector.textOf(p));

/** Meetings at 10.00 and 15.00 on Thursday 3 December 2026, and one on 10 December; the 10.00 meeting's minutes drafted. */
async function twoMeetingsOnADay(): Promise<void> {
  h = await startInstalledHarness('2026-12-01T09:00:00+01:00');
  await say(people.pia, 'møde 03-12-2026 10:00');
  await say(people.pia, 'møde 03-12-2026 15:00');
  await say(people.pia, 'møde 10-12-2026 14:00');
  await h.at('2026-12-03T12:00:00+01:00');
  await say(people.pia, 'referat 03-12-2026 10:00');
}

/** At the meeting of 10 December, the chair's conclusion on "Godkendelse af referat", decided at once. */
async function decideApproval(): Promise<void> {
  await h!.at('2026-12-10T14:05:00+01:00');
  await say(people.anne, 'konklusion 2 Referatet godkendes.');
  await act(people.anne, 'conclusion.close', { conclusionId: idIn(lastPost((p) => h!.connector.textOf(p).startsWith('Konklusion')), 'conclusionId') });
}

describe('R16: approval notices on a day with two meetings name the meeting with its time', () => {
  it('R16: the meeting without minutes is named with its time, and so is the `referat` command that drafts them; the earlier meeting\'s minutes approved are named with theirs', async () => {
    await twoMeetingsOnADay();
    await decideApproval();
    expect(texts()).toContain(
      'Der er endnu intet referat af mødet torsdag den 3. december 2026 kl. 15.00, så det er ikke godkendt. Sekretæren skriver »referat 03-12-2026 15:00«, og formandskabet godkender det på kortet, når fristen for indsigelser er udløbet.',
    );
    expect(texts()).toContain('Referatet af mødet torsdag den 3. december 2026 kl. 10.00 er godkendt af bestyrelsen ved konsensus.');
  });

  it('R16: minutes approved already are named with their meeting\'s time', async () => {
    await twoMeetingsOnADay();
    await h!.at('2026-12-03T16:30:00+01:00');
    await say(people.pia, 'referat 03-12-2026 15:00');
    const three = (await h!.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2026-12-03T14:00:00.000Z')!;
    await h!.at('2026-12-06T10:00:00+01:00');
    await act(people.anne, 'minutes.approve', { meetingId: three.id });
    expect((await h!.store.listMinutes(three.id)).at(-1)?.approvedAt).toBeDefined();
    await decideApproval();
    expect(texts()).toContain('Referatet af mødet torsdag den 3. december 2026 kl. 15.00 var allerede godkendt. Intet er ændret.');
  });
});

describe('R16: the minutes card on a day with two meetings', () => {
  it('R16: the card in the channel attaches the Markdown file named with the meeting\'s time, as the download is', async () => {
    await twoMeetingsOnADay();
    const card = lastPost((p) => h!.connector.textOf(p).startsWith('Referat') && p.replyToId === undefined);
    const names = ((card.attachments ?? []) as { name?: string }[]).map((a) => a.name).filter(Boolean);
    expect(names).toEqual(['referat-2026-12-03-1000.md']);
  });
});
