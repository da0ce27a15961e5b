/**
 * Help for a person (issue 10, point 9) over HTTP: grouped by what you do, "Kom i gang" first
 * for the chair, only what your role may do; every refusal by role names the action; an
 * unknown word close to a command gets "Mente du »…«?".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { literal, render, visible } from '../support/markdown.js';

let h: Harness;
beforeAll(async () => {
  h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
});
afterAll(async () => {
  await h?.close();
});

async function say(who: Person, text: string): Promise<string> {
  const since = h.connector.mark();
  await h.send(channelMessage(h.connector.url, who, text));
  const reply = h.connector.posts().filter((p) => p.seq >= since && p.replyToId !== undefined);
  return h.connector.textOf(reply.at(-1));
}
const act = async (who: Person, verb: string, data: Record<string, unknown>) => (await h.send(cardAction(h.connector.url, who, verb, data))).body;
const headings = (text: string) => [...text.matchAll(/^\*\*(.+)\*\*$/gm)].map((m) => m[1]);

describe('help for a person (issue 10.9)', () => {
  it('the chair\'s help starts with "Kom i gang", then her commands grouped by what she does', async () => {
    const help = await say(people.anne, 'hjælp');
    // Tasks under their own heading: the chair gives follow-up tasks (opgave); the minutes she reads (»referat«), and writes none.
    expect(headings(help)).toEqual(['Kom i gang', 'Møder og dagsorden', 'Afstemninger og beslutninger', 'Referat', 'Opgaver', 'Opslag']);
    expect(literal(help)).not.toContain('»ret referat');
    // Compared as a person reads it (literal: the placeholders' entities undone).
    const start = literal(help.slice(help.indexOf('**Kom i gang**'), help.indexOf('**Møder og dagsorden**')));
    expect(start).toContain('- »brug denne kanal« – første gang');
    expect(start).toContain('- »mødedatoer <år>«');
    expect(start).toContain('- »punkt <titel> beslutning« – sæt punkter på dagsordenen');
    expect(literal(help)).toContain('»afstemning <punktnr>« – åbn en afstemning om et punkt til beslutning');
    // As Teams shows it (Markdown with HTML): the placeholders are seen, not read as HTML tags.
    expect(visible(render(help))).toContain('»punkt <titel> beslutning« – sæt punkter på dagsordenen');
    expect(visible(render(help))).toContain('»afstemning <punktnr>« – åbn en afstemning');
    // What only the secretary does is not in the chair's help.
    for (const secretarys of ['»ret referat', '»tilføj referat', '»deltager']) expect(literal(help)).not.toContain(secretarys);
  });

  it('in a 1:1 chat the commands are shown as they are written there, without "in the channel after @Bestyrelsesbot"', async () => {
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.henrik, 'hjælp'));
    const reply = await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.henrik), { since });
    const help = h.connector.textOf(reply);
    expect(help.startsWith('Det kan du skrive til mig her:')).toBe(true);
    expect(help).not.toContain('@Bestyrelsesbot');
    expect((await say(people.henrik, 'hjælp')).startsWith('Det kan du skrive til mig (i kanalen efter @Bestyrelsesbot):')).toBe(true);
  });

  it('in the chair\'s 1:1 chat, no »brug denne kanal«: it binds the channel it is written in, and is refused in a chat', async () => {
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.anne, 'hjælp'));
    const help = literal(h.connector.textOf(await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.anne), { since })));
    expect(help).toContain('Kom i gang');
    expect(help).not.toContain('»brug denne kanal');
    expect(literal(await say(people.anne, 'hjælp'))).toContain('»brug denne kanal');
  });

  it('a member sees only what a member may do: no "Kom i gang", no officers\' commands', async () => {
    const help = await say(people.henrik, 'hjælp');
    expect(headings(help)).toEqual(['Møder og dagsorden', 'Afstemninger og beslutninger', 'Referat', 'Opslag']);
    expect(literal(help)).toContain('»anmod om ekstraordinært møde <emne>«');
    // R16: the minutes to read, not to write.
    expect(literal(help)).toContain('»referat [dato]« – vis referatet af sidste møde');
    for (const officers of ['»punkt', '»møde <dato>', '»afstemning', '»konklusion', '»brug denne kanal', '»ret referat', '»tilføj referat', '»deltager', '»mødedatoer']) expect(literal(help)).not.toContain(officers);
  });

  it('the secretary\'s help has the minutes and no voting', async () => {
    const help = await say(people.pia, 'hjælp');
    expect(headings(help)).toEqual(['Møder og dagsorden', 'Referat', 'Opgaver', 'Opslag']);
    expect(help).toContain('Som sekretær stemmer du ikke.');
  });

  it('every refusal by role names the action, for commands and card buttons alike', async () => {
    expect(await say(people.henrik, 'punkt Noget andet')).toBe('Kun formandskabet og sekretæren kan sætte punkter på dagsordenen. Intet er ændret.');
    expect(await say(people.henrik, 'møde 10-12-2026 14:00')).toBe('Kun formandskabet og sekretæren kan planlægge møder. Intet er ændret.');
    expect(await say(people.henrik, 'konklusion 5 Vi er enige')).toBe('Kun formandskabet kan fremsætte en konklusion. Intet er ændret.');
    expect(await say(people.anne, 'ret referat Ny tekst')).toBe('Kun sekretæren kan rette referatet. Intet er ændret.');
    expect(await say(people.pia, 'anmod om ekstraordinært møde Budget')).toBe('Kun bestyrelsens medlemmer kan anmode om et ekstraordinært møde. Intet er ændret.');
    expect(await act(people.henrik, 'conclusion.close', { conclusionId: 'c-1' })).toMatchObject({ value: 'Kun formandskabet kan afslutte en konklusion. Intet er ændret.' });
    expect(await act(people.henrik, 'dates.confirm', { pollId: 'p-1', dates: '2027-03-04' })).toMatchObject({ value: 'Kun formandskabet kan bekræfte mødedatoerne. Intet er ændret.' });
    expect(await act(people.gustav, 'conclusion.object', { conclusionId: 'c-1' })).toMatchObject({ value: 'Kun bestyrelsens medlemmer kan gøre indsigelse mod en konklusion. Intet er ændret.' });
  });

  it('a member is told what »opgave«, »genoptag« and »fjern deltager« are, not »der kan det« or another command\'s action', async () => {
    expect(await say(people.henrik, 'opgave 20-12-2026 Henrik Holm: Bestil lokalet')).toBe('Kun formandskabet og sekretæren kan give opgaver. Intet er ændret.');
    expect(await say(people.henrik, 'genoptag 3')).toBe('Kun formandskabet kan genoptage et afgjort punkt. Intet er ændret.');
    expect(await say(people.henrik, 'fjern deltager Lars Lund')).toBe('Kun sekretæren kan fjerne deltagere fra referatet. Intet er ændret.');
    expect(await say(people.henrik, 'opgaver')).toBe('Der er ingen åbne opgaver.');
  });

  it('an unknown word close to a command gets "Mente du »…«?"; one close to nothing is told where to look', async () => {
    expect(await say(people.henrik, 'hjlp')).toBe('Jeg forstod ikke »hjlp«. Mente du »hjælp«?');
    expect(await say(people.anne, 'afstemnig 5')).toBe('Jeg forstod ikke »afstemnig 5«. Mente du »afstemning«?');
    expect(await say(people.pia, 'dagsorde')).toBe('Jeg forstod ikke »dagsorde«. Mente du »dagsorden«?');
    expect(await say(people.henrik, 'god morgen til jer')).toBe('Jeg forstod ikke »god morgen til jer«. Skriv »hjælp« for at se, hvad jeg kan.');
  });

  it('a member is offered only a command of the board\'s language that she may use: »tak« is no typo of »task« (»opgave«), »mødet« is »møder«', async () => {
    const unknown = (text: string) => `Jeg forstod ikke »${text}«. Skriv »hjælp« for at se, hvad jeg kan.`;
    expect(await say(people.henrik, 'tak')).toBe(unknown('tak'));
    expect(await say(people.henrik, 'stem for')).toBe(unknown('stem for'));
    expect(await say(people.henrik, 'mødet')).toBe('Jeg forstod ikke »mødet«. Mente du »møder«?');
    expect(await say(people.henrik, 'afstemnig 5')).toBe(unknown('afstemnig 5'));
    // The chair may open a vote: her typo is still taken for it.
    expect(await say(people.anne, 'afstemnig 5')).toBe('Jeg forstod ikke »afstemnig 5«. Mente du »afstemning«?');
  });
});

describe('a message of a megabyte (PRODUCT §4: bad input gets a clear answer)', () => {
  it('is answered with the plain answer, no typo looked for: the word is longer than any command by far', async () => {
    // Before, every command's edit distance to the word was worked out cell by cell: a million by ten, for each command.
    const huge = 'hjaelp'.padEnd(1_000_000, 'p');
    const answer = await say(people.henrik, huge);
    expect(answer.startsWith('Jeg forstod ikke »hjaelpppp')).toBe(true);
    expect(answer).not.toContain('Mente du');
    expect(answer.endsWith('Skriv »hjælp« for at se, hvad jeg kan.')).toBe(true);
    // Its first 200 characters quoted back, not the paste cut off by Teams' size limit.
    expect(answer).toContain('pppp …«.');
    expect(answer.length).toBeLessThan(300);
  });

  it('a run of half a million »!« or spaces before a letter is read in one pass, as a greeting is looked for: not understood', async () => {
    // Before, `/[!.,]+$/` (a greeting's punctuation) and `/[.,:;!?]+$/` (a command word's) tried again from every »!«.
    const bangs = `${'!'.repeat(500_000)}x`;
    expect((await say(people.henrik, bangs)).startsWith('Jeg forstod ikke »!!!!')).toBe(true);
    expect(await say(people.henrik, `hej${' '.repeat(500_000)}x`)).toBe('Jeg forstod ikke »hej x«. Skriv »hjælp« for at se, hvad jeg kan.');
    expect(literal(await say(people.henrik, 'Hej!!!'))).toMatch(/^Goddag, Henrik Holm\./);
  });
});

describe('a greeting (a new member\'s first message)', () => {
  it('»hej« in a 1:1 chat is answered with who the bot is and where to start, not »Jeg forstod ikke«', async () => {
    const since = h.connector.mark();
    await h.send(personalMessage(h.connector.url, people.henrik, 'Hej!'));
    const reply = literal(h.connector.textOf(await h.connector.waitForPost((p) => p.conversationId === personalConversationId(people.henrik), { since })));
    expect(reply).toBe(
      'Goddag, Henrik Holm. Jeg er bot for Den boligsociale bestyrelse i Slagelse: jeg sender dagsordener, samler stemmer og minder om møderne. Skriv »hjælp« for at se, hvad du kan skrive til mig.',
    );
  });

  it('»godmorgen« in the channel too; a word that is no greeting is still not understood', async () => {
    expect(literal(await say(people.lars, 'godmorgen'))).toMatch(/^Goddag, Lars Lund\. Jeg er bot for /);
    expect(literal(await say(people.lars, 'hejsa med dig'))).toContain('Jeg forstod ikke');
  });
});
