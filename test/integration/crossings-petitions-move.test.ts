/**
 * Crossings of today's features (R11): petitions lapsing and demanded-meeting reminders with the
 * board moving to another channel (`brug denne kanal`: the live cards posted anew there); a
 * petition's meeting linked by a subject containing its own, moved and cancelled; and cancelled
 * after the petition's half year, beside a meeting called after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OTHER_CHANNEL_ID, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { petitionsOf } from '../support/petitions.js';

let h: Harness | undefined;
const { isPetitionCard, support, textNow, actionsNow, petition } = petitionsOf(() => h!);
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const MAJORITY = [people.henrik, people.mette, people.lars];

describe('R11: petitions × the board moving channel', () => {
  it('R11: only the petition still gathering support is posted anew; a lapsed one and one with its majority are not; the later lapse reaches the new card, the reminder the new channel', async () => {
    h = await startInstalledHarness('2026-06-01T09:00:00Z');
    await petition(people.birgitte, 'Vandskaden i afdeling 2');
    h.clock.set('2026-06-10T09:00:00Z');
    await petition(people.birgitte, 'Legepladsen i afdeling 4');
    await h.at('2026-12-01T09:00:00Z');
    await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await h.at('2026-12-02T09:00:00Z');

    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, people.pia, 'brug denne kanal', { conversationId: OTHER_CHANNEL_ID }));
    await h.pass(2000);
    const inNew = h.connector.posts().filter((p) => p.seq >= since && p.conversationId.startsWith(OTHER_CHANNEL_ID) && isPetitionCard(p));
    expect(inNew).toHaveLength(1);
    expect(h.connector.textOf(inNew[0]!)).toContain('Legepladsen i afdeling 4');
    const card = inNew[0]!;
    expect(actionsNow(card).map((a) => a.verb)).toContain('petition.support');

    // Its half year runs out on 10 December: the card in the new channel says so, without Støt.
    await h.at('2026-12-11T09:00:00Z');
    await h.pass(2000);
    expect(textNow(card)).toContain('bortfaldet');
    expect(actionsNow(card).map((a) => a.verb)).not.toContain('petition.support');
    const late = await support(people.lars, card);
    expect(late.status).toBe(200);

    // The demanded meeting's reminder (8 December) went to the new channel.
    const reminders = h.connector.posts().filter((p) => h!.connector.textOf(p).includes('Påmindelse: Et flertal'));
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((p) => p.conversationId.startsWith(OTHER_CHANNEL_ID))).toBe(true);
  });
});

describe('R11: a petition answered by a meeting whose subject contains its own × `flyt møde` × `aflys møde`', () => {
  it('R11: moved, the card follows; cancelled, the next meeting ahead containing its subject answers it (not one on part of it); that one cancelled too, the reminders go on', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const say = async (who: typeof people.anne, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
    const card = await petition(people.birgitte, 'Budget 2027', MAJORITY);
    await say(people.anne, 'ekstraordinært møde 15-12-2026 14:00 Budget 2027 for afdeling 3');
    await say(people.anne, 'ekstraordinært møde 18-12-2026 14:00 Budget');
    await say(people.anne, 'ekstraordinært møde 21-12-2026 14:00 Ekstraordinært møde om budget 2027');
    await h.pass(2000);
    expect(textNow(card)).toContain('tirsdag den 15. december 2026 kl. 14.00');
    await say(people.anne, 'flyt møde 15-12-2026 til 22-12-2026');
    await h.pass(2000);
    expect(textNow(card)).toContain('tirsdag den 22. december 2026 kl. 14.00');
    // No reminder on 8 December: the meeting is called.
    await h.at('2026-12-08T08:00:30Z');
    const reminders = () => h!.connector.posts().filter((p) => h!.connector.textOf(p).includes('Påmindelse: Et flertal'));
    expect(reminders()).toEqual([]);
    // Cancelled: the first meeting ahead that contains its subject answers it (21 December), not »Budget« (18 December).
    await say(people.anne, 'aflys møde 22-12-2026');
    await h.pass(2000);
    expect(textNow(card)).toContain('mandag den 21. december 2026 kl. 14.00');
    expect(actionsNow(card)).toEqual([]);
    await h.at('2026-12-15T08:00:30Z');
    expect(reminders()).toEqual([]);
    // That one cancelled too: nothing answers it; the reminders go on (22 December).
    await say(people.anne, 'aflys møde 21-12-2026');
    await h.pass(2000);
    expect(textNow(card)).toContain('aflyst');
    await h.at('2026-12-22T08:00:30Z');
    expect(reminders()).toHaveLength(1);
    void support;
  });
});

describe('R11: a petition\'s meeting cancelled after its half year × a meeting containing its subject called after the half year', () => {
  it('R11: the meeting called after the half year does not answer it on the cancellation: the card says cancelled and lapsed, Støt refused, audited once', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const say = async (who: typeof people.anne, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik]);
    await say(people.anne, 'ekstraordinært møde 10-06-2027 14:00 Budget 2027');
    await h.pass(2000);
    expect(textNow(card)).toContain('torsdag den 10. juni 2027 kl. 14.00');
    // The half year is out on 2 June 2027; on 3 June a meeting whose subject contains the petition's is called (it answers no petition that old).
    await h.at('2027-06-03T09:00:00Z');
    await say(people.anne, 'ekstraordinært møde 17-06-2027 14:00 Budget 2027 for afdeling 3');
    await say(people.anne, 'aflys møde 10-06-2027');
    await h.pass(2000);
    expect(textNow(card)).toContain('Det ekstraordinære møde torsdag den 10. juni 2027 kl. 14.00 er aflyst.');
    expect(textNow(card)).toContain('Anmodningen er bortfaldet');
    expect(textNow(card)).not.toContain('17. juni');
    expect(actionsNow(card)).toEqual([]);
    expect(await h.store.listAudit({ action: 'petition.lapsed' })).toHaveLength(1);
  });

  it('R11: one called within the half year, while the first stood, still answers it when the first is cancelled after the half year', async () => {
    h = await startInstalledHarness('2026-12-01T09:00:00Z');
    const say = async (who: typeof people.anne, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
    const card = await petition(people.birgitte, 'Budget 2027', [people.henrik]);
    await say(people.anne, 'ekstraordinært møde 10-06-2027 14:00 Budget 2027');
    await say(people.anne, 'ekstraordinært møde 17-06-2027 14:00 Budget 2027 for afdeling 3');
    await h.at('2027-06-03T09:00:00Z');
    await say(people.anne, 'aflys møde 10-06-2027');
    await h.pass(2000);
    expect(textNow(card)).toContain('Det ekstraordinære møde er indkaldt til torsdag den 17. juni 2027 kl. 14.00.');
    expect(textNow(card)).not.toContain('bortfaldet');
    expect(await h.store.listAudit({ action: 'petition.lapsed' })).toEqual([]);
  });
});
