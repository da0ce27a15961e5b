/**
 * R12: a meeting cancelled takes the items put on its agenda (`punkt`) with it. The notice of
 * the cancellation names them, and says how to put them on another meeting (with their
 * attachments), so that nothing the chair or secretary prepared disappears unsaid. Over HTTP,
 * in process (app-harness.ts), the clock moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { literal } from '../support/markdown.js';

let h: Harness;

beforeAll(async () => {
  // Tuesday 1 December 2026, 09.00 in Copenhagen (UTC+1).
  h = await startInstalledHarness('2026-12-01T08:00:00Z');
});

afterAll(async () => {
  await h?.close();
});

const tell = async (who: Person, text: string) => void (await h.send(channelMessage(h.connector.url, who, text)));
const notice = (when: string) => h.connector.posts().map((p) => literal(h.connector.textOf(p))).find((t) => t.startsWith(`Ordinært møde ${when} er aflyst.`));

describe('R12: the items of a cancelled meeting', () => {
  it('R12: the notice names the items put on its agenda, and how to move them and their attachments', async () => {
    await tell(people.pia, 'møde 17-12-2026 14:00');
    await tell(people.anne, 'punkt 17-12-2026 Lokalefordeling 2027 beslutning');
    await tell(people.anne, 'punkt 17-12-2026 Valg af revisor beslutning');
    await tell(people.pia, 'bilag 17-12-2026 5 https://intranet.example.dk/lokaler.pdf Lokaleoversigt');
    await tell(people.karsten, 'aflys møde 17-12-2026');
    const said = notice('torsdag den 17. december 2026 kl. 14.00');
    expect(said).toContain(
      [
        'Disse punkter stod på mødets dagsorden. Skal de stadig behandles, sættes de på et andet møde sådan:',
        '- »punkt <dato> Lokalefordeling 2027 beslutning«, bilag: [Lokaleoversigt](https://intranet.example.dk/lokaler.pdf)',
        '- »punkt <dato> Valg af revisor beslutning«',
        '',
        'Bilagene knyttes til igen med »bilag <dato> <punktnr> <url> [titel]«.',
      ].join('\n'),
    );
  });

  it('R12: the tasks\' follow-up, which a feature puts on every agenda, is not named: it moves to the next meeting by itself', async () => {
    await tell(people.anne, 'opgave 02-12-2026 Birgitte Bach: Indhent tilbud på vinduer');
    await tell(people.pia, 'møde 07-01-2027 14:00');
    await tell(people.pia, 'punkt 07-01-2027 Vinduer i afd. 4 orientering');
    await h.at('2026-12-03T08:00:00Z'); // the task is overdue: »Opfølgning på opgaver« is on the agenda
    await tell(people.karsten, 'aflys møde 07-01-2027');
    const said = notice('torsdag den 7. januar 2027 kl. 14.00')!;
    expect(said).toContain('Dette punkt stod på mødets dagsorden. Skal det stadig behandles, sættes det på et andet møde sådan:\n- »punkt <dato> Vinduer i afd. 4 orientering«');
    expect(said).not.toContain('Opfølgning på opgaver');
    expect(said).not.toContain('Bilagene');
  });

  it('R12: with attachments\' links too long for a message, every item\'s line and the calendar link stay; the attachments by title', async () => {
    await tell(people.pia, 'møde 21-01-2027 14:00');
    for (let i = 1; i <= 6; i++) await tell(people.anne, `punkt 21-01-2027 Sag ${i} om facaderenovering beslutning`);
    const url = (i: number, j: number) => `https://slagelsekommune.sharepoint.com/sites/Bestyrelse/Sag${i}/Bilag${j}.pdf?e=${'A'.repeat(1800)}`;
    for (let i = 1; i <= 6; i++) for (let j = 1; j <= 4; j++) await tell(people.pia, `bilag 21-01-2027 ${4 + i} ${url(i, j)} Bilag ${j}`);
    await tell(people.karsten, 'aflys møde 21-01-2027');
    const said = notice('torsdag den 21. januar 2027 kl. 14.00')!;
    for (let i = 1; i <= 6; i++) expect(said).toContain(`- »punkt <dato> Sag ${i} om facaderenovering beslutning«, bilag: Bilag 1, Bilag 2, Bilag 3, Bilag 4`);
    expect(said).toContain('[Fjern fra kalender](');
    expect(said).not.toContain('afkortet');
  });

  it('a meeting with only its standing items says nothing more', async () => {
    await tell(people.pia, 'møde 14-01-2027 14:00');
    await tell(people.karsten, 'aflys møde 14-01-2027');
    const said = notice('torsdag den 14. januar 2027 kl. 14.00')!;
    expect(said).toBeDefined();
    expect(said).not.toContain('stod på mødets dagsorden');
  });
});
