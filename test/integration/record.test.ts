/**
 * The board's record stays true (issue 10): frozen agendas, item commands that name their
 * meeting, an extraordinary meeting's subject on its agenda, one decision per item, and R7's
 * in-meeting conclusions — over HTTP, in process (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { ask } from '../support/conversation.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { UPDATE_INTERVAL_MS } from '../../src/store/ports/queues.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function board(clockStart: string): Promise<Harness> {
  h = await startInstalledHarness(clockStart);
  return h;
}

const say = async (bot: Harness, from: Person, text: string) => bot.connector.textOf(await ask(bot, bot.connector, from, text));
/** A command whose effect is a card in the channel, not an answer in the thread. */
const act = async (bot: Harness, from: Person, text: string) => void (await bot.send(channelMessage(bot.connector.url, from, text)));
const isCard = (p: PostedActivity, kind: string) => JSON.stringify(p.attachments ?? []).includes(kind);
/** The agenda card's numbered lines as the message now shows them. */
function agendaLines(bot: Harness, messageId: string): string[] {
  const state = bot.connector.message(messageId)!;
  return bot.connector.textOf(state.activity).split('\n').filter((l) => /^\d+\\?\. /.test(l));
}
const lastPost = (bot: Harness, predicate: (p: PostedActivity) => boolean) => bot.connector.posts().filter(predicate).at(-1)!;

describe('stored, frozen agendas (issue 10, point 1; R12, R13)', () => {
  it('R13: the sent agenda keeps its numbers and titles when another meeting is planned, and konklusion <n> acts on the item the card shows as <n>', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Strategi for unge beslutning');
    await act(bot, people.pia, 'udsend dagsorden');
    const agenda = lastPost(bot, (p) => isCard(p, 'Dagsorden'));
    const before = agendaLines(bot, agenda.id);
    expect(before).toEqual([
      '1\\. Godkendelse af dagsorden (til beslutning)',
      '2\\. Godkendelse af referat fra sidste møde (til beslutning)',
      '3\\. Økonomi (til orientering)',
      '4\\. Årlig opfølgning på indikatorer i LBF-portalen og målopfyldelse i den strategiske aftale (til drøftelse)',
      '5\\. Strategi for unge (til beslutning)',
      '6\\. Mødedatoer for det kommende år (til beslutning)',
      '7\\. Eventuelt (til orientering)',
    ]);

    // A later meeting of the same year would now be the year's last: the sent agenda does not move.
    await say(bot, people.pia, 'møde 17-12-2026 kl. 14');
    expect(agendaLines(bot, agenda.id)).toEqual(before);
    const shown = await ask(bot, bot.connector, people.lars, 'dagsorden 10-12-2026');
    expect(bot.connector.textOf(shown).split('\n').filter((l) => /^\d+\\?\. /.test(l))).toEqual(before);
    // R10: next year's dates went out with the 10th: the draft of the 17th does not carry them too.
    const draft = bot.connector.textOf(await ask(bot, bot.connector, people.lars, 'dagsorden 17-12-2026'));
    expect(draft).not.toContain('Mødedatoer for det kommende år');

    await act(bot, people.anne, 'konklusion 6 Datoerne for 2027 fastlægges ved afstemning i januar.');
    const conclusion = lastPost(bot, (p) => isCard(p, 'Datoerne for 2027'));
    expect(bot.connector.textOf(conclusion)).toContain('Punkt 6. Mødedatoer for det kommende år – dagsordenen til mødet torsdag den 10. december 2026');
  });

  it('an item added after sending is appended with the next number, marked on the card, the card updated and a notice posted under it', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await act(bot, people.pia, 'udsend dagsorden');
    const agenda = lastPost(bot, (p) => isCard(p, 'Dagsorden'));
    expect(agendaLines(bot, agenda.id)).toHaveLength(6);

    const answer = await say(bot, people.anne, 'punkt Nyt tag på Slotsgade beslutning');
    expect(answer).toBe(
      'Punkt 7 »Nyt tag på Slotsgade« (til beslutning) er tilføjet dagsordenen til mødet torsdag den 10. december 2026 efter udsendelse. Den udsendte dagsorden er opdateret, og bestyrelsen har fået besked i dens tråd.',
    );
    const text = bot.connector.textOf(bot.connector.message(agenda.id)!.activity);
    expect(agendaLines(bot, agenda.id).at(-1)).toBe('7\\. Nyt tag på Slotsgade (til beslutning)');
    expect(text).toContain('7\\. Nyt tag på Slotsgade (til beslutning)\nTilføjet efter udsendelse');
    // Numbers before it are unchanged: Eventuelt stays 6.
    expect(agendaLines(bot, agenda.id)[5]).toBe('6\\. Eventuelt (til orientering)');
    const notice = lastPost(bot, (p) => bot.connector.textOf(p).includes('er tilføjet dagsordenen efter udsendelse'));
    expect(notice.conversationId).toBe(`${agenda.conversationId.split(';')[0]};messageid=${agenda.id}`);
    expect(bot.connector.textOf(notice)).toBe('Punkt 7 »Nyt tag på Slotsgade« (til beslutning) er tilføjet dagsordenen efter udsendelse. Dagsordenen herover er opdateret.');
    // The minutes mark it too.
    await bot.at('2026-12-10T17:00:00+01:00');
    await act(bot, people.pia, 'referat');
    const minutes = bot.connector.textOf(lastPost(bot, (p) => bot.connector.textOf(p).startsWith('Referat')));
    expect(minutes).toContain('**7. Nyt tag på Slotsgade** (til beslutning) – Tilføjet efter udsendelse');
  });
});

