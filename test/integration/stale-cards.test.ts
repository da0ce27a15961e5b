/**
 * Old cards pressed from a phone, long after (an audit of the cards): a button on a card
 * whose state has moved on does not rewrite the record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const say = async (who: Person, text: string) => void (await h!.send(channelMessage(h!.connector.url, who, text)));
const press = async (who: Person, verb: string, data: Record<string, unknown>) => (await h!.send(cardAction(h!.connector.url, who, verb, data))).body as { value: unknown };
const lastCard = (start: string) => h!.connector.posts().filter((p) => h!.connector.textOf(p).startsWith(start)).at(-1)!;
const idIn = (post: unknown, key: string) => new RegExp(`"${key}":"([^"]+)"`).exec(JSON.stringify(post))![1]!;

/** Item 5 »Budget« on the sent agenda of 26 November, and at its meeting the chair's conclusion on it: its card and id. */
async function concludedAtTheMeeting(): Promise<{ card: ReturnType<typeof lastCard>; conclusionId: string }> {
  h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
  await say(people.pia, 'møde 26-11-2026 14:00');
  await say(people.pia, 'punkt 26-11-2026 Budget beslutning');
  await say(people.anne, 'udsend dagsorden');
  await h.at('2026-11-26T14:05:00+01:00');
  await say(people.anne, 'konklusion 5 Budgettet godkendes.');
  const card = lastCard('Konklusion');
  return { card, conclusionId: idIn(card, 'conclusionId') };
}

/** Lars objects; the chair puts it to a vote, in which `voters` vote for and `against` against, and closes it. The vote's card and id. */
async function votedOn(conclusionId: string, voters: readonly Person[], against: readonly Person[] = []): Promise<{ vote: ReturnType<typeof lastCard>; motionId: string }> {
  await press(people.lars, 'conclusion.object', { conclusionId });
  await press(people.anne, 'conclusion.vote', { conclusionId });
  const vote = lastCard('Afstemning');
  const motionId = idIn(vote, 'motionId');
  for (const voter of voters) await press(voter, 'vote.cast', { motionId, choice: 'for' });
  for (const voter of against) await press(voter, 'vote.cast', { motionId, choice: 'against' });
  await press(people.anne, 'vote.close', { motionId, confirm: true });
  return { vote, motionId };
}

describe('R13: a draft agenda card\'s »Udsend dagsorden« after its meeting', () => {
  it('R13: is refused once the meeting\'s day is over; the record keeps »ikke udsendt«', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    const [meeting] = await h.store.listMeetings({});
    // The bot is down across the deadline and the meeting: the agenda is never sent.
    await h.restart('2026-12-20T10:00:00+01:00');
    expect((await h.store.getMeeting(meeting!.id))?.agendaSentAt).toBeUndefined();
    const answer = await press(people.anne, 'agenda.send', { meetingId: meeting!.id });
    expect(JSON.stringify(answer.value)).toContain('Mødet er holdt, så dagsordenen udsendes ikke længere.');
    expect((await h.store.getMeeting(meeting!.id))?.agendaSentAt).toBeUndefined();
  });

  it('R13: on the meeting\'s own day it may still be sent by hand, marked late', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    const [meeting] = await h.store.listMeetings({});
    await h.restart('2026-11-26T15:00:00+01:00');
    await press(people.anne, 'agenda.send', { meetingId: meeting!.id });
    const sent = await h.store.getMeeting(meeting!.id);
    expect(sent?.agendaSentAt).toBeDefined();
    expect(sent?.agendaLate).toBe(true);
  });
});

describe('R16: *Godkend referat* on a copy of the minutes showing an older text', () => {
  it('R16: is refused, saying the minutes were corrected since; the text the channel\'s card shows is approved from it', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await h.at('2026-11-26T16:00:00+01:00');
    await say(people.pia, 'referat');
    // Asked by the chair: a copy answered in the thread, which is not kept up to date.
    const copy = channelMessage(h.connector.url, people.anne, 'referat');
    await h.send(copy);
    const thread = h.connector.posts().find((p) => p.replyToId === copy.id)!;
    const approveData = (p: unknown) => JSON.parse(/"verb":"minutes\.approve"[^}]*"data":(\{[^}]*\})/.exec(JSON.stringify(p))![1]!) as Record<string, unknown>;
    const stale = approveData(thread);
    await say(people.pia, 'ret referat 26-11-2026 Endnu nyere tekst: alt sælges.');
    await h.at('2026-11-29T11:00:00+01:00');
    const refused = await press(people.anne, 'minutes.approve', stale);
    expect(refused.value).toBe('Referatet er rettet, siden dette kort blev vist. Læs den gældende udgave på referatkortet i kanalen, og godkend den dér. Intet er ændret.');
    const [meeting] = await h.store.listMeetings({});
    expect((await h.store.listMinutes(meeting!.id)).at(-1)?.approvedAt).toBeUndefined();
    // The channel's card shows the corrected text: approved from it.
    const root = h.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Referat') && p.replyToId === undefined).at(-1)!;
    await press(people.anne, 'minutes.approve', approveData(h.connector.message(root.id)!.activity));
    expect((await h.store.listMinutes(meeting!.id)).at(-1)?.approvedAt).toBeDefined();
  });

  it('R16: a copy of a draft the bot has since brought up to date from the record (nobody corrected it) is refused saying so, not that it was corrected', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await h.at('2026-11-26T14:10:00+01:00');
    await say(people.anne, 'afstemning Bestyrelsen støtter en fælles nytårskur');
    await h.at('2026-11-26T16:00:00+01:00');
    await say(people.pia, 'referat');
    const copy = channelMessage(h.connector.url, people.anne, 'referat');
    await h.send(copy);
    const stale = JSON.parse(/"verb":"minutes\.approve"[^}]*"data":(\{[^}]*\})/.exec(JSON.stringify(h.connector.posts().find((p) => p.replyToId === copy.id)))![1]!) as Record<string, unknown>;
    // The vote closes at its deadline, three days later: the draft follows the record.
    await h.at('2026-11-29T14:10:00+01:00');
    await h.at('2026-12-03T11:00:00+01:00');
    const refused = await press(people.anne, 'minutes.approve', stale);
    expect(refused.value).toBe('Referatet er opdateret med det, der er sket, siden dette kort blev vist. Læs den gældende udgave på referatkortet i kanalen, og godkend den dér. Intet er ændret.');
  });
});

