/**
 * R19, PRODUCT §2: a deployment serving a Danish and an English board answers a card
 * action it refuses (malformed data, an unknown verb) in the language of the board whose
 * channel the card is in, not the first board's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const EN_CHANNEL = '19:english-board-channel@thread.tacv2';
const erin = { id: '29:erin', name: 'Erin English', aadObjectId: '00000000-0000-4000-8000-0000000000e1' };

const ENGLISH_BOARD = `
board:
  id: english
  name: Housing Forum
  locale: en
  timezone: Europe/London
  tenantId: 00000000-0000-4000-8000-0000000000d0
organisations:
  - { id: A, name: Alpha Housing }
  - { id: B, name: Beta Homes }
people:
  - { name: Erin English, aadObjectId: ${erin.aadObjectId}, organisation: A, roles: [member, chair] }
  - { name: Birgitte Bach, aadObjectId: ${people.birgitte.aadObjectId}, organisation: B, roles: [member] }
  - { name: Anne Andersen, aadObjectId: ${people.anne.aadObjectId}, organisation: A, roles: [member] }
  - { name: Sam Secretary, aadObjectId: 00000000-0000-4000-8000-0000000005e1, roles: [secretary] }
`;

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-languages-'));
  writeFileSync(join(dir, 'slagelse.yaml'), readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('board:\n', 'board:\n  id: slagelse\n'));
  writeFileSync(join(dir, 'english.yaml'), ENGLISH_BOARD);
  h = await startHarness({ clockStart: '2026-12-01T09:00:00+01:00', boardConfig: dir });
  for (const [person, board, channel] of [[people.anne, 'slagelse', CHANNEL_ID], [erin, 'english', EN_CHANNEL]] as const) {
    await h.send(channelMessage(h.connector.url, person, `brug denne kanal ${board}`, { conversationId: channel }));
  }
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function refusalOf(from: typeof erin, verb: string, data: Record<string, unknown>, conversationId: string): Promise<string> {
  const res = await h.send(cardAction(h.connector.url, from, verb, data, { conversationId }));
  expect(res.status).toBe(200);
  return (res.body as { value: string }).value;
}

describe("refused card actions in the board's language (R19)", () => {
  it('both boards are bound, each to its channel', async () => {
    expect((await h.store.forBoard('slagelse').getBinding())?.channelId).toBe(CHANNEL_ID);
    expect((await h.store.forBoard('english').getBinding())?.channelId).toBe(EN_CHANNEL);
  });

  it('malformed card data is refused in English on the English board, in Danish on the Danish one', async () => {
    expect(await refusalOf(people.birgitte, 'vote.cast', { motionId: 42 }, EN_CHANNEL)).toBe('The action could not be read. Nothing was changed.');
    expect(await refusalOf(people.birgitte, 'vote.cast', { motionId: 42 }, CHANNEL_ID)).toBe('Handlingen kunne ikke læses. Intet er ændret.');
  });

  it('an unknown verb likewise', async () => {
    expect(await refusalOf(people.birgitte, 'vote.explode', {}, EN_CHANNEL)).toBe('I do not know that action. Nothing was changed.');
    expect(await refusalOf(people.birgitte, 'vote.explode', {}, CHANNEL_ID)).toBe('Den handling kender jeg ikke. Intet er ændret.');
  });
});

describe("a board's examples are not the demo board's (R19)", () => {
  it('an unknown task owner on the English board is answered without a Danish organisation code as the example', async () => {
    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, erin, 'task 20-12-2026 Nobody: Get quotes', { conversationId: EN_CHANNEL }));
    const answer = await h.connector.waitForPost((p) => h.connector.textOf(p).startsWith('No person or organisation'), { since });
    expect(h.connector.textOf(answer)).toBe('No person or organisation on the board is called "Nobody". Use a name from the board\'s list ("board") or an organisation\'s code.');
  });
});

describe('a 1:1 chat whose first message asked which board (R19)', () => {
  it('is remembered on each of the writer\'s boards all the same: their reminders come there, not as @mentions in the channel', async () => {
    const anne = people.anne.aadObjectId.toLowerCase();
    expect(await h.store.forBoard('slagelse').getPersonalConversation(anne)).toBeUndefined();
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.anne, 'møder'));
    const asked = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.anne), { since });
    expect(h.connector.textOf(asked)).toContain('Du sidder i flere bestyrelser.');
    expect(await h.store.forBoard('slagelse').getPersonalConversation(anne)).toBeDefined();
    expect(await h.store.forBoard('english').getPersonalConversation(anne)).toBeDefined();
  });
});

describe('a 1:1 command with the board\'s id first, from someone on that board alone (R19)', () => {
  it('is understood as the command after it', async () => {
    await h.send(channelMessage(h.connector.url, people.anne, 'møde 21-12-2026 14:00'));
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.henrik, 'slagelse møder'));
    const reply = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.henrik), { since });
    expect(h.connector.textOf(reply)).toContain('mandag den 21. december 2026 kl. 14.00');
  });
});

describe('a card given in a 1:1 chat to someone on two boards (R19)', () => {
  it('its buttons act on the card\'s board, without asking which: the chair of one, a member of the other, sends the agenda', async () => {
    await h.send(channelMessage(h.connector.url, people.anne, 'møde 17-12-2026 14:00'));
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.anne, 'slagelse dagsorden'));
    const card = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.anne) && JSON.stringify(p).includes('agenda.send'), { since });
    const action = (JSON.parse(JSON.stringify(card)).attachments[0].content.actions as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === 'agenda.send')!;
    expect(action.data).toMatchObject({ board: 'slagelse' });
    const res = await h.send(cardAction(h.connector.url, people.anne, 'agenda.send', action.data!, { conversationId: personalConversationId(people.anne) }));
    expect(JSON.stringify(res.body)).not.toContain('several boards');
    expect(JSON.stringify(res.body)).not.toContain('flere bestyrelser');
    const meeting = (await h.store.forBoard('slagelse').listMeetings({}))[0]!;
    expect(meeting.agendaSentAt).toBeDefined();
  });

  it('a card naming a board its presser does not sit on is refused; nothing changes', async () => {
    await h.send(channelMessage(h.connector.url, people.anne, 'møde 07-01-2027 14:00'));
    const meeting = (await h.store.forBoard('slagelse').listMeetings({})).find((m) => !m.agendaSentAt)!;
    const res = await h.send(cardAction(h.connector.url, erin, 'agenda.send', { meetingId: meeting.id, board: 'slagelse' }, { conversationId: personalConversationId(erin) }));
    expect(res.status).toBe(200);
    expect((await h.store.forBoard('slagelse').getMeeting(meeting.id))?.agendaSentAt).toBeUndefined();
  });
});

describe('a 1:1 command for a board the writer does not sit on (R19)', () => {
  it('is refused naming that board, in the writer\'s own board\'s language; nothing changes', async () => {
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, erin, 'slagelse møder'));
    const reply = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(erin), { since });
    expect(h.connector.textOf(reply)).toBe('You are not on the list of the board "Den boligsociale bestyrelse i Slagelse", so I cannot take commands for it from you. Nothing was changed.');
  });
});

describe('a 1:1 reminder to someone on two boards (R19)', () => {
  it('names its board, as a 1:1 answer does', async () => {
    // Birgitte sits on both boards and has a 1:1 chat with the bot.
    await h.send(personalMessage(h.connector.url, people.birgitte, 'slagelse hjælp'));
    await h.send(channelMessage(h.connector.url, people.anne, 'opgave 03-12-2026 Birgitte: Skriv notatet'));
    const since = h.connector.mark();
    await h.at('2026-12-03T09:00:30+01:00');
    const reminder = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.birgitte) && h.connector.textOf(p).includes('Skriv notatet'), { since });
    expect(h.connector.textOf(reminder).startsWith('*Den boligsociale bestyrelse i Slagelse*\n\nPåmindelse: Opgaven »Skriv notatet«')).toBe(true);
    // A post the outbox sends names its board's language (Activity.locale): cut to fit Teams
    // outside any turn of that board, it says so in that language (fit.ts).
    expect(reminder.locale).toBe('da');
  });
});

describe('a reply cut to fit Teams (R19)', () => {
  it('says so in the language of the board it is for, not the first board\'s', async () => {
    // A reply longer than Teams takes: the list of open tasks, 90 of them near their longest
    // (an unknown text quoted back is cut to 200 characters, so it no longer serves).
    for (let i = 1; i <= 90; i++) {
      await h.send(channelMessage(h.connector.url, people.anne, `opgave 20-12-2026 Birgitte: Opgave ${i}. ${'Gennemgå tilbuddene på renoveringen. '.repeat(12)}`));
    }
    const since = h.connector.mark();
    const message = channelMessage(h.connector.url, people.anne, 'opgaver');
    await h.send(message);
    const reply = await h.connector.waitForPost((p) => p.replyToId === message.id, { since });
    expect(h.connector.textOf(reply)).toContain('Indholdet er for langt til Teams og er afkortet her.');
    expect(h.connector.textOf(reply)).not.toContain('too long for Teams');
  });
});

describe('asking which board, in a 1:1 chat (R19)', () => {
  it('someone on a Danish and an English board is asked in both languages', async () => {
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.birgitte, 'møder'));
    const reply = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.birgitte), { since });
    const text = h.connector.textOf(reply);
    expect(text).toContain('Du sidder i flere bestyrelser.');
    expect(text).toContain('You sit on several boards.');
  });
});


describe('times as an English board writes them (PRODUCT §1.2)', () => {
  const say = async (text: string) => {
    const since = h.connector.mark();
    const message = channelMessage(h.connector.url, erin, text, { conversationId: EN_CHANNEL });
    await h.send(message);
    // The answer under the command, or the post it makes in the channel (a cancellation).
    return h.connector.textOf(await h.connector.waitForPost((p) => p.replyToId === message.id || p.conversationId === EN_CHANNEL, { since }));
  };

  it('R9: "2:30 PM" is half past two in the afternoon, never 02:30 with "PM" as the place; "at 16:00" is a time as "kl. 16" is', async () => {
    const afternoon = await say('meeting 11-12-2026 2:30 PM Library');
    expect(afternoon).toContain('Friday 11 December 2026 at 14:30');
    expect(afternoon).toContain('Place: Library');
    expect(await say('meeting 11-12-2026 at 16:00 Town hall')).toContain('Friday 11 December 2026 at 16:00');
    const meetings = await h.store.forBoard('english').listMeetings({});
    expect(meetings.map((m) => [m.startsAt.toISOString(), m.place])).toEqual([
      ['2026-12-11T14:30:00.000Z', 'Library'],
      ['2026-12-11T16:00:00.000Z', 'Town hall'],
    ]);
  });

  it('R9: a meeting of a day with two is named "at 4 pm" as well as "16:00"; the other is left as it was', async () => {
    expect(await say('cancel meeting 11-12-2026 at 4 pm')).toContain('Friday 11 December 2026 at 16:00');
    const meetings = await h.store.forBoard('english').listMeetings({});
    expect(meetings.map((m) => [m.startsAt.toISOString(), m.status])).toEqual([
      ['2026-12-11T14:30:00.000Z', 'planned'],
      ['2026-12-11T16:00:00.000Z', 'cancelled'],
    ]);
  });
});

describe('before a board is known, the language of the writer (R19)', () => {
  const UNBOUND = '19:nobodys-channel@thread.tacv2';
  const answerIn = async (who: typeof erin, text: string) => {
    const since = h.connector.mark();
    const message = channelMessage(h.connector.url, who, text, { conversationId: UNBOUND });
    await h.send(message);
    return h.connector.textOf(await h.connector.waitForPost((p) => p.replyToId === message.id, { since }));
  };

  it('in a channel bound to no board: someone on the English board only is answered in English, someone on both boards in both languages', async () => {
    const english = await answerIn(erin, 'help');
    expect(english).toContain('This channel is not bound to a board.');
    expect(english).not.toContain('Denne kanal');
    const both = await answerIn(people.birgitte, 'hjælp');
    expect(both).toContain('Denne kanal er ikke knyttet til en bestyrelse.');
    expect(both).toContain('This channel is not bound to a board.');
  });

  it('someone on the Danish board only is answered in Danish, though the first board file is the English one', async () => {
    const danish = await answerIn(people.henrik, 'møder');
    expect(danish).toContain('Denne kanal er ikke knyttet til en bestyrelse.');
    expect(danish).not.toContain('This channel');
  });

  it('a card press no verb handles, in a channel bound to no board: in the languages of the presser\'s boards, not the first board\'s', async () => {
    const refusal = (who: typeof erin, verb: string) => refusalOf(who, verb, {}, UNBOUND);
    // Henrik sits on the Danish board only; the first board file is the English one.
    expect(await refusal(people.henrik, 'vote.explode')).toBe('Den handling kender jeg ikke. Intet er ændret.');
    expect(await refusal(people.henrik, '')).toBe('Handlingen kunne ikke læses. Intet er ændret.');
    expect(await refusal(erin, 'vote.explode')).toBe('I do not know that action. Nothing was changed.');
    // Birgitte sits on both: in both languages, the first board's first.
    expect(await refusal(people.birgitte, 'vote.explode')).toBe('I do not know that action. Nothing was changed.\n\nDen handling kender jeg ikke. Intet er ændret.');
  });

  it('a card press no verb handles, in a 1:1 chat: in the language of the presser\'s board; sitting on none, in those of their tenant\'s boards', async () => {
    const refusal = (who: typeof erin, verb: string) => refusalOf(who, verb, {}, personalConversationId(who));
    expect(await refusal(people.henrik, 'vote.explode')).toBe('Den handling kender jeg ikke. Intet er ændret.');
    expect(await refusal(erin, 'vote.explode')).toBe('I do not know that action. Nothing was changed.');
    // Both boards are of the stranger's tenant: neither is theirs, so neither's language alone.
    const both = await refusal(people.stranger, 'vote.explode');
    expect(both).toContain('Den handling kender jeg ikke. Intet er ændret.');
    expect(both).toContain('I do not know that action. Nothing was changed.');
    expect(await refusal(people.stranger, '')).toContain('Handlingen kunne ikke læses. Intet er ændret.');
  });

  it('a file link that is not good is refused in the language of the board its path names; naming none, in each language served', async () => {
    const english = await h.get('/calendar/english/00000000-0000-4000-8000-000000000001.ics');
    expect(english.status).toBe(404);
    expect(String(english.body).trim()).toBe('The file does not exist, or the link has expired. Get a new link in the board\'s channel.');
    const danish = await h.get('/minutes/slagelse/00000000-0000-4000-8000-000000000001.md');
    expect(danish.status).toBe(404);
    expect(String(danish.body).trim()).toBe('Filen findes ikke, eller linket er udløbet. Hent et nyt link i bestyrelsens kanal.');
    const nobodys = String((await h.get('/minutes/nobody/00000000-0000-4000-8000-000000000001.md')).body);
    expect(nobodys).toContain('The file does not exist');
    expect(nobodys).toContain('Filen findes ikke');
  });
});