describe('item commands name their meeting (issue 10, point 2)', () => {
  it('punkt <dato> reaches a meeting that is not the next; bilag, afstemning and konklusion take a date too; answers name the meeting', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.anne, 'ekstraordinært møde 03-12-2026 kl. 14 Nyt tag');
    expect(await say(bot, people.pia, 'punkt 10-12-2026 Budget 2027 beslutning')).toBe(
      'Punkt 5 »Budget 2027« (til beslutning) er sat på dagsordenen til mødet torsdag den 10. december 2026.',
    );
    // Without a date: the next meeting, the extraordinary one, named in the answer.
    expect(await say(bot, people.pia, 'punkt Tagets pris orientering')).toBe(
      'Punkt 5 »Tagets pris« (til orientering) er sat på dagsordenen til mødet torsdag den 3. december 2026.',
    );
    expect(await say(bot, people.pia, 'bilag 10-12-2026 5 https://intranet.example.dk/budget.pdf Budget')).toBe(
      'Bilaget er tilføjet punkt 5 »Budget 2027« på dagsordenen til mødet torsdag den 10. december 2026.',
    );
    await act(bot, people.anne, 'afstemning 10-12-2026 5');
    const vote = lastPost(bot, (p) => isCard(p, 'vote.cast'));
    expect(bot.connector.textOf(vote)).toContain('Punkt »Budget 2027« – dagsordenen til mødet torsdag den 10. december 2026');
    expect(await say(bot, people.pia, 'punkt 24-12-2026 Jul')).toBe('Der er intet møde torsdag den 24. december 2026.');
  });
});

describe('an extraordinary meeting\'s subject (issue 10, point 3; R11)', () => {
  it('R11: the subject is an item til beslutning right after the standing opening items', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.anne, 'ekstraordinært møde 03-12-2026 kl. 14 Salg af Slotsgade 4');
    const lines = bot.connector.textOf(await ask(bot, bot.connector, people.lars, 'dagsorden 03-12-2026')).split('\n').filter((l) => /^\d+\\?\. /.test(l));
    expect(lines).toEqual([
      '1\\. Godkendelse af dagsorden (til beslutning)',
      '2\\. Godkendelse af referat fra sidste møde (til beslutning)',
      '3\\. Økonomi (til orientering)',
      '4\\. Salg af Slotsgade 4 (til beslutning)',
      '5\\. Eventuelt (til orientering)',
    ]);
  });
});