describe('R8, R7: long texts typed on a card', () => {
  it('R8: a dissent of 5,001 characters is refused naming the limit, not as an action that could not be read; the conclusion card after its vote says how it was decided', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    const long = await press(people.lars, 'conclusion.dissent', { conclusionId, text: 'x'.repeat(5001) });
    expect(long.value).toBe('Særstandpunktet er for langt (højst 2000 tegn). Forkort det, og prøv igen. Intet er gemt.');
    // An objection, the vote on it, five organisations for, closed by the chair: the card says the vote decided it.
    await votedOn(conclusionId, [people.anne, people.birgitte, people.henrik, people.mette, people.lars, people.soeren]);
    await h!.at('2026-11-26T14:10:00+01:00');
    const text = h!.connector.textOf(h!.connector.message(card.id)!.activity);
    expect(text).toContain('Afgjort ved afstemning: vedtaget.');
    expect(text).not.toContain('Sat til afstemning.');
  });
});

describe('R7, R18: `genoptag` and the cards of the decision it reopens', () => {
  it('R18: the conclusion card and the card of the vote on it say the decision no longer stands', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    const { vote } = await votedOn(conclusionId, [people.anne, people.birgitte, people.henrik, people.lars]);
    await h!.at('2026-11-26T14:10:00+01:00');
    expect(h!.connector.textOf(h!.connector.message(vote.id)!.activity)).toContain('Vedtaget');
    await say(people.anne, 'genoptag 5');
    await h!.at('2026-11-26T14:15:00+01:00');
    expect(h!.connector.textOf(h!.connector.message(vote.id)!.activity)).toContain('Punktet blev genoptaget torsdag den 26. november 2026 kl.\u00a014.10; afgørelsen gælder ikke længere.');
    const conclusionText = h!.connector.textOf(h!.connector.message(card.id)!.activity);
    expect(conclusionText).toContain('Punktet blev genoptaget torsdag den 26. november 2026 kl.\u00a014.10; afgørelsen gælder ikke længere.');
    // How it was decided stays, with the reopening after it.
    expect(conclusionText).toContain('Afgjort ved afstemning: vedtaget.');
  });
});

describe('R16: *Godkend referat* on the channel\'s card of minutes too long for Teams (cut to fit)', () => {
  it('R16: approves them: the card stands for the whole text, which its link gives', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say(people.pia, 'møde 26-11-2026 14:00');
    await h.at('2026-11-26T16:00:00+01:00');
    await say(people.pia, 'referat');
    const long = Array.from({ length: 240 }, (_, i) => `Afsnit ${i + 1}: ${'Bestyrelsen drøftede sagen grundigt. '.repeat(6)}`).join('\n\n');
    await say(people.pia, `ret referat 26-11-2026 ${long}`);
    await h.at('2026-11-29T11:00:00+01:00');
    const root = h.connector.posts().filter((p) => h!.connector.textOf(p).startsWith('Referat') && p.replyToId === undefined).at(-1)!;
    const card = h.connector.message(root.id)!.activity;
    const data = JSON.parse(/"verb":"minutes\.approve"[^}]*"data":(\{[^}]*\})/.exec(JSON.stringify(card))![1]!) as Record<string, unknown>;
    await press(people.anne, 'minutes.approve', data);
    const [meeting] = await h.store.listMeetings({});
    const latest = (await h.store.listMinutes(meeting!.id)).at(-1)!;
    expect(latest.text.length).toBeGreaterThan(40_000);
    expect(latest.approvedAt).toBeDefined();
  });
});

describe('R7, R8: the conclusion card after the vote on it, on a later update', () => {
  it('R7, R8: its old Særstandpunkt pressed after the vote is refused (the dissent goes on the vote\'s card), and the card still says how the vote decided it', async () => {
    const { card, conclusionId } = await concludedAtTheMeeting();
    const { motionId } = await votedOn(conclusionId, [people.anne, people.birgitte, people.henrik, people.mette], [people.lars]);
    const refused = await press(people.lars, 'conclusion.dissent', { conclusionId, text: 'BoligKorsør kan ikke bære sin andel.' });
    expect(String(refused.value)).toMatch(/^Konklusionen er sat til afstemning/);
    await press(people.lars, 'vote.dissent', { motionId, text: 'BoligKorsør kan ikke bære sin andel.' });
    await h!.at('2026-11-26T14:10:00+01:00');
    const text = h!.connector.textOf(h!.connector.message(card.id)!.activity);
    expect(text).toContain('Afgjort ved afstemning: vedtaget.');
    expect(text).not.toContain('Sat til afstemning.');
    expect((await h!.store.listDissents({ motionId })).map((d) => d.text)).toEqual(['BoligKorsør kan ikke bære sin andel.']);
  });
});
