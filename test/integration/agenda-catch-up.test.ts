/**
 * R13 and the README's guarantee (what fell due while the bot was down is done on the next
 * start, marked late where lateness matters): the agenda and the day-before reminder caught
 * up after an outage, each on its own store, the bot in process (app-harness.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { ask, startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';

let bot: Harness | undefined;
let connector: FakeConnector;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function start(clockStart: string): Promise<void> {
  ({ connector, bot } = await startInstalledBoard(clockStart));
}

/** A post's card: its actions with their data. */
const cardOf = (p: PostedActivity) => (p.attachments as { content: { actions?: { verb?: string; data?: { taskId?: string } }[] } }[] | undefined)?.[0]?.content;

const say = async (text: string) => connector.textOf(await ask(bot!, connector, people.pia, text));
/** A post carrying the whole agenda (its card), wherever it went. */
const carriesAgenda = (p: PostedActivity) => /(^|\n)Dagsorden\s*\n/.test(`\n${connector.textOf(p)}`) && connector.textOf(p).includes('Godkendelse af dagsorden');
const channelAgendas = (date: string) => connector.posts().filter((p) => p.conversationId === CHANNEL_ID && carriesAgenda(p) && connector.textOf(p).includes(date));

describe('the day-before reminder caught up with its agenda (R13)', () => {
  it('R13: the agenda and the reminder both due at one start: the agenda is posted once, the reminder goes in its thread', async () => {
    await start('2026-12-15T10:00:00+01:00');
    expect(await say('møde 05-01-2027 14:00')).toMatch(/^Ordinært møde er planlagt tirsdag den 5\. januar 2027 kl\. 14\.00/);
    expect(await say('punkt Lokaleplan 2027 drøftelse')).toMatch(/^Punkt \d+ »Lokaleplan 2027«/);
    await bot!.at('2026-12-20T10:00:00+01:00');
    // Down from here until the day before the meeting: the agenda (due 31 December) and the reminder (4 January) both fell due.
    await bot!.restart('2027-01-04T10:00:00Z');
    const agendas = channelAgendas('5. januar 2027');
    expect(agendas).toHaveLength(1);
    expect(connector.textOf(agendas[0]!)).toContain('Udsendt for sent');
    // The whole agenda went out once: no other post, in the channel or a thread, carries it.
    expect(connector.posts().filter((p) => carriesAgenda(p) && connector.textOf(p).includes('Lokaleplan 2027'))).toHaveLength(1);
    const reminders = connector.posts().filter((p) => connector.textOf(p).startsWith('Påmindelse: ordinært møde'));
    expect(reminders.map((p) => connector.textOf(p))).toEqual(['Påmindelse: ordinært møde i morgen, tirsdag den 5. januar 2027 kl. 14.00. Dagsordenen står herover.']);
    expect(reminders[0]!.conversationId).toBe(`${CHANNEL_ID};messageid=${agendas[0]!.id}`);
  });

  it('R13: a day-before reminder caught up on the meeting day says »i dag«, not »i morgen« (the day in the board\'s zone)', async () => {
    await start('2026-12-15T10:00:00+01:00');
    await say('møde 05-01-2027 14:00');
    await bot!.at('2026-12-31T09:00:30+01:00');
    const agenda = channelAgendas('5. januar 2027')[0]!;
    expect(connector.textOf(agenda)).not.toContain('Udsendt for sent');
    await bot!.at('2027-01-03T10:00:00Z');
    await bot!.restart('2027-01-05T10:00:00Z');
    const reminders = connector.posts().filter((p) => connector.textOf(p).startsWith('Påmindelse: ordinært møde'));
    expect(reminders.map((p) => connector.textOf(p))).toEqual(['Påmindelse: ordinært møde i dag, tirsdag den 5. januar 2027 kl. 14.00. Dagsordenen står herover.']);
    expect(reminders[0]!.conversationId).toBe(`${CHANNEL_ID};messageid=${agenda.id}`);
  });
});