describe('one decision per item (issue 10, point 4; R7)', () => {
  it('R7: a vote on a decided item is refused naming the decision; genoptag reopens it (audited); a vote from a conclusion shows the item and the conclusion card its outcome', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Strategi for unge beslutning');
    await act(bot, people.anne, 'konklusion 5 Strategien vedtages.');
    const card = lastPost(bot, (p) => isCard(p, 'Strategien vedtages.'));
    const conclusionId = /"conclusionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    // An objection, then a formal vote on the conclusion.
    await bot.send(cardAction(bot.connector.url, people.henrik, 'conclusion.object', { conclusionId }, { replyToId: card.id }));
    await bot.send(cardAction(bot.connector.url, people.anne, 'conclusion.vote', { conclusionId }, { replyToId: card.id }));
    const vote = lastPost(bot, (p) => isCard(p, 'vote.cast'));
    expect(bot.connector.textOf(vote)).toContain('Punkt »Strategi for unge« – dagsordenen til mødet torsdag den 10. december 2026');
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(vote))![1]!;
    for (const p of [people.anne, people.karsten, people.birgitte, people.henrik, people.mette, people.lars]) {
      await bot.send(cardAction(bot.connector.url, p, 'vote.cast', { motionId, choice: p === people.henrik ? 'against' : 'for' }, { replyToId: vote.id }));
    }
    await bot.pass(UPDATE_INTERVAL_MS); // the conclusion card's newest state goes out once its second has passed
    expect(bot.connector.textOf(bot.connector.message(card.id)!.activity)).toContain('Afstemningen er lukket. Vedtaget: 5 for, 1 imod, 0 undlader');

    expect(await say(bot, people.anne, 'afstemning 5')).toBe(
      'Punkt 5. Strategi for unge – dagsordenen til mødet torsdag den 10. december 2026: Punktet er allerede afgjort ved afstemning: Vedtaget: 5 for, 1 imod, 0 undlader. Formandskabet kan genoptage punktet med »genoptag 5«.',
    );
    expect(await say(bot, people.anne, 'konklusion 5 Noget andet')).toContain('er allerede afgjort ved afstemning');
    expect(await say(bot, people.henrik, 'genoptag 5')).toContain('formandskabet');
    expect(await say(bot, people.anne, 'genoptag 5')).toBe(
      'Punkt 5. Strategi for unge – dagsordenen til mødet torsdag den 10. december 2026 er genoptaget. Der kan nu træffes en ny beslutning om punktet; den tidligere står fortsat i referatet.',
    );
    expect(await bot.store.listAudit({ action: 'agenda.item-reopened' })).toHaveLength(1);
    await act(bot, people.anne, 'afstemning 5');
    expect(bot.connector.posts().filter((p) => isCard(p, 'vote.cast'))).toHaveLength(2);
  });

  it('R7: while a vote or a conclusion on an item is open, a second one on it is refused, naming the open one', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Strategi for unge beslutning');
    const heading = 'Punkt 5. Strategi for unge – dagsordenen til mødet torsdag den 10. december 2026';
    await act(bot, people.anne, 'konklusion 5 Strategien vedtages.');
    expect(await say(bot, people.anne, 'afstemning 5')).toBe(
      `${heading} har allerede en åben konklusion: »Strategien vedtages.«. Der kan ikke gives en ny konklusion eller åbnes en afstemning på punktet, før den er afsluttet eller sat til afstemning.`,
    );
    expect(await say(bot, people.anne, 'konklusion 5 Noget andet')).toContain('har allerede en åben konklusion');
    expect(bot.connector.posts().filter((p) => isCard(p, 'vote.cast'))).toHaveLength(0);

    // An objection puts the conclusion to a formal vote: that vote is now the one under way.
    const card = lastPost(bot, (p) => isCard(p, 'Strategien vedtages.'));
    const conclusionId = /"conclusionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    await bot.send(cardAction(bot.connector.url, people.henrik, 'conclusion.object', { conclusionId }, { replyToId: card.id }));
    await bot.send(cardAction(bot.connector.url, people.anne, 'conclusion.vote', { conclusionId }, { replyToId: card.id }));
    expect(bot.connector.posts().filter((p) => isCard(p, 'vote.cast'))).toHaveLength(1);
    expect(await say(bot, people.anne, 'konklusion 5 Noget andet')).toBe(
      `${heading} har allerede en åben afstemning: »Strategien vedtages.«. Der kan ikke åbnes en ny afstemning eller gives en konklusion på punktet, før den er lukket.`,
    );
    expect(await say(bot, people.anne, 'afstemning 5')).toContain('har allerede en åben afstemning');
    expect(bot.connector.posts().filter((p) => isCard(p, 'vote.cast'))).toHaveLength(1);
    expect(await bot.store.listConclusions({})).toHaveLength(1);
  });

  it('R7: a conclusion objected to is not put to a vote while another conclusion on its item is open, nor once the item is decided: refused naming it, nothing changed', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Delaftale om beskæftigelse beslutning');
    await bot.at('2026-12-10T14:30:00+01:00');
    const heading = 'Punkt 5. Delaftale om beskæftigelse – dagsordenen til mødet torsdag den 10. december 2026';
    const conclusionOf = (p: PostedActivity) => /"conclusionId":"([^"]+)"/.exec(JSON.stringify(p))![1]!;
    const invoke = async (from: Person, verb: string, data: Record<string, unknown>) => (await bot.send(cardAction(bot.connector.url, from, verb, data))).body as { type: string; value: unknown };

    await act(bot, people.anne, 'konklusion 5 Delaftalen godkendes.');
    const a = conclusionOf(lastPost(bot, (p) => isCard(p, 'Delaftalen godkendes.')));
    await invoke(people.henrik, 'conclusion.object', { conclusionId: a });
    // An objection sends the item back to the chair, who may conclude anew (R7).
    await act(bot, people.anne, 'konklusion 5 Delaftalen godkendes med ændringer.');
    const b = conclusionOf(lastPost(bot, (p) => isCard(p, 'Delaftalen godkendes med ændringer.')));
    expect(b).not.toBe(a);

    // While B is open, A is not put to a vote: the item has a decision under way.
    expect(await invoke(people.anne, 'conclusion.vote', { conclusionId: a })).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: `${heading} har allerede en åben konklusion: »Delaftalen godkendes med ændringer.«. Der kan ikke gives en ny konklusion eller åbnes en afstemning på punktet, før den er afsluttet eller sat til afstemning.`,
    });

    // B decided: the item has its decision; neither afstemning 5 nor a vote on A gives it another.
    await invoke(people.anne, 'conclusion.close', { conclusionId: b });
    const decided = `${heading}: Punktet er allerede afgjort torsdag den 10. december 2026 kl. 14.30 med konklusionen »Delaftalen godkendes med ændringer.«. Formandskabet kan genoptage punktet med »genoptag 5«.`;
    expect(await say(bot, people.anne, 'afstemning 5')).toBe(decided);
    const before = (await bot.store.listAudit({})).length;
    expect(await invoke(people.anne, 'conclusion.vote', { conclusionId: a })).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: decided });

    expect(bot.connector.posts().filter((p) => isCard(p, 'vote.cast'))).toHaveLength(0);
    expect(await bot.store.listMotions({})).toHaveLength(0);
    expect((await bot.store.listConclusions({})).map((c) => [c.text, c.status, c.motionId]).sort()).toEqual([
      ['Delaftalen godkendes med ændringer.', 'decided', undefined],
      ['Delaftalen godkendes.', 'objected', undefined],
    ]);
    expect(await bot.store.listAudit({})).toHaveLength(before);

    // The item reopened: the old objected A does not decide it either; a new conclusion does.
    expect(await say(bot, people.anne, 'genoptag 5')).toContain('er genoptaget');
    expect(await invoke(people.anne, 'conclusion.vote', { conclusionId: a })).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Punktet er genoptaget, efter konklusionen blev givet, så den kan ikke sættes til afstemning. Formandskabet kan give en ny konklusion. Intet er ændret.',
    });
    expect(await bot.store.listMotions({})).toHaveLength(0);
  });
});

