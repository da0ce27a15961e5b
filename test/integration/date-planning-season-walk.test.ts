/**
 * R9, R10: a whole season of date planning, as the secretary lives it: the reminder to plan next
 * year from 1 September, the poll, answers from several organisations, the year's last meeting
 * with its standing item, the reminders on past New Year, a proposed date that passes, the
 * chair's confirmation (refusals first), the meetings in `møder`; every text read as the board
 * reads it. Over HTTP, in process (app-harness.ts), with the clock moved by the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Person, cardAction, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { mk } from '../support/english-board.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
/** A card's updates are spaced: a minute on, the held update goes out. */
const SPACING = 60_000;
const TO = '<at>Anne Andersen</at>, <at>Karsten Kjær</at> og <at>Pia Poulsen</at>: ';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const content = (p: PostedActivity) => (p.attachments as any[] | undefined)?.find((a) => a.contentType === CARD)?.content;

/** Every text and title of a card, in order. */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) texts(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'text' || key === 'title' || key === 'label') && typeof value === 'string') {
        if (value !== '') out.push(literal(value));
      }
      else texts(value, out);
    }
  }
  return out;
}

describe('R10: a season of date planning, read as the board reads it', () => {
  it('R9, R10: from the reminder in September to the meetings of next year in »møder«', async () => {
    h = await startInstalledHarness('2026-08-25T10:00:00+02:00');
    const bot = h;
    const { say, tell } = mk(bot);
    let seen = bot.connector.posts().length;
    /** The posts since the last look, as the channel shows them. */
    const news = () => {
      const posts = bot.connector.posts().slice(seen);
      seen += posts.length;
      return posts.map((p) => literal(bot.connector.textOf(p)));
    };
    const act = async (who: Person, verb: string, data: Record<string, unknown>) => {
      const res = await bot.send(cardAction(bot.connector.url, who, verb, data));
      expect(res.status).toBe(200);
      return res.body as { type: string; value: any };
    };

    // The year's last ordinary meeting, where next year's dates are agreed.
    expect(await say(people.anne, 'møde 10-12-2026 14:00 Rådhuset')).toMatch(/^Ordinært møde er planlagt torsdag den 10\. december 2026 kl\. 14\.00\./);
    news();

    // 1 September: the chair and the secretary are reminded, with the command to use.
    await bot.at('2026-09-01T09:00:30+02:00');
    expect(news()).toEqual([`${TO}Påmindelse: Mødedatoerne for 2027 er ikke fastlagt. De aftales på årets sidste møde. Foreslå datoer med »mødedatoer 2027«.`]);

    // The secretary posts the poll.
    await tell(people.pia, 'mødedatoer 2027');
    const card = bot.connector.posts().find((p) => bot.connector.textOf(p).startsWith('Mødedatoer for 2027'))!;
    news();
    const pollId = JSON.stringify(content(card)).match(/"pollId":"([^"]+)"/)![1]!;
    const dates = ['11. februar', '11. marts', '13. maj', '10. juni', '12. august', '9. september', '11. november', '9. december'].map((d) => `torsdag den ${d} 2027 (0 af 6)`);
    expect(texts(content(card))).toEqual([
      'Mødedatoer for 2027',
      'Forslag til ordinære møder i 2027, alle kl. 14.00. Tallet i parentes er, hvor mange organisationer der kan deltage. Markér de datoer, hvor du kan deltage, og tryk »Gem mine svar«.',
      'Jeg kan deltage:',
      ...dates,
      'Gem mine svar',
      'Bekræft datoer',
      'Formandskabet: vælg mindst fire datoer',
      ...dates,
      'Bekræft de valgte datoer',
    ]);
    // Asked again: one open poll for the year.
    expect(await say(people.anne, 'mødedatoer 2027')).toBe('Forslaget til mødedatoer for 2027 er allerede lagt op i kanalen, og der kan kun være ét ad gangen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«. Intet er ændret.');
    news();

    // Answers from four organisations; two people of SB count once.
    await act(people.birgitte, 'dates.answer', { pollId, available: '2027-02-11,2027-05-13,2027-08-12,2027-11-11' });
    await bot.pass(SPACING);
    await act(people.soeren, 'dates.answer', { pollId, available: '2027-02-11,2027-05-13' });
    await bot.pass(SPACING);
    await act(people.henrik, 'dates.answer', { pollId, available: '2027-02-11,2027-03-11,2027-05-13,2027-11-11,2027-12-09' });
    await bot.pass(SPACING);
    const lars = await act(people.lars, 'dates.answer', { pollId, available: '2027-03-11,2027-05-13,2027-08-12,2027-11-11' });
    // A member's own card: their ticks, the counts, no confirmation (the chair's).
    expect(lars.type).toBe(CARD);
    expect(lars.value.body.find((b: any) => b.id === 'available').value).toBe('2027-03-11,2027-05-13,2027-08-12,2027-11-11');
    expect(texts(lars.value)).toContain('torsdag den 13. maj 2027 (3 af 6)');
    expect(texts(lars.value)).toContain('torsdag den 11. februar 2027 (2 af 6)');
    expect(texts(lars.value)).not.toContain('Bekræft datoer');
    await bot.pass(SPACING);
    expect(texts(content(bot.connector.message(card.id as string)!.activity as PostedActivity))).toContain('Har svaret: Birgitte Bach, Søren Skov, Henrik Holm og Lars Lund.');

    // Two weeks on: the poll is open, the reminder asks for answers and the confirmation, not a new poll.
    await bot.at('2026-09-15T09:00:30+02:00');
    expect(news()).toEqual([`${TO}Påmindelse: Mødedatoerne for 2027 er ikke fastlagt. Forslaget til mødedatoer for 2027 er lagt op i kanalen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«.`]);

    // The year's last meeting carries the standing item.
    await bot.at('2026-12-05T09:00:30+01:00');
    const agenda = news().find((t) => t.startsWith('Dagsorden'))!;
    expect(agenda).toMatch(/^\d\. Mødedatoer for det kommende år \(til beslutning\)$/m);

    // Past New Year, the poll still open: reminded of this year's dates.
    await bot.at('2027-01-05T09:00:30+01:00');
    expect(news()).toContain(`${TO}Påmindelse: Mødedatoerne for i år (2027) er endnu ikke fastlagt. Forslaget til mødedatoer for 2027 er lagt op i kanalen. Besvar det, og formandskabet bekræfter datoerne med »Bekræft datoer«.`);

    // 11 February has passed: a new answer's card, and the chair's, no longer offer it. Five organisations have answered (SB twice, counted once).
    await bot.at('2027-02-15T10:00:00+01:00');
    news();
    const mette = await act(people.mette, 'dates.answer', { pollId, available: '2027-03-11,2027-05-13,2027-08-12' });
    expect(texts(mette.value).join('\n')).not.toContain('11. februar');
    const anne = await act(people.anne, 'dates.refresh', { pollId });
    const offered = ['11. marts 2027 (3', '13. maj 2027 (4', '10. juni 2027 (0', '12. august 2027 (3', '9. september 2027 (0', '11. november 2027 (3', '9. december 2027 (1'].map((d) => `torsdag den ${d} af 6)`);
    expect(texts(anne.value).slice(texts(anne.value).indexOf('Formandskabet: vælg mindst fire datoer') + 1, -1)).toEqual(offered);

    // The chair confirms on a card her phone had not refreshed: the passed date is named.
    const past = await act(people.anne, 'dates.confirm', { pollId, dates: '2027-02-11,2027-03-11,2027-05-13,2027-08-12,2027-11-11' });
    expect(past.type).toBe(MESSAGE);
    expect(literal(past.value)).toBe('Torsdag den 11. februar 2027 er passeret. Vælg kun datoer efter i dag; kortet viser dem, når det opdateres. Intet er ændret.');
    const three = await act(people.anne, 'dates.confirm', { pollId, dates: '2027-03-11,2027-05-13,2027-08-12' });
    expect(literal(three.value)).toBe('Vælg mindst fire datoer (fire ordinære møder om året). Intet er ændret.');
    expect(literal((await act(people.pia, 'dates.confirm', { pollId, dates: '2027-03-11,2027-05-13,2027-08-12,2027-11-11' })).value)).toBe('Kun formandskabet kan bekræfte mødedatoerne. Intet er ændret.');
    expect(await bot.store.listMeetings({ status: 'planned', from: new Date('2027-01-01T00:00:00Z') })).toEqual([]);

    const confirmed = await act(people.anne, 'dates.confirm', { pollId, dates: '2027-03-11,2027-05-13,2027-08-12,2027-11-11' });
    expect(texts(confirmed.value)).toEqual([
      'Mødedatoer for 2027',
      'Fastlagt: torsdag den 11. marts 2027, torsdag den 13. maj 2027, torsdag den 12. august 2027 og torsdag den 11. november 2027.',
      'Møderne er oprettet med dagsordensfrister og påmindelser.',
    ]);
    await bot.pass(SPACING);
    const announced = news();
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatch(
      /^Mødedatoerne for 2027 er fastlagt: torsdag den 11\. marts 2027 kl\. 14\.00, torsdag den 13\. maj 2027 kl\. 14\.00, torsdag den 12\. august 2027 kl\. 14\.00 og torsdag den 11\. november 2027 kl\. 14\.00\.\n\n\[Føj møderne i 2027 til kalenderen\]\(http:\/\/127\.0\.0\.1:\d+\/calendar\/demo\/dates-[^)]+\.ics\?[^)]+\)$/,
    );
    expect(texts(content(bot.connector.message(card.id as string)!.activity as PostedActivity))).toEqual(texts(confirmed.value));

    // The meetings, in `møder`; asked again, the poll is refused naming the year.
    const meetings = (await say(people.lars, 'møder')).split('\n').filter(Boolean);
    expect(meetings[0]).toBe('Kommende møder:');
    expect(meetings.slice(1).map((l) => l.replace(/ – \[Føj til kalender\]\(.*\)$/, ''))).toEqual([
      '- Ordinært møde torsdag den 11. marts 2027 kl. 14.00 – dagsorden senest lørdag den 6. marts 2027 kl. 09.00',
      '- Ordinært møde torsdag den 13. maj 2027 kl. 14.00 – dagsorden senest lørdag den 8. maj 2027 kl. 09.00',
      '- Ordinært møde torsdag den 12. august 2027 kl. 14.00 – dagsorden senest lørdag den 7. august 2027 kl. 09.00',
      '- Ordinært møde torsdag den 11. november 2027 kl. 14.00 – dagsorden senest lørdag den 6. november 2027 kl. 09.00',
    ]);
    expect(await say(people.pia, 'mødedatoer 2027')).toBe('Mødedatoerne for 2027 er allerede fastlagt; se dem med »møder«. Intet er ændret.');

    // No more reminders about 2027; the season about 2028 begins on 1 September.
    news();
    await bot.at('2027-03-02T09:00:30+01:00');
    expect(news().filter((t) => t.includes('Påmindelse: Mødedatoerne'))).toEqual([]);
    await bot.at('2027-09-01T09:00:30+02:00');
    expect(news().filter((t) => t.includes('Påmindelse: Mødedatoerne'))).toEqual([
      `${TO}Påmindelse: Mødedatoerne for 2028 er ikke fastlagt. De aftales på årets sidste møde. Foreslå datoer med »mødedatoer 2028«.`,
    ]);
  });
});