describe('a notice under an agenda not yet posted (R12)', () => {
  it('R12: an item added while the agenda waits in the outbox (Teams answered 429): its notice goes in the agenda\'s thread once the agenda is posted', async () => {
    await start('2026-12-15T10:00:00+01:00');
    await say('møde 05-01-2027 14:00');
    await bot!.at('2026-12-30T10:00:00+01:00'); // the reminder to prepare the agenda is out
    // The agenda falls due and Teams refuses its post (the connector client's own retries too): it waits in the outbox for its retry.
    connector.failNext(4, 429, { 'Retry-After': '0' });
    await bot!.at('2026-12-31T09:00:30+01:00');
    expect(channelAgendas('5. januar 2027')).toEqual([]);
    expect(await say('punkt Ny legeplads drøftelse')).toMatch(/^Punkt \d+ »Ny legeplads«/);
    // The retry: the agenda, then the notice under it (not a loose post in the channel).
    await bot!.pass(60_000);
    const agenda = channelAgendas('5. januar 2027')[0]!;
    const notices = connector.posts().filter((p) => connector.textOf(p).includes('er tilføjet dagsordenen efter udsendelse'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.conversationId).toBe(`${CHANNEL_ID};messageid=${agenda.id}`);
  });
});

describe('an agenda caught up after its meeting (R13)', () => {
  it('R13: an outage across the meeting: its agenda is not posted after the meeting began; the record says why', async () => {
    await start('2026-12-15T10:00:00+01:00');
    expect(await say('møde 11-01-2027 14:00')).toMatch(/^Ordinært møde er planlagt mandag den 11\. januar 2027 kl\. 14\.00/);
    await bot!.at('2026-12-20T10:00:00+01:00');
    await bot!.restart('2027-01-12T10:00:00+01:00');
    await say('hjælp'); // the catch-up ran before the bot answered
    expect(channelAgendas('11. januar 2027')).toEqual([]);
    expect(connector.posts().filter((p) => connector.textOf(p).includes('Udsendt for sent'))).toEqual([]);
    const skipped = await bot!.store.listAudit({ action: 'agenda.not-sent' });
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ actor: 'system', data: { reason: 'meeting-begun' } });
    // The job is done: a later start does not try again.
    await bot!.restart('2027-01-12T11:00:00+01:00');
    expect(await bot!.store.listAudit({ action: 'agenda.not-sent' })).toHaveLength(1);
  });

  it('R13, R16, R18: a meeting held whose agenda was never sent: its minutes say so, status counts it on a line of its own and marks it; a meeting not yet begun is not', async () => {
    await start('2026-12-15T10:00:00+01:00');
    await say('møde 11-01-2027 14:00');
    await bot!.at('2026-12-20T10:00:00+01:00');
    // Down across the deadline and the meeting: the agenda is never sent.
    await bot!.restart('2027-01-12T10:00:00+01:00');
    expect(await say('møde 12-01-2027 15:00')).toMatch(/^Ordinært møde er indkaldt tirsdag den 12\. januar 2027 kl\. 15\.00/);
    const since = connector.mark();
    await bot!.send(channelMessage(connector.url, people.pia, 'referat 11-01-2027'));
    const minutes = connector.textOf(await connector.waitForPost((p) => connector.textOf(p).startsWith('Referat'), { since }));
    expect(minutes).toContain('Dagsordenen blev ikke udsendt.');
    expect(minutes).not.toContain('udsendt for sent');
    for (const command of ['status', 'status 01-01-2027 31-01-2027']) {
      const status = await say(command);
      expect(status).toContain('Møder holdt: 1');
      expect(status).toContain('- Ordinært møde mandag den 11. januar 2027 kl. 14.00 (dagsorden ikke udsendt)');
      expect(status).toContain('Dagsordener udsendt for sent: 0');
      expect(status).toContain('Dagsordener ikke udsendt: 1');
      // Today's meeting at 15.00 has not begun: neither held nor marked.
      expect(status).not.toContain('12. januar 2027 kl. 15.00');
    }
  });

  it('R13: an agenda never sent keeps the items it had at the catch-up: a task done later neither drops »Opfølgning på opgaver« nor renumbers the items after it', async () => {
    await start('2026-12-15T10:00:00+01:00');
    await say('møde 11-01-2027 14:00');
    const since = connector.mark();
    await bot!.send(channelMessage(connector.url, people.pia, 'opgave 05-01-2027 Birgitte: Indhent tilbud på vinduer'));
    const taskCard = await connector.waitForPost((p) => cardOf(p)?.actions?.some((a) => a.verb === 'task.done') === true, { since });
    const taskId = cardOf(taskCard)!.actions!.find((a) => a.verb === 'task.done')!.data!.taskId!;
    await bot!.at('2026-12-20T10:00:00+01:00');
    // Down across the deadline and the meeting: the agenda is never sent; the task is overdue at the catch-up.
    await bot!.restart('2027-01-12T10:00:00+01:00');
    const before = await say('dagsorden 11-01-2027');
    expect(before).toMatch(/\d+\\\. Opfølgning på opgaver/);
    // R13: its deadline passed unsent: the agenda says so, not when it will go out.
    expect(before).toContain('Ikke udsendt. Fristen for udsendelse var onsdag den 6. januar 2027 kl. 09.00.');
    expect(before).not.toContain('Udsendes senest');
    // The task is done after the meeting: the agenda of the meeting held stays as it was.
    await bot!.send(cardAction(connector.url, people.birgitte, 'task.done', { taskId }, { replyToId: taskCard.id }));
    const after = await say('dagsorden 11-01-2027');
    const numbered = (text: string) => text.split('\n').filter((line) => /^\d+\\\. /.test(line.trim())).map((line) => line.trim().replace(/ –.*$/, ''));
    expect(numbered(after)).toEqual(numbered(before));
  });

  it('R13, R10: an agenda never sent stays as it stood after later restarts; a meeting planned after it in December does not take up its »Mødedatoer for det kommende år« a second time', async () => {
    await start('2027-11-20T10:00:00+01:00');
    await say('møde 01-12-2027 14:00');
    await bot!.at('2027-11-22T10:00:00+01:00');
    // Down across the deadline and the meeting: the catch-up fixes the agenda with the year's last meeting's item.
    await bot!.restart('2027-12-02T10:00:00+01:00');
    const before = await say('dagsorden 01-12-2027');
    expect(before).toContain('Mødedatoer for det kommende år');
    await say('møde 15-12-2027 14:00');
    expect(await say('dagsorden 15-12-2027')).not.toContain('Mødedatoer for det kommende år');
    await bot!.restart('2027-12-03T10:00:00+01:00');
    expect(await say('dagsorden 01-12-2027')).toBe(before);
    expect(await say('dagsorden 15-12-2027')).not.toContain('Mødedatoer for det kommende år');
  });

  it('R13: on the meeting day, after it began, the chair can still send its agenda by hand; it is marked late', async () => {
    await start('2026-12-15T10:00:00+01:00');
    await say('møde 11-01-2027 14:00');
    await bot!.at('2026-12-20T10:00:00+01:00');
    await bot!.restart('2027-01-11T15:00:00+01:00');
    expect(channelAgendas('11. januar 2027')).toEqual([]);
    const since = connector.mark();
    await bot!.send(channelMessage(connector.url, people.anne, 'udsend dagsorden'));
    await connector.waitForPost((p) => p.conversationId === CHANNEL_ID && carriesAgenda(p), { since });
    const agendas = channelAgendas('11. januar 2027');
    expect(agendas).toHaveLength(1);
    expect(connector.textOf(agendas[0]!)).toContain('Udsendt for sent');
  });
});