describe('R7: conclusions in a meeting (issue 10, point 7)', () => {
  it('R7: a conclusion posted during the meeting stays open past the window until the chair closes it; one posted outside it is decided at the window', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Strategi for unge beslutning');
    await say(bot, people.pia, 'punkt Legepladsen beslutning');
    // Outside the meeting: the 48-hour window decides.
    await bot.at('2026-12-01T10:00:00+01:00');
    await act(bot, people.anne, 'konklusion 6 Legepladsen renoveres.');
    await bot.at('2026-12-03T10:30:00+01:00');
    expect(bot.connector.posts().some((p) => bot.connector.textOf(p).startsWith('Afgjort: Punkt »Legepladsen«.'))).toBe(true);
    // In the meeting: open until the chair closes it.
    await bot.at('2026-12-10T14:30:00+01:00');
    await act(bot, people.anne, 'konklusion 5 Strategien vedtages.');
    const card = lastPost(bot, (p) => isCard(p, 'Strategien vedtages.'));
    expect(bot.connector.textOf(card)).toContain('Er der ingen indsigelse, er punktet afgjort, når formandskabet afslutter det på mødet.');
    await bot.at('2026-12-13T14:30:00+01:00');
    expect(bot.connector.posts().some((p) => bot.connector.textOf(p).startsWith('Afgjort: Punkt 5\\.'))).toBe(false);
    await bot.send(cardAction(bot.connector.url, people.anne, 'conclusion.close', { conclusionId: /"conclusionId":"([^"]+)"/.exec(JSON.stringify(card))![1]! }, { replyToId: card.id }));
    expect(bot.connector.posts().some((p) => bot.connector.textOf(p).startsWith('Afgjort: Punkt »Strategi for unge«.'))).toBe(true);
  });
});

