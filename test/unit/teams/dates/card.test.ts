import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../../src/config/board.js';
import type { Board } from '../../../../src/domain/kernel/board.js';
import type { DatePoll } from '../../../../src/domain/date-planning.js';
import { datesCard } from '../../../../src/teams/dates/card.js';

const da = loadBoardFile('config/demo.yaml');
const en: Board = { ...da, locale: 'en' };
const anne = da.people.find((p) => p.name.startsWith('Anne'))!;
const poll: DatePoll = { id: 'p1', year: 2027, proposedDates: ['2027-03-09', '2027-05-11', '2027-08-10', '2027-11-09'], time: '14:00', createdBy: anne.id, createdAt: new Date('2026-12-10T13:00:00Z') };
const answers = [{ pollId: 'p1', personId: anne.id, available: ['2027-03-09'], answeredAt: new Date('2026-12-10T13:00:00Z') }];

/** Every text and title of the card, in order. */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) texts(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'text' || key === 'title') && typeof value === 'string') out.push(value);
      else texts(value, out);
    }
  }
  return out;
}

describe("R10: the card of next year's dates, in the board's language", () => {
  it('gives the time as the language writes it: kl. 14.00 in Danish, 14:00 in English', () => {
    expect(texts(datesCard(da, { poll, answers }, [])).join('\n')).toContain('alle kl. 14.00.');
    const english = texts(datesCard(en, { poll, answers }, [])).join('\n');
    expect(english).toContain('14:00');
    expect(english).not.toContain('14.00');
  });

  it("counts the organisations the same way in the members' list and the chair's", () => {
    const card = texts(datesCard(da, { poll, answers }, []));
    const counted = card.filter((t) => t.startsWith('tirsdag den 9. marts 2027'));
    expect(counted.length).toBeGreaterThanOrEqual(2);
    for (const t of counted) expect(t).toBe('tirsdag den 9. marts 2027 (1\u00a0af\u00a06)');
  });

  it('R10: shown to one person after a proposed date has come, it no longer offers that date (confirming it is refused)', () => {
    const onTheDay = texts(datesCard(da, { poll, answers }, [], [], true, new Date('2027-03-09T19:00:00Z'))).join('\n');
    expect(onTheDay).not.toContain('tirsdag den 9. marts 2027');
    expect(onTheDay).toContain('tirsdag den 11. maj 2027');
    // The channel's card, drawn without a person's now, still lists every proposal.
    expect(texts(datesCard(da, { poll, answers }, [])).join('\n')).toContain('tirsdag den 9. marts 2027');
  });

  it('R9, R10: with too few dates left for the year\'s four it says so and how to go on (its placeholders as entities, which a TextBlock shows as typed), and offers no confirmation (Danish and English)', () => {
    const onTheDay = new Date('2027-03-09T19:00:00Z');
    const card = datesCard(da, { poll, answers, planned: [] }, [], [], true, onTheDay);
    expect(texts(card)).toContain(
      'Der er kun tre af de foreslåede datoer tilbage, og med dem får 2027 ikke fire ordinære møder. Planlæg det manglende møde med »møde &lt;dato&gt; &lt;tid&gt;« på en dag, der ikke er foreslået; så kan datoerne bekræftes.',
    );
    expect(JSON.stringify(card)).not.toContain('dates.confirm');
    expect(texts(datesCard(en, { poll, answers, planned: [] }, [], [], true, onTheDay))).toContain(
      'Only three of the proposed dates are left, and with them 2027 does not get four ordinary meetings. Plan the missing meeting with "meeting &lt;date&gt; &lt;time&gt;" on a day not proposed; then the dates can be confirmed.',
    );
    // The day before, four are left: the confirmation is offered, nothing said.
    const before = datesCard(da, { poll, answers, planned: [] }, [], [], true, new Date('2027-03-08T19:00:00Z'));
    expect(JSON.stringify(before)).toContain('dates.confirm');
    expect(JSON.stringify(before)).not.toContain('Der er kun');
  });
});