describe('a meeting cancelled after its agenda went out (R13)', () => {
  it('R13: the posted agenda is updated to say the meeting is cancelled; its calendar button removes it, and it can no longer be sent', async () => {
    await start('2027-02-01T10:00:00+01:00');
    await say('møde 18-02-2027 14:00');
    await bot!.at('2027-02-13T09:00:30+01:00');
    const agenda = channelAgendas('18. februar 2027')[0]!;
    expect(JSON.stringify(agenda.attachments)).toContain('Føj til kalender');
    await bot!.at('2027-02-14T10:00:00+01:00');
    const since = connector.mark();
    await bot!.send(channelMessage(connector.url, people.karsten, 'aflys møde 18-02-2027'));
    await connector.waitForPost((p) => connector.textOf(p).startsWith('Ordinært møde torsdag den 18. februar 2027 kl. 14.00 er aflyst.'), { since });
    await bot!.pass(60_000);
    const updated = connector.message(agenda.id)!.activity;
    expect(connector.textOf(updated)).toContain('Mødet er aflyst.');
    expect(JSON.stringify(updated.attachments)).toContain('Fjern fra kalender');
    expect(JSON.stringify(updated.attachments)).not.toContain('Føj til kalender');
  });
});

describe('a meeting that has begun is not cancelled once its record has begun (R9, R16)', () => {
  it('R16: »aflys møde« on a meeting begun with an attendee, or held, is refused, changing nothing: its record stays', async () => {
    await start('2027-03-01T10:00:00+01:00');
    await say('møde 04-03-2027 14:00');
    await bot!.at('2027-03-04T14:30:00+01:00');
    await say('deltager Lars Lund');
    expect(await say('aflys møde 04-03-2027')).toContain('Der er registreret deltagere i mødet, så det står som afholdt og kan ikke aflyses.');
    await bot!.at('2027-04-04T10:00:00+02:00');
    expect(await say('aflys møde 04-03-2027')).toBe('Mødedagen er forbi, så mødet står som afholdt og kan ikke længere aflyses. Intet er ændret.');
    expect((await bot!.store.listMeetings({ status: 'planned' })).map((m) => m.startsAt.toISOString())).toEqual(['2027-03-04T13:00:00.000Z']);
  });
});