describe('attendance recorded, not guessed (issue 10, point 5; R16)', () => {
  it('R16: the minutes list exactly the people who pressed Jeg deltager or were added, not those who only voted', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Strategi for unge beslutning');
    // Days before the meeting Lars votes on the item: that is no attendance.
    await bot.at('2026-12-07T10:00:00+01:00');
    await act(bot, people.anne, 'afstemning 5');
    const vote = lastPost(bot, (p) => isCard(p, 'vote.cast'));
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(vote))![1]!;
    await bot.send(cardAction(bot.connector.url, people.lars, 'vote.cast', { motionId, choice: 'for' }, { replyToId: vote.id }));

    await bot.at('2026-12-10T14:00:00+01:00');
    const card = lastPost(bot, (p) => isCard(p, 'attendance.join'));
    expect(literal(bot.connector.textOf(card))).toContain('Fremmøde\nOrdinært møde torsdag den 10. december 2026 kl. 14.00\nIngen har meldt deltagelse endnu.');
    // The placeholders of the card's intro are shown, not read as HTML (issue 13.5, seen at 390 px).
    expect(bot.connector.textOf(card)).toContain('»deltager &lt;navn&gt;«');
    for (const p of [people.henrik, people.mette]) {
      const res = await bot.send(cardAction(bot.connector.url, p, 'attendance.join', { meetingId: /"meetingId":"([^"]+)"/.exec(JSON.stringify(card))![1]! }, { replyToId: card.id }));
      expect(res.status).toBe(200);
    }
    await bot.pass(UPDATE_INTERVAL_MS); // the card's second update within a second is held back until then
    expect(bot.connector.textOf(bot.connector.message(card.id)!.activity)).toContain('Til stede: Henrik Holm og Mette Møller');
    expect(await say(bot, people.pia, 'deltager Gustav Grøn')).toBe('Gustav Grøn er tilføjet som deltager i mødet torsdag den 10. december 2026.');
    expect(await say(bot, people.pia, 'deltager Ekstern Konsulent')).toBe('Ekstern Konsulent er ikke i bestyrelsen og er tilføjet som øvrig deltager i mødet torsdag den 10. december 2026.');
    expect(await say(bot, people.pia, 'fjern deltager mette møller')).toBe('Mette Møller er fjernet fra deltagerne i mødet torsdag den 10. december 2026.');
    expect(await say(bot, people.pia, 'fjern deltager Lars Lund')).toBe('Lars Lund står ikke som deltager i mødet torsdag den 10. december 2026. Intet er ændret.');
    expect(await say(bot, people.henrik, 'fjern deltager Henrik Holm')).toContain('sekretæren');
    await bot.pass(UPDATE_INTERVAL_MS);
    // In the order they came: Henrik pressed a second before the secretary added the other two.
    expect(bot.connector.textOf(bot.connector.message(card.id)!.activity)).toContain('Til stede: Henrik Holm, Ekstern Konsulent og Gustav Grøn');

    await bot.at('2026-12-10T17:00:00+01:00');
    await act(bot, people.pia, 'referat');
    const minutes = bot.connector.textOf(lastPost(bot, (p) => bot.connector.textOf(p).startsWith('Referat')));
    expect(minutes).toContain(
      '**Til stede**\nOrganisationer: Slagelse Almennyttige Boligselskab (SAB).\nDeltagere: Henrik Holm og Gustav Grøn.\nØvrige: Ekstern Konsulent.\n**1. Godkendelse',
    );
    expect(minutes).not.toContain('Mette Møller');
  });

  it('R16: one\'s own attendance is recorded only during the meeting: a press before it or after its day is refused and changes nothing', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await bot.at('2026-12-10T14:00:00+01:00');
    const card = lastPost(bot, (p) => isCard(p, 'attendance.join'));
    const meetingId = /"meetingId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    const press = async (p: Person) => (await bot.send(cardAction(bot.connector.url, p, 'attendance.join', { meetingId }, { replyToId: card.id }))).body as { value: unknown };
    // The day after the meeting (the card still in the channel): refused.
    await bot.at('2026-12-11T09:00:00+01:00');
    // An invoke answer's message is plain text: its placeholder as written, not as entities.
    expect((await press(people.soeren)).value).toBe('Mødet er slut, så du kan ikke længere melde dig som deltager. Sekretæren kan tilføje deltagere med »deltager <navn>«. Intet er ændret.');
    expect(await bot.store.listAttendees(meetingId)).toEqual([]);
    // A meeting not yet begun (its id known from another card): refused too.
    await say(bot, people.pia, 'møde 14-01-2027 kl. 14');
    const next = (await bot.store.listMeetings({ from: new Date('2027-01-14T00:00:00Z') }))[0]!;
    const early = await bot.send(cardAction(bot.connector.url, people.henrik, 'attendance.join', { meetingId: next.id }, { replyToId: card.id }));
    expect((early.body as { value: unknown }).value).toBe('Mødet er ikke begyndt endnu. Tryk »Jeg deltager«, når det begynder. Intet er ændret.');
    expect(await bot.store.listAttendees(next.id)).toEqual([]);
    // The secretary may still record who was there.
    expect(await say(bot, people.pia, 'deltager Søren Skov')).toBe('Søren Skov er tilføjet som deltager i mødet torsdag den 10. december 2026.');
  });

  it('R16: a bot down over a meeting posts no attendance card for it on its return (nobody could press it)', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await bot.at('2026-12-09T10:00:00+01:00');
    await bot.restart('2026-12-12T10:00:00+01:00');
    expect(bot.connector.posts().filter((p) => isCard(p, 'attendance.join'))).toEqual([]);
  });
});

