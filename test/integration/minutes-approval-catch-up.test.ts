/**
 * R16 with R7: minutes approved by the board's decision on »Godkendelse af referat« are approved
 * when the decision was reached (the objection window's end, the vote's deadline), not when the
 * scheduler happened to record it: a minute late, or days late after the bot was down. The item
 * whose decision approved them is then not reopened (`genoptag`): refused, in Danish, nothing
 * changed. Over HTTP, in process (app-harness.ts), the clock moved by the test.
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
const texts = (since: number) => h!.connector.posts().filter((p) => p.seq >= since).map((p) => literal(h!.connector.textOf(p)));

const REFUSED = 'Punkt 2 på dagsordenen til mødet torsdag den 10. juni 2027 kan ikke genoptages: det referat, punktet godkendte, kan ikke ændres. Sekretæren kan rette det med »ret referat <dato> <tekst>«; rettelsen bliver en ny version, der skal godkendes. Intet er ændret.';

/** The March and June 2027 meetings; March's minutes drafted, not approved. The clock after the June meeting. */
async function marchMinutesDrafted(): Promise<{ marchId: string }> {
  h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
  await say(people.pia, 'møde 11-03-2027 14:00');
  await say(people.pia, 'møde 10-06-2027 14:00');
  await h.at('2027-03-11T16:00:00+01:00');
  await say(people.pia, 'referat');
  const march = (await h.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-03-11T13:00:00.000Z')!;
  expect((await h.store.listMinutes(march.id)).at(-1)?.approvedAt).toBeUndefined();
  return { marchId: march.id };
}

/** `genoptag 2` on the June meeting, refused: the answer, and nothing reopened. */
async function reopenRefused(): Promise<void> {
  const since = h!.connector.mark();
  await say(people.anne, 'genoptag 10-06-2027 2');
  expect(texts(since)).toContain(REFUSED);
  expect(await h!.store.listAudit({ action: 'agenda.item-reopened' })).toHaveLength(0);
}

describe('minutes approved by a decision caught up late (R16, R7)', () => {
  it('R16, R7: a conclusion\'s objection window on »Godkendelse af referat« ends while the bot is down: the minutes are approved at the window\'s end, and the item is not reopened', async () => {
    const { marchId } = await marchMinutesDrafted();
    // The day after the June meeting, outside it: the window runs 48 hours, to Sunday 13 June 10.00.
    await h!.at('2027-06-11T10:00:00+02:00');
    await say(people.anne, 'konklusion 10-06-2027 2 Referatet fra mødet den 11. marts 2027 godkendes.');
    await h!.at('2027-06-12T10:00:00+02:00');
    // Down from Saturday to Wednesday: the window ended on Sunday.
    await h!.restart('2027-06-16T08:30:00+02:00');
    const [conclusion] = await h!.store.listConclusions({});
    expect(conclusion).toMatchObject({ status: 'decided', decidedBy: 'window', decidedAt: new Date('2027-06-13T08:00:00Z') });
    const minutes = (await h!.store.listMinutes(marchId)).at(-1)!;
    expect(minutes.approvedBy).toBe('consent');
    expect(minutes.approvedAt).toEqual(new Date('2027-06-13T08:00:00Z'));
    await say(people.pia, 'referat 11-03-2027');
    expect(literal(h!.connector.textOf(lastPost((p) => h!.connector.textOf(p).startsWith('Referat'))))).toContain('Godkendt søndag den 13. juni 2027 kl. 10.00 (af bestyrelsen ved konsensus).');
    await reopenRefused();
    expect((await h!.store.listMinutes(marchId)).at(-1)).toEqual(minutes);
    expect((await h!.store.listConclusions({}))[0]).toEqual(conclusion);
  });

  it('R16, R7: a window that ends between the scheduler\'s ticks: approved at its end, not at the tick, and the item is not reopened', async () => {
    const { marchId } = await marchMinutesDrafted();
    await h!.at('2027-06-11T10:00:00+02:00');
    await say(people.anne, 'konklusion 10-06-2027 2 Referatet fra mødet den 11. marts 2027 godkendes.');
    await h!.at('2027-06-13T10:00:41+02:00');
    expect((await h!.store.listMinutes(marchId)).at(-1)?.approvedAt).toEqual(new Date('2027-06-13T08:00:00Z'));
    await reopenRefused();
  });

  it('R16, R7: *Indsigelse* tapped after the window ended, before the scheduler decided it: the window decides, and approves the minutes at its end', async () => {
    const { marchId } = await marchMinutesDrafted();
    await h!.at('2027-06-11T10:00:00+02:00');
    await say(people.anne, 'konklusion 10-06-2027 2 Referatet fra mødet den 11. marts 2027 godkendes.');
    const conclusionId = idIn(lastPost((p) => h!.connector.textOf(p).startsWith('Konklusion')), 'conclusionId');
    h!.clock.set('2027-06-13T10:00:20+02:00');
    await act(people.henrik, 'conclusion.object', { conclusionId, reason: 'For sent.' });
    expect((await h!.store.listMinutes(marchId)).at(-1)?.approvedAt).toEqual(new Date('2027-06-13T08:00:00Z'));
    await reopenRefused();
  });

  it('R16, R7: a vote on »Godkendelse af referat« whose deadline passes while the bot is down: adopted, it approves the minutes at the deadline, and the item is not reopened', async () => {
    const { marchId } = await marchMinutesDrafted();
    await h!.at('2027-06-10T14:10:00+02:00');
    await say(people.anne, 'afstemning 2');
    const motionId = idIn(lastPost(isVoteCard), 'motionId');
    for (const p of [people.anne, people.karsten, people.birgitte]) await act(p, 'vote.cast', { motionId, choice: 'for' });
    await h!.at('2027-06-11T10:00:00+02:00');
    // Down across the deadline (Sunday 13 June 14.10).
    await h!.restart('2027-06-15T09:00:00+02:00');
    const motion = await h!.store.getMotion(motionId);
    expect(motion).toMatchObject({ closedAt: new Date('2027-06-13T12:10:00Z'), closeReason: 'deadline' });
    const minutes = (await h!.store.listMinutes(marchId)).at(-1)!;
    expect(minutes.approvedBy).toBe(`vote:${motionId}`);
    expect(minutes.approvedAt).toEqual(new Date('2027-06-13T12:10:00Z'));
    await reopenRefused();
    expect((await h!.store.listMinutes(marchId)).at(-1)).toEqual(minutes);
  });
});
