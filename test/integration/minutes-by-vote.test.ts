/**
 * R16 with R7: the standing item "Godkendelse af referat fra sidste møde" decided by a vote
 * approves the previous meeting's minutes as a decision by consent does — whether the chair
 * put the item to a vote (`afstemning 2`) or a conclusion on it was objected to and then put
 * to a formal vote. A vote not adopted approves nothing. Over HTTP, in process
 * (app-harness.ts), the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const act = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { type: string; value: any };
const idIn = (p: PostedActivity, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(p))![1]!;
const lastPost = (predicate: (p: PostedActivity) => boolean) => h!.connector.posts().filter(predicate).at(-1)!;
const isVoteCard = (p: PostedActivity) => JSON.stringify(p.attachments ?? []).includes('vote.cast');

const members = [people.anne, people.karsten, people.birgitte, people.henrik, people.mette, people.lars];

/** The meetings of 14 October and 25 November 2027; the October minutes drafted; the clock in the November meeting. */
async function octoberMinutesDrafted(): Promise<{ octoberId: string }> {
  h = await startInstalledHarness('2027-10-01T10:00:00+02:00');
  await say(people.pia, 'møde 14-10-2027 14:00');
  await say(people.pia, 'møde 25-11-2027 14:00');
  await h.at('2027-10-14T16:00:00+02:00');
  await say(people.pia, 'referat');
  const october = (await h.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-10-14T12:00:00.000Z')!;
  const [draft] = await h.store.listMinutes(october.id);
  expect(draft?.approvedAt).toBeUndefined();
  await h.at('2027-11-25T14:10:00+01:00');
  return { octoberId: october.id };
}

async function voteOn(motionId: string, against: readonly Person[]): Promise<void> {
  for (const p of members) await act(p, 'vote.cast', { motionId, choice: against.includes(p) ? 'against' : 'for' });
}

describe('approving the minutes by a vote (R16, R7)', () => {
  it('R16: »afstemning 2« on "Godkendelse af referat" adopted 6–0 approves the previous meeting\'s minutes, approved by that vote', async () => {
    const { octoberId } = await octoberMinutesDrafted();
    await say(people.anne, 'afstemning 2');
    const vote = lastPost(isVoteCard);
    expect(literal(h!.connector.textOf(vote))).toContain('Godkendelse af referat fra sidste møde');
    const motionId = idIn(vote, 'motionId');
    await voteOn(motionId, []);
    expect(h!.connector.posts().some((p) => h!.connector.textOf(p).startsWith('Vedtaget: 6 for, 0 imod, 0 undlader'))).toBe(true);

    const [minutes] = await h!.store.listMinutes(octoberId);
    expect(minutes?.approvedAt).toEqual(new Date('2027-11-25T13:10:00Z'));
    expect(minutes?.approvedBy).toBe(`vote:${motionId}`);
    await say(people.pia, 'referat 14-10-2027');
    const shown = lastPost((p) => h!.connector.textOf(p).startsWith('Referat'));
    expect(literal(h!.connector.textOf(shown))).toContain('Godkendt torsdag den 25. november 2027 kl. 14.10 (af bestyrelsen ved afstemning).');
    // R7: the item whose vote approved them is not reopened: approved minutes never change.
    await say(people.anne, 'genoptag 2');
    expect(await h!.store.listAudit({ action: 'agenda.item-reopened' })).toHaveLength(0);
  });

  it('R16, R7: a conclusion on "Godkendelse af referat" objected to, then put to a formal vote adopted 5–1, approves the minutes', async () => {
    const { octoberId } = await octoberMinutesDrafted();
    await say(people.anne, 'konklusion 2 Referatet fra mødet den 14. oktober 2027 godkendes.');
    const card = lastPost((p) => h!.connector.textOf(p).startsWith('Konklusion'));
    const conclusionId = idIn(card, 'conclusionId');
    await act(people.henrik, 'conclusion.object', { conclusionId, reason: 'Punkt 5 er gengivet forkert.' });
    expect((await act(people.anne, 'conclusion.vote', { conclusionId })).type).toBe('application/vnd.microsoft.card.adaptive');
    const motionId = idIn(lastPost(isVoteCard), 'motionId');
    expect((await h!.store.listMinutes(octoberId))[0]?.approvedAt).toBeUndefined();
    await voteOn(motionId, [people.henrik]);
    expect(h!.connector.posts().some((p) => h!.connector.textOf(p).startsWith('Vedtaget: 5 for, 1 imod, 0 undlader'))).toBe(true);

    const [minutes] = await h!.store.listMinutes(octoberId);
    expect(minutes?.approvedAt).toEqual(new Date('2027-11-25T13:10:00Z'));
    expect(minutes?.approvedBy).toBe(`vote:${motionId}`);
    expect(await h!.store.listAudit({ action: 'minutes.approved' })).toHaveLength(1);
  });

  it('R16: a vote on "Godkendelse af referat" not adopted approves nothing; the minutes stay a draft', async () => {
    const { octoberId } = await octoberMinutesDrafted();
    await say(people.anne, 'afstemning 2');
    await voteOn(idIn(lastPost(isVoteCard), 'motionId'), [people.henrik, people.mette, people.lars, people.birgitte]);
    expect(h!.connector.posts().some((p) => h!.connector.textOf(p).startsWith('Ikke vedtaget: 2 for, 4 imod, 0 undlader'))).toBe(true);
    const [minutes] = await h!.store.listMinutes(octoberId);
    expect(minutes?.approvedAt).toBeUndefined();
    expect(minutes?.approvedBy).toBeUndefined();
    expect(await h!.store.listAudit({ action: 'minutes.approved' })).toHaveLength(0);
  });
});