describe('status periods (issue 10, point 6; R18)', () => {
  it('R18: day-month dates take the latest start and an end after it; bare status is this year so far; a reversed period is named; numbers do not become lists', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await act(bot, people.anne, 'afstemning Budgettet for 2027 godkendes med de nævnte bemærkninger.');
    const vote = lastPost(bot, (p) => isCard(p, 'vote.cast'));
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(vote))![1]!;
    await bot.send(cardAction(bot.connector.url, people.henrik, 'vote.cast', { motionId, choice: 'against' }, { replyToId: vote.id }));
    await bot.send(cardAction(bot.connector.url, people.anne, 'vote.close', { motionId, confirm: true }, { replyToId: vote.id }));

    await bot.at('2026-11-29T10:00:00+01:00');
    expect((await say(bot, people.lars, 'status 01/01 28/11')).split('\n')[0]).toBe('**Status for perioden torsdag den 1. januar 2026 – lørdag den 28. november 2026**');
    await bot.at('2026-12-05T10:00:00+01:00');
    const report = await say(bot, people.lars, 'status 01/11 31/12');
    expect(report.split('\n')[0]).toBe('**Status for perioden søndag den 1. november 2026 – torsdag den 31. december 2026**');
    expect(report).toContain('Afstemninger: 1');
    expect(report).toMatch(/^- \S+ den \d+\. \S+ \d{4}: »Budgettet for 2027 godkendes med de nævnte bemærkninger\.« – Ikke vedtaget: 0 for, 1 imod, 0 undlader$/m);
    expect((await say(bot, people.lars, 'status')).split('\n')[0]).toBe('**Status for perioden torsdag den 1. januar 2026 – lørdag den 5. december 2026**');
    expect(await say(bot, people.lars, 'status 10-12-2026 01-11-2026')).toBe(
      'Perioden er vendt om: slutdatoen 01-11-2026 ligger før startdatoen 10-12-2026. Skriv den tidligste dato først, fx status 01-01-2026 31-12-2026.',
    );
  });
});

describe('R18: the status report counts a decision in the period it was made', () => {
  it('R18: a vote opened 30 December and adopted 2 January, and a conclusion decided at its window on 1 January, are decisions of January, not of December', async () => {
    const bot = await board('2027-12-29T10:00:00+01:00');
    await say(bot, people.pia, 'møde 13-01-2028 kl. 14');
    await say(bot, people.pia, 'punkt Delaftale om uddannelse beslutning');
    await bot.at('2027-12-30T12:00:00+01:00');
    await act(bot, people.anne, 'afstemning Budgetrammen for 2028 godkendes.');
    const vote = lastPost(bot, (p) => isCard(p, 'vote.cast'));
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(vote))![1]!;
    for (const p of [people.anne, people.henrik]) await bot.send(cardAction(bot.connector.url, p, 'vote.cast', { motionId, choice: 'for' }, { replyToId: vote.id }));
    await act(bot, people.anne, 'konklusion 5 Delaftalen om uddannelse godkendes.');
    await bot.at('2028-01-01T13:00:00+01:00'); // the conclusion's window (48 h) has ended
    await bot.at('2028-01-02T13:00:00+01:00'); // the vote's deadline (72 h) has closed it: adopted
    await bot.at('2028-01-05T10:00:00+01:00');

    const voteLine = /^- \S+ den \d+\. \S+ \d{4}: »Budgetrammen for 2028 godkendes\.« – Vedtaget: 2 for, 0 imod, 0 undlader$/m;
    const conclusionLine = 'Delaftalen om uddannelse godkendes.';
    for (const text of [await say(bot, people.lars, 'status'), await say(bot, people.lars, 'status 01-01-2028 02-01-2028')]) {
      expect(text).toContain('Afstemninger: 1');
      expect(text).toMatch(voteLine);
      expect(text).toContain('Afgjort ved konsensus: 1');
      expect(text).toContain(conclusionLine);
    }
    const vote2 = await say(bot, people.lars, 'status 02-01-2028 02-01-2028');
    expect(vote2).toContain('Afstemninger: 1');
    expect(vote2).toMatch(voteLine);
    expect(vote2).toContain('Afgjort ved konsensus: 0');
    const december = await say(bot, people.lars, 'status 01-12-2027 31-12-2027');
    expect(december).toContain('Afstemninger: 0');
    expect(december).toContain('Afgjort ved konsensus: 0');
    expect(december).not.toContain(conclusionLine);
  });
});

