/**
 * R16: the minutes are drafted from the record. Until the secretary corrects the draft, it
 * follows the record: what happens at the meeting after a first look (a vote closed later, a
 * dissent, an attendee) is in the draft the secretary next sees and in what the board approves.
 * Once she has corrected it, her text is kept as it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

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
/** At a meeting: the chair's conclusion on item 2, »Godkendelse af referat«, closed at once (decided by consent, R7). */
async function approveByConsent(): Promise<void> {
  await say(people.anne, 'konklusion 2 Referatet godkendes.');
  await act(people.anne, 'conclusion.close', { conclusionId: idIn(lastPost((p) => h!.connector.textOf(p).startsWith('Konklusion')), 'conclusionId') });
}
/** The minutes card in the channel as it stands now (posted, then updated). */
const minutesCard = () => {
  const posted = lastPost((p) => h!.connector.textOf(p).startsWith('Referat') && p.replyToId === undefined);
  return literal(h!.connector.textOf(h!.connector.message(posted.id)!.activity));
};

/** The March meeting held, a first look at its minutes, then a vote on a motion closed by the chair. */
async function voteAfterFirstLook(): Promise<{ marchId: string }> {
  h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
  await say(people.pia, 'møde 11-03-2027 14:00');
  await say(people.pia, 'møde 10-06-2027 14:00');
  await h.at('2027-03-11T14:20:00+01:00');
  await say(people.pia, 'referat');
  expect(minutesCard()).not.toContain('sommeraktiviteter');
  await say(people.anne, 'afstemning Bestyrelsen bevilger 50.000 kr. til sommeraktiviteter');
  const motionId = idIn(lastPost(isVoteCard), 'motionId');
  for (const p of [people.anne, people.karsten, people.birgitte, people.henrik]) await act(p, 'vote.cast', { motionId, choice: 'for' });
  await act(people.anne, 'vote.close', { motionId, confirm: true });
  const march = (await h.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-03-11T13:00:00.000Z')!;
  return { marchId: march.id };
}

describe('an uncorrected draft follows the record (R16)', () => {
  it('the card in the channel shows the vote as soon as it closes after the first look; referat shows it too', async () => {
    await voteAfterFirstLook();
    // Brought up to date when the vote closed (14.20), before anyone looks again (a card's updates go out a second apart).
    await h!.pass(UPDATE_INTERVAL_MS);
    expect(minutesCard()).toContain('Vedtaget: 4 for, 0 imod, 0 undlader');
    expect(minutesCard()).toContain('Udkast, senest ændret torsdag den 11. marts 2027 kl. 14.20.');
    // By the bot itself (when the vote opened, and when it closed), not by whoever opened or closed it.
    expect((await h!.store.listAudit({ action: 'minutes.redrafted' })).map((e) => e.actor)).toEqual(['system', 'system']);
    await h!.at('2027-03-11T16:30:00+01:00');
    await say(people.pia, 'referat');
    expect(minutesCard()).toContain('Bestyrelsen bevilger 50.000 kr. til sommeraktiviteter');
    expect(minutesCard()).toContain('Vedtaget: 4 for, 0 imod, 0 undlader');
    // One card in the channel, brought up to date; the secretary is shown it as it now stands.
    expect(h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Referat') && p.replyToId === undefined)).toHaveLength(1);
    expect(literal(h!.connector.textOf(lastPost((p) => h!.connector.textOf(p).startsWith('Referat'))))).toContain('Vedtaget: 4 for, 0 imod, 0 undlader');
  });

  it('approved by consent at the next meeting, the minutes hold the vote, though nobody looked again', async () => {
    const { marchId } = await voteAfterFirstLook();
    await h!.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    const [minutes] = await h!.store.listMinutes(marchId);
    expect(minutes?.approvedBy).toBe('consent');
    expect(minutes?.text).toContain('Bestyrelsen bevilger 50.000 kr. til sommeraktiviteter');
  });

  it('the chair\'s *Godkend referat* on a draft the record has outgrown brings it up to date first, and approves nothing yet', async () => {
    const { marchId } = await voteAfterFirstLook();
    // Outgrown without an event that brought it up to date (as a changed board file does): as drafted before the vote.
    const [drafted] = await h!.store.listMinutes(marchId);
    await h!.store.redraftMinutes(drafted!.id, drafted!.text.replace(/Vedtaget: 4 for, 0 imod, 0 undlader/, 'Afstemningen var ikke lukket, da referatet blev skrevet.'), new Date('2027-03-11T13:20:00Z'));
    // Within the first draft's window already: told at once that the card was behind.
    await h!.at('2027-03-12T10:00:00+01:00');
    const res = await act(people.anne, 'minutes.approve', { meetingId: (await h!.store.getMeeting(marchId))!.id });
    expect(res.value).toBe('Referatet er opdateret med det, der er sket, siden udkastet blev skrevet. Læs det igen. Det kan godkendes fra søndag den 14. marts 2027 kl. 10.00, når fristen for indsigelser er udløbet.');
    // Pressed again: nothing new, so only the window.
    expect((await act(people.anne, 'minutes.approve', { meetingId: marchId })).value).toBe('Referatet kan godkendes fra søndag den 14. marts 2027 kl. 10.00, når fristen for indsigelser er udløbet.');
    const [minutes] = await h!.store.listMinutes(marchId);
    expect(minutes?.approvedAt).toBeUndefined();
    expect(minutesCard()).toContain('Vedtaget: 4 for, 0 imod, 0 undlader');
    await h!.at('2027-03-14T10:00:00+01:00');
    expect((await act(people.anne, 'minutes.approve', { meetingId: marchId })).type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await h!.store.listMinutes(marchId))[0]?.approvedBy).toBe(people.anne.aadObjectId);
  });

  it('approved by a decision, the channel is told which minutes were approved', async () => {
    await voteAfterFirstLook();
    await h!.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    expect(h!.connector.posts().map((p) => h!.connector.textOf(p))).toContain('Referatet af mødet torsdag den 11. marts 2027 er godkendt af bestyrelsen ved konsensus.');
  });

  it('a decision to approve minutes already approved changes nothing, and says so', async () => {
    const { marchId } = await voteAfterFirstLook();
    await h!.at('2027-03-14T10:00:00+01:00');
    await act(people.anne, 'minutes.approve', { meetingId: marchId });
    expect((await h!.store.listMinutes(marchId))[0]?.approvedBy).toBe(people.anne.aadObjectId);
    await h!.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    expect(h!.connector.posts().map((p) => h!.connector.textOf(p))).toContain('Referatet af mødet torsdag den 11. marts 2027 var allerede godkendt. Intet er ændret.');
    expect((await h!.store.listMinutes(marchId))[0]?.approvedBy).toBe(people.anne.aadObjectId);
  });

  it('a decision to approve minutes not yet drafted approves nothing, and says so', async () => {
    h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
    await say(people.pia, 'møde 11-03-2027 14:00');
    await say(people.pia, 'møde 10-06-2027 14:00');
    await h.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    expect(h.connector.posts().map((p) => h!.connector.textOf(p))).toContain(
      'Der er endnu intet referat af mødet torsdag den 11. marts 2027, så det er ikke godkendt. Sekretæren skriver »referat 11-03-2027«, og formandskabet godkender det på kortet, når fristen for indsigelser er udløbet.',
    );
  });

  it('R16: an extraordinary meeting between, without minutes: the decision approves the earlier minutes still awaiting approval, and says the other has none yet', async () => {
    h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
    await say(people.pia, 'møde 11-03-2027 14:00');
    await say(people.pia, 'møde 10-06-2027 14:00');
    await h.at('2027-03-11T16:00:00+01:00');
    await say(people.pia, 'referat');
    await say(people.anne, 'ekstraordinært møde 25-03-2027 10:00 Budgetopfølgning');
    const march = (await h.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-03-11T13:00:00.000Z')!;
    await h.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    expect((await h.store.listMinutes(march.id))[0]?.approvedBy).toBe('consent');
    const texts = h.connector.posts().map((p) => h!.connector.textOf(p));
    expect(texts).toContain('Referatet af mødet torsdag den 11. marts 2027 er godkendt af bestyrelsen ved konsensus.');
    expect(texts).toContain(
      'Der er endnu intet referat af mødet torsdag den 25. marts 2027, så det er ikke godkendt. Sekretæren skriver »referat 25-03-2027«, og formandskabet godkender det på kortet, når fristen for indsigelser er udløbet.',
    );
  });

  it('R16: after an ordinary meeting with minutes, the decision approves its minutes alone, not older ones still awaiting approval', async () => {
    h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
    await say(people.pia, 'møde 11-03-2027 14:00');
    await say(people.pia, 'møde 10-06-2027 14:00');
    await say(people.pia, 'møde 09-09-2027 14:00');
    await h.at('2027-03-11T16:00:00+01:00');
    await say(people.pia, 'referat');
    await h.at('2027-06-10T16:00:00+02:00');
    await say(people.pia, 'referat');
    const [march, june] = (await h.store.listMeetings({})).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await h.at('2027-09-09T14:05:00+02:00');
    await approveByConsent();
    expect((await h.store.listMinutes(june!.id)).at(-1)?.approvedBy).toBe('consent');
    expect((await h.store.listMinutes(march!.id)).at(-1)?.approvedAt).toBeUndefined();
  });

  it('R16: past an extraordinary meeting without minutes, minutes once approved and corrected since are not approved by the decision', async () => {
    h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
    await say(people.pia, 'møde 11-03-2027 14:00');
    await say(people.pia, 'møde 10-06-2027 14:00');
    await h.at('2027-03-11T16:00:00+01:00');
    await say(people.pia, 'referat');
    const march = (await h.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-03-11T13:00:00.000Z')!;
    await h.at('2027-03-15T10:00:00+01:00');
    await act(people.anne, 'minutes.approve', { meetingId: march.id });
    expect((await h.store.listMinutes(march.id)).at(-1)?.approvedAt).toBeDefined();
    await say(people.pia, 'ret referat 11-03-2027 Referat af mødet den 11. marts 2027, rettet.');
    expect(await h.store.listMinutes(march.id)).toHaveLength(2);
    await say(people.anne, 'ekstraordinært møde 25-03-2027 10:00 Budgetopfølgning');
    await h.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    expect((await h.store.listMinutes(march.id)).at(-1)?.approvedAt).toBeUndefined();
    expect(h.connector.posts().map((p) => h!.connector.textOf(p)).filter((t) => t.includes('er godkendt af bestyrelsen'))).toEqual([]);
  });

  it('R16, R7: »genoptag« on »Godkendelse af referat« whose minutes are approved is refused, naming why; the minutes stay approved', async () => {
    await voteAfterFirstLook();
    await h!.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    const since = h!.connector.mark();
    await say(people.anne, 'genoptag 2');
    const answer = h!.connector.posts().filter((p) => p.seq >= since).map((p) => h!.connector.textOf(p));
    expect(answer.map(literal)).toContain('Punkt 2 på dagsordenen til mødet torsdag den 10. juni 2027 kan ikke genoptages: det referat, punktet godkendte, kan ikke ændres. Sekretæren kan rette det med »ret referat <dato> <tekst>«; rettelsen bliver en ny version, der skal godkendes. Intet er ændret.');
    expect(await h!.store.listAudit({ action: 'agenda.item-reopened' })).toHaveLength(0);
  });

  it('R16, R7: »genoptag« is refused too when the decision approved minutes past an extraordinary meeting; one that approved nothing (the chair had approved them on the card) may be reopened', async () => {
    h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
    await say(people.pia, 'møde 11-03-2027 14:00');
    await say(people.pia, 'møde 10-06-2027 14:00');
    await say(people.pia, 'møde 09-09-2027 14:00');
    await h.at('2027-03-11T16:00:00+01:00');
    await say(people.pia, 'referat');
    await say(people.anne, 'ekstraordinært møde 25-03-2027 10:00 Budgetopfølgning');
    await h.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    await say(people.anne, 'genoptag 2');
    expect(await h.store.listAudit({ action: 'agenda.item-reopened' })).toHaveLength(0);
    // June: minutes drafted and approved by the chair on the card; September's decision approves nothing, and may be reopened.
    await h.at('2027-06-10T16:00:00+02:00');
    await say(people.pia, 'referat');
    const june = (await h.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-06-10T12:00:00.000Z')!;
    await h.at('2027-06-13T10:00:00+02:00');
    await act(people.anne, 'minutes.approve', { meetingId: june.id });
    expect((await h.store.listMinutes(june.id)).at(-1)?.approvedBy).toBe(people.anne.aadObjectId);
    await h.at('2027-09-09T14:05:00+02:00');
    await approveByConsent();
    await say(people.anne, 'genoptag 2');
    expect(await h.store.listAudit({ action: 'agenda.item-reopened' })).toHaveLength(1);
  });

  it('an agenda sent late, after the first look, is said in the draft at once (agenda.sent touches the record)', async () => {
    h = await startInstalledHarness('2027-03-01T10:00:00+01:00');
    await say(people.pia, 'møde 11-03-2027 14:00');
    // Down over the agenda's deadline and the start: the agenda is not sent when the bot is back.
    await h.at('2027-03-11T14:10:00+01:00');
    await say(people.pia, 'referat');
    expect(minutesCard()).not.toContain('udsendt for sent');
    await say(people.anne, 'udsend dagsorden');
    await h.pass(UPDATE_INTERVAL_MS);
    expect(minutesCard()).toMatch(/Dagsordenen blev udsendt for sent/);
  });

  it('R16: a change to the record after the secretary corrected the draft keeps it from being approved, by the chair or by decision, until she corrects it again; the card and the channel say so', async () => {
    const { marchId } = await voteAfterFirstLook();
    await say(people.pia, 'ret referat 11-03-2027 Mødet blev holdt som planlagt. Afstemningen om sommeraktiviteter blev vedtaget.');
    await h!.at('2027-03-11T16:30:00+01:00');
    await say(people.pia, 'deltager 11-03-2027 Lars Lund');
    const notice = 'Der er registreret ændringer ved mødet torsdag den 11. marts 2027, efter at sekretæren rettede referatet. Sekretæren skal indarbejde dem, før referatet kan godkendes: »tilføj referat 11-03-2027 <tekst>« føjer tekst til, og »ret referat 11-03-2027 <tekst>« erstatter hele teksten.';
    expect(h!.connector.posts().map((p) => literal(h!.connector.textOf(p)))).toContain(notice);
    await h!.pass(UPDATE_INTERVAL_MS);
    expect(minutesCard()).toContain('Der er registreret ændringer, efter at referatet blev rettet. Det kan først godkendes, når sekretæren har rettet det igen.');
    await h!.at('2027-03-14T10:00:00+01:00');
    const refused = await act(people.anne, 'minutes.approve', { meetingId: marchId });
    expect(literal(String(refused.value))).toBe('Referatet kan ikke godkendes endnu: der er registreret ændringer, efter at sekretæren rettede det. Sekretæren indarbejder dem med »tilføj referat <dato> <tekst>« eller »ret referat <dato> <tekst>«. Intet er ændret.');
    expect((await h!.store.listMinutes(marchId))[0]?.approvedAt).toBeUndefined();
    // Nor by the board's decision at the next meeting.
    await h!.at('2027-06-10T14:05:00+02:00');
    await approveByConsent();
    expect((await h!.store.listMinutes(marchId))[0]?.approvedAt).toBeUndefined();
    expect(h!.connector.posts().map((p) => literal(h!.connector.textOf(p)))).toContain(
      'Referatet af mødet torsdag den 11. marts 2027 er ikke godkendt: der er registreret ændringer, efter at sekretæren rettede det. Sekretæren indarbejder dem med »tilføj referat 11-03-2027 <tekst>« eller »ret referat 11-03-2027 <tekst>«, og formandskabet godkender det på kortet, når fristen for indsigelser er udløbet.',
    );
    // Corrected again, it can be approved once its objection window has ended.
    await say(people.pia, 'ret referat 11-03-2027 Mødet blev holdt som planlagt. Lars Lund deltog. Afstemningen om sommeraktiviteter blev vedtaget.');
    await h!.pass(UPDATE_INTERVAL_MS);
    expect(minutesCard()).not.toContain('Der er registreret ændringer');
    await h!.at('2027-06-12T15:00:00+02:00');
    expect((await act(people.anne, 'minutes.approve', { meetingId: marchId })).type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await h!.store.listMinutes(marchId))[0]?.approvedAt).toBeDefined();
  });

  it('R16, R8: a change to the record after the minutes were approved leaves them as approved, and the channel is told how the secretary brings it in: a correction, to be approved', async () => {
    const { marchId } = await voteAfterFirstLook();
    await h!.at('2027-03-14T10:00:00+01:00');
    await act(people.anne, 'minutes.approve', { meetingId: marchId });
    const approved = (await h!.store.listMinutes(marchId))[0]!;
    expect(approved.approvedAt).toBeDefined();
    await say(people.pia, 'deltager 11-03-2027 Lars Lund');
    expect(h!.connector.posts().map((p) => literal(h!.connector.textOf(p)))).toContain(
      'Der er registreret ændringer ved mødet torsdag den 11. marts 2027, efter at referatet blev godkendt. Et godkendt referat ændres ikke; sekretæren kan indføre ændringerne i en ny version, der skal godkendes: »tilføj referat 11-03-2027 <tekst>« føjer tekst til det godkendte referat, og »ret referat 11-03-2027 <tekst>« erstatter hele teksten.',
    );
    expect(await h!.store.listMinutes(marchId)).toEqual([approved]);
  });

  it('R16: a vote closed, or a conclusion decided, on another day than the meeting says when in the minutes; one closed at the meeting does not', async () => {
    const { marchId } = await voteAfterFirstLook();
    await say(people.anne, 'afstemning Bestyrelsen støtter en fælles nytårskur');
    const motionId = idIn(lastPost(isVoteCard), 'motionId');
    await act(people.anne, 'vote.cast', { motionId, choice: 'for' });
    await say(people.anne, 'konklusion 3 Økonomien tages til efterretning.');
    const conclusionId = idIn(lastPost((p) => h!.connector.textOf(p).startsWith('Konklusion')), 'conclusionId');
    // Its deadline (72 hours) closes the vote three days after the meeting, and the chair closes the item then too; the draft follows.
    await h!.at('2027-03-14T15:00:00+01:00');
    await act(people.anne, 'conclusion.close', { conclusionId });
    const text = (await h!.store.listMinutes(marchId))[0]!.text;
    expect(text).toContain('Afstemningen blev afsluttet søndag den 14. marts 2027 kl. 14.20.');
    expect(text.match(/Afstemningen blev afsluttet/g)).toHaveLength(1);
    expect(text).toContain('Afgjort uden indsigelser søndag den 14. marts 2027 kl. 15.00.');
  });

  it('a draft the secretary corrected keeps her text', async () => {
    const { marchId } = await voteAfterFirstLook();
    await say(people.pia, 'ret referat Mødet blev holdt som planlagt.');
    await h!.at('2027-03-11T16:30:00+01:00');
    await say(people.pia, 'referat');
    const [minutes] = await h!.store.listMinutes(marchId);
    expect(minutes?.text).toBe('Mødet blev holdt som planlagt.');
  });
});

describe('ret referat [dato] <tekst> (R16): the minutes it corrects, named', () => {
  const answer = async (who: Person, text: string) => {
    const since = h!.connector.mark();
    await say(who, text);
    return h!.connector.textOf(h!.connector.posts().filter((p) => p.seq >= since && p.replyToId !== undefined).at(-1));
  };

  it('without a date, corrects the last held meeting\'s minutes, says whose, and never lands on an earlier meeting\'s', async () => {
    const { marchId } = await voteAfterFirstLook();
    expect(await answer(people.pia, 'ret referat 14.00 Mødet åbnede.\n11/3 blev budgettet drøftet.')).toBe('Referatet af mødet torsdag den 11. marts 2027 er rettet.');
    // A time or a date that is text, not the meeting's name: kept (as literal Markdown: »14.« would start a list).
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('14\\.00 Mødet åbnede.\n\n11/3 blev budgettet drøftet.');
    // A decimal first is text too.
    expect(await answer(people.pia, 'ret referat 2.75 mio. kr. blev bevilget.')).toBe('Referatet af mødet torsdag den 11. marts 2027 er rettet.');
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('2\\.75 mio. kr. blev bevilget.');
    await answer(people.pia, 'ret referat 14.00 Mødet åbnede.\n11/3 blev budgettet drøftet.');
    // A date that does not exist (a typo) is refused; nothing changes.
    expect(await answer(people.pia, 'ret referat 31-02-2027 Punkt 3 skal lyde: noget.')).toMatch(/^Den dato findes ikke/);
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('14\\.00 Mødet åbnede.\n\n11/3 blev budgettet drøftet.');
    // During the June meeting, before its minutes are drafted: refused, saying how to name March's.
    await h!.at('2027-06-10T14:10:00+02:00');
    expect(literal(await answer(people.pia, 'ret referat Referat af juni-mødet.'))).toBe(
      'Der er intet referat af det seneste møde endnu. Skriv »referat« først. Vil du rette referatet af et tidligere møde, så skriv mødets dato først, fx »ret referat 11-03-2027 <tekst>«.',
    );
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('14\\.00 Mødet åbnede.\n\n11/3 blev budgettet drøftet.');
    expect(await answer(people.pia, 'ret referat 11-03-2027 Punkt 3 skal lyde: Økonomien blev gennemgået.')).toBe('Referatet af mødet torsdag den 11. marts 2027 er rettet.');
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('Punkt 3 skal lyde: Økonomien blev gennemgået.');
  });

  it('with a date, corrects that meeting\'s minutes and leaves the latest alone', async () => {
    const { marchId } = await voteAfterFirstLook();
    await h!.at('2027-06-10T16:00:00+02:00');
    await say(people.pia, 'referat');
    const june = (await h!.store.listMeetings({})).find((m) => m.startsAt.toISOString() === '2027-06-10T12:00:00.000Z')!;
    const juneDraft = (await h!.store.listMinutes(june.id))[0]!.text;
    expect(await answer(people.pia, 'ret referat 11/3 Punkt 3 skal lyde: Økonomien blev gennemgået.')).toBe('Referatet af mødet torsdag den 11. marts 2027 er rettet.');
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('Punkt 3 skal lyde: Økonomien blev gennemgået.');
    expect((await h!.store.listMinutes(june.id))[0]?.text).toBe(juneDraft);
    // A date with no meeting held on it changes nothing.
    expect(await answer(people.pia, 'ret referat 12/3 Noget.')).toMatch(/^Der (var|er) (intet|ikke noget) møde/);
    expect((await h!.store.listMinutes(marchId))[0]?.text).toBe('Punkt 3 skal lyde: Økonomien blev gennemgået.');
  });
});