describe('R18: a reopened decision is not counted as the board\'s', () => {
  it('R7, R18: status counts only the decision that stands; one the chair reopened (genoptag) is listed apart, marked genoptaget, and counted nowhere', async () => {
    const bot = await board('2026-11-02T10:00:00+01:00');
    await say(bot, people.pia, 'møde 10-12-2026 kl. 14');
    await say(bot, people.pia, 'punkt Delaftale om beskæftigelse beslutning');
    await say(bot, people.pia, 'punkt Budgetrevision beslutning');
    // Item 5: concluded, decided at its window, reopened, concluded the other way, decided.
    await act(bot, people.anne, 'konklusion 5 Delaftalen godkendes.');
    await bot.at('2026-11-04T11:00:00+01:00');
    expect(await say(bot, people.anne, 'genoptag 5')).toContain('er genoptaget');
    await act(bot, people.anne, 'konklusion 5 Delaftalen forkastes.');
    await bot.at('2026-11-06T12:00:00+01:00');
    // Item 6: a vote, adopted by all, then reopened (no new decision yet).
    await act(bot, people.anne, 'afstemning 6');
    const vote = lastPost(bot, (p) => isCard(p, 'vote.cast'));
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(vote))![1]!;
    for (const p of [people.anne, people.karsten, people.birgitte, people.henrik, people.mette, people.lars]) {
      await bot.send(cardAction(bot.connector.url, p, 'vote.cast', { motionId, choice: 'for' }, { replyToId: vote.id }));
    }
    expect(await say(bot, people.anne, 'genoptag 6')).toContain('er genoptaget');
    await bot.at('2026-11-10T10:00:00+01:00');

    const report = literal(await say(bot, people.lars, 'status'));
    expect(report).toContain('Afstemninger: 0');
    expect(report).toContain('Afgjort ved konsensus: 1');
    expect(report).toMatch(/^- \S+ den \d+\. \S+ \d{4}: Punkt »Delaftale om beskæftigelse« – Delaftalen forkastes\.$/m);
    expect(report).toContain('Genoptaget, gælder ikke længere: 2');
    expect(report).toMatch(/^- \S+ den \d+\. \S+ \d{4}: Punkt »Delaftale om beskæftigelse« – Delaftalen godkendes\. \(genoptaget onsdag den 4\. november 2026\)$/m);
    expect(report).toMatch(/^- \S+ den \d+\. \S+ \d{4}: ».*Budgetrevision.*« – Vedtaget: 6 for, 0 imod, 0 undlader \(genoptaget fredag den 6\. november 2026\)$/m);
    expect(report.match(/Delaftalen godkendes/g)).toHaveLength(1);

    // R16: the minutes keep the reopened decisions, each said to be reopened, before what followed it.
    await bot.at('2026-12-10T16:00:00+01:00');
    await act(bot, people.pia, 'referat');
    const minutes = literal(bot.connector.textOf(lastPost(bot, (p) => bot.connector.textOf(p).startsWith('Referat'))));
    const reopened = 'Punktet blev genoptaget onsdag den 4. november 2026 kl. 11.00; afgørelsen ovenfor gælder ikke længere.';
    const order = ['Konklusion: Delaftalen godkendes.', reopened, 'Konklusion: Delaftalen forkastes.'].map((line) => minutes.indexOf(line));
    expect(order.every((at) => at >= 0), minutes).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(minutes).toContain('Punktet blev genoptaget fredag den 6. november 2026 kl. 12.00; afgørelsen ovenfor gælder ikke længere.');
    expect(minutes.match(/afgørelsen ovenfor gælder ikke længere/g)).toHaveLength(2);
  });
});

describe('R10: next year\'s dates (issue 10, point 7)', () => {
  it('R10: the reminder names mødedatoer <år>; one open poll per year; a year that can no longer hold four meetings is refused', async () => {
    const bot = await board('2026-09-01T08:00:00+02:00');
    await bot.at('2026-09-01T09:00:00+02:00');
    const reminder = lastPost(bot, (p) => bot.connector.textOf(p).includes('Påmindelse: Mødedatoerne for 2027'));
    expect(bot.connector.textOf(reminder)).toContain('Foreslå datoer med »mødedatoer 2027«.');

    await bot.at('2026-11-25T10:00:00+01:00');
    // The placeholders as entities on the wire: Teams shows them (it would drop `<dato>` as a tag).
    expect(await say(bot, people.pia, 'mødedatoer 2026')).toBe(
      'Året kan ikke længere rumme fire ordinære møder, så et forslag til dets datoer kan ikke bekræftes. Planlæg næste års datoer, eller planlæg enkelte møder med »møde &lt;dato&gt; &lt;tid&gt;«.',
    );
    await act(bot, people.pia, 'mødedatoer 2027');
    expect(bot.connector.posts().filter((p) => isCard(p, 'dates.answer'))).toHaveLength(1);
    expect(await say(bot, people.anne, 'mødedatoer 2027')).toBe('Forslaget til mødedatoer for 2027 er allerede lagt op i kanalen, og der kan kun være ét ad gangen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«. Intet er ændret.');
    expect(bot.connector.posts().filter((p) => isCard(p, 'dates.answer'))).toHaveLength(1);
  });

  it('R9, R10: the reminders go on after a single meeting of next year is planned by hand, and stop once the year has four ordinary meetings', async () => {
    const bot = await board('2027-08-31T10:00:00+02:00');
    const reminders = () => bot.connector.posts().filter((p) => bot.connector.textOf(p).includes('Mødedatoerne for 2028 er ikke fastlagt')).length;
    await bot.at('2027-09-01T09:00:30+02:00');
    expect(reminders()).toBe(1);
    expect(await say(bot, people.anne, 'møde 20-01-2028 14:00')).toMatch(/^Ordinært møde er planlagt torsdag den 20\. januar 2028/);
    // No poll was held and no dates agreed: one meeting does not fix the year's dates.
    await bot.at('2027-09-15T09:00:30+02:00');
    expect(reminders()).toBe(2);
    for (const date of ['20-04-2028', '17-08-2028', '16-11-2028']) expect(await say(bot, people.anne, `møde ${date} 14:00`)).toMatch(/^Ordinært møde er planlagt/);
    await bot.at('2027-09-29T09:00:30+02:00');
    await bot.at('2027-10-13T09:00:30+02:00');
    expect(reminders()).toBe(2);
  });

  it('R10: a bot left running (never restarted) reminds again the next year: after the last reminder of 2026 it goes on into 2027 while 2027 has no dates, then plans the first of the next season', async () => {
    const bot = await board('2026-08-20T10:00:00+02:00');
    const about = (year: number) => bot.connector.posts().filter((p) => bot.connector.textOf(p).includes(`Mødedatoerne for ${year} er ikke fastlagt`)).length;
    for (const day of ['2026-09-01', '2026-09-15', '2026-09-29', '2026-10-13', '2026-10-27', '2026-11-10', '2026-11-24', '2026-12-08', '2026-12-22']) {
      await bot.at(`${day}T09:00:30+01:00`);
    }
    expect(about(2027)).toBe(9);
    expect((await bot.store.getJob('date-planning:2027-01-05'))?.status).toBe('pending');
    await bot.at('2027-01-05T08:00:30Z');
    // In 2027 itself the reminder speaks of this year's dates (date-planning-new-year.test.ts).
    expect(bot.connector.posts().filter((p) => bot.connector.textOf(p).includes('Mødedatoerne for i år (2027)'))).toHaveLength(1);
    for (const date of ['11-02-2027', '13-05-2027', '12-08-2027', '11-11-2027']) expect(await say(bot, people.anne, `møde ${date} 14:00`)).toMatch(/^Ordinært møde er planlagt/);
    await bot.at('2027-01-19T08:00:30Z');
    expect((await bot.store.getJob('date-planning:2027-09-01'))?.status).toBe('pending');
    await bot.at('2027-09-01T07:00:30Z');
    expect(about(2028)).toBe(1);
    await bot.at('2027-09-15T07:00:30Z');
    expect(about(2028)).toBe(2);
    expect(about(2027)).toBe(9);
  });

  it('R10: once next year\'s dates are fixed, the next season\'s first reminder is planned, and the year after is reminded of', async () => {
    const bot = await board('2027-08-31T10:00:00+02:00');
    const about = (year: number) => bot.connector.posts().filter((p) => bot.connector.textOf(p).includes(`Mødedatoerne for ${year} er ikke fastlagt`)).length;
    await bot.at('2027-09-01T09:00:30+02:00');
    expect(about(2028)).toBe(1);
    for (const date of ['20-01-2028', '20-04-2028', '17-08-2028', '16-11-2028']) expect(await say(bot, people.anne, `møde ${date} 14:00`)).toMatch(/^Ordinært møde er planlagt/);
    await bot.at('2027-09-15T09:00:30+02:00');
    expect(about(2028)).toBe(1);
    expect((await bot.store.getJob('date-planning:2028-09-01'))?.status).toBe('pending');
    await bot.at('2028-09-01T09:00:30+02:00');
    expect(about(2029)).toBe(1);
  });

  it('PRODUCT (each job is done once), R10: a restart after two missed reminders posts one reminder, not two', async () => {
    const bot = await board('2026-08-31T10:00:00+02:00');
    const reminders = () => bot.connector.posts().filter((p) => bot.connector.textOf(p).includes('Påmindelse: Mødedatoerne for 2027')).length;
    await bot.at('2026-09-01T09:00:30+02:00');
    expect(reminders()).toBe(1);
    // Down across 15 and 29 September.
    await bot.restart('2026-10-01T10:00:00Z');
    await say(bot, people.anne, 'hjælp');
    expect(reminders()).toBe(2);
    await bot.at('2026-10-13T09:00:30+02:00');
    expect(reminders()).toBe(3);
  });

  it('R10: while a date poll for the year is open, the reminder says so and does not ask for a new poll', async () => {
    const bot = await board('2026-09-01T08:00:00+02:00');
    await act(bot, people.pia, 'mødedatoer 2027');
    expect(bot.connector.posts().filter((p) => isCard(p, 'dates.answer'))).toHaveLength(1);
    await bot.at('2026-09-01T09:00:30+02:00');
    const reminder = bot.connector.textOf(lastPost(bot, (p) => bot.connector.textOf(p).includes('Påmindelse: Mødedatoerne for 2027')));
    expect(reminder).not.toContain('mødedatoer 2027');
    expect(reminder).toContain('Forslaget til mødedatoer for 2027 er lagt op i kanalen');
    expect(reminder).toContain('»Bekræft datoer«');
  });
});
