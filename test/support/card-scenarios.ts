/**
 * Every card the bot posts, in the states a board sees it in: the features' own card
 * builders called on the demo board (Danish and English). A test that records what the
 * builders hand to `renderCard` gets the data the bot really binds (bind.test.ts).
 */
import { loadBoardFile } from '../../src/config/board.js';
import type { Conclusion, Dissent, Objection } from '../../src/domain/conclusion.js';
import type { DateAnswer, DatePoll } from '../../src/domain/date-planning.js';
import type { Board } from '../../src/domain/kernel/board.js';
import type { Meeting, NumberedItem } from '../../src/domain/meeting.js';
import type { Attendee, Minutes } from '../../src/domain/minutes.js';
import type { Petition, PetitionSupport } from '../../src/domain/petition.js';
import { type Ballot, type Motion, closed, openMotion } from '../../src/domain/voting.js';
import { agendaCard } from '../../src/teams/agenda/card.js';
import { attendanceCard } from '../../src/teams/attendance/card.js';
import { conclusionCard } from '../../src/teams/conclusions/card.js';
import { datesCard } from '../../src/teams/dates/card.js';
import { minutesCard } from '../../src/teams/minutes/card.js';
import { petitionCard } from '../../src/teams/petitions/card.js';
import { mdQuote } from '../../src/teams/text/markdown.js';
import { voteCard } from '../../src/teams/voting/card.js';

const da = loadBoardFile('config/demo.yaml');
const en: Board = { ...da, locale: 'en' };
const t0 = new Date('2026-12-10T13:00:00Z');
const t1 = new Date('2026-12-12T09:30:00Z');
const id = (name: string) => da.people.find((p) => p.name.startsWith(name))!.id;
const anne = da.people.find((p) => p.name.startsWith('Anne'))!;

function motion(agendaItem?: Motion['agendaItem']): Motion {
  const r = openMotion(da, anne, { id: 'm1', text: 'Budgettet for 2027 godkendes *med* ændringer', now: t0, ...(agendaItem ? { agendaItem } : {}) });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
const ballot = (organisationId: string, choice: Ballot['choice'], person: string): Ballot => ({ motionId: 'm1', organisationId, choice, castBy: id(person), castAt: t0 });
const ballots = [ballot('FOB', 'for', 'Anne'), ballot('SB', 'for', 'Søren'), ballot('SAB', 'abstain', 'Henrik'), ballot('BK', 'against', 'Lars')];
const dissent = (subject: Dissent['subject'], text: string): Dissent => ({ id: 'd1', subject, personId: id('Lars'), organisationId: 'BK', text, at: t1 });
const item = { meetingId: 'mt1', itemId: 'i7', heading: 'Punkt 7. Ungdomsstrategi – dagsorden for mødet 10. december' };

const meeting = (extra: Partial<Meeting> = {}): Meeting => ({
  id: 'mt1', kind: 'ordinary', startsAt: new Date('2027-01-14T13:00:00Z'), status: 'planned', createdBy: 'system', createdAt: t0, ...extra,
});
const items: NumberedItem[] = [
  { number: 1, title: '', kind: 'decision', section: 'opening', standing: 'approve-agenda', itemId: 'a1', attachments: [] },
  { number: 2, title: 'Budget 2027', kind: 'decision', section: 'subject', itemId: 'a2', attachments: [{ url: 'https://x.example/b.pdf', title: 'Budget [udkast]' }, { url: 'https://x.example/c.xlsx' }] },
  { number: 3, title: 'Opfølgning på opgaver', kind: 'information', section: 'added', itemId: 'a3', addedAfterSending: true, attachments: [], notes: ['Lars: tilbud (frist 1. feb.)', 'Pia: referat'] },
  { number: 4, title: '', kind: 'discussion', section: 'closing', standing: 'any-other-business', itemId: 'a4', attachments: [] },
];

const conclusion = (extra: Partial<Conclusion> = {}): Conclusion => ({
  id: 'c1', agendaItem: { meetingId: 'mt1', itemId: 'a2' }, itemLabel: '2. Budget 2027', text: 'Budgettet godkendes.\n\nMed én bemærkning.',
  concludedBy: anne.id, concludedAt: t0, objectionDeadline: t1, status: 'open', ...extra,
});
const objection: Objection = { conclusionId: 'c1', personId: id('Birgitte'), organisationId: 'SB', at: t0, reason: 'For dyrt' };

const poll = (extra: Partial<DatePoll> = {}): DatePoll => ({
  id: 'p1', year: 2027, proposedDates: ['2027-03-09', '2027-05-11', '2027-09-14', '2027-11-23', '2027-12-07'], time: '14:00', createdBy: anne.id, createdAt: t0, ...extra,
});
const answer = (person: string, available: string[]): DateAnswer => ({ pollId: 'p1', personId: id(person), available, answeredAt: t0 });

const petition = (extra: Partial<Petition> = {}): Petition => ({ id: 'pe1', subject: 'Ekstraordinært møde om *huslejen*', createdBy: id('Lars'), createdAt: t0, ...extra });
const support = (person: string): PetitionSupport => ({ petitionId: 'pe1', personId: id(person), supportedAt: t0 });

const minutes = (extra: Partial<Minutes> = {}): Minutes => ({
  id: 'mi1', meetingId: 'mt1', version: 1, text: ['**Referat**', 'Særstandpunkt fra Lars Lund (BK):', mdQuote('Uenig.\n# Ikke en overskrift'), 'Slut.'].join('\n\n'),
  draftedBy: id('Pia'), draftedAt: t0, updatedAt: t1, ...extra,
});
const attendee = (name: string): Attendee => ({ meetingId: 'mt1', personId: id(name), name: da.people.find((p) => p.name.startsWith(name))!.name, addedBy: id('Pia'), addedAt: t0 });

/** Each scenario calls one builder; the name says which state of which card. */
export const CARD_SCENARIOS: Record<string, () => unknown> = {
  'vote: open, no ballots': () => voteCard(da, motion(), [], ['29:anne']),
  'vote: open, on an agenda item, some ballots, 70 to refresh': () => voteCard(da, motion(item), ballots, Array.from({ length: 70 }, (_, i) => `29:p${i}`)),
  'vote: open, the chair asked to close with organisations missing': () => voteCard(da, motion(), ballots, [], [], { confirmClose: true }),
  'vote: open, confirm asked when everyone voted': () =>
    voteCard(da, motion(), [...ballots, ballot('SBS', 'for', 'Mette'), ballot('KOM', 'for', 'Karsten')], [], [], { confirmClose: true }),
  'vote: closed by the chair, one against (dissent possible)': () => voteCard(da, closed(motion(), 'chair', t1, anne.id), ballots, []),
  'vote: closed, with dissents': () =>
    voteCard(da, closed(motion(item), 'all-voted', t1), ballots, [], [dissent({ motionId: 'm1' }, 'Uenig.\n**9. Ikke fed**'), { ...dissent({ motionId: 'm1' }, 'Også uenig'), id: 'd2', personId: id('Anne'), organisationId: 'FOB' }]),
  'vote: closed at the deadline, nobody against': () => voteCard(da, closed(motion(), 'deadline', t1), ballots.filter((b) => b.choice !== 'against'), []),
  'vote: English, closed, no ballots': () => voteCard(en, closed(motion(), 'deadline', t1), [], []),

  'agenda: draft with items, attachments and notes, can send': () => agendaCard(da, { meeting: meeting(), items }, { canSend: true, calendarUrl: 'https://bot.example/cal/mt1.ics' }),
  'agenda: draft, no items': () => agendaCard(da, { meeting: meeting(), items: [] }),
  'agenda: extraordinary, subject and place': () => agendaCard(da, { meeting: meeting({ kind: 'extraordinary', subject: 'Huslejen', place: 'Rådhuset, lokale 2' }), items: items.slice(0, 2) }),
  'agenda: sent late': () => agendaCard(da, { meeting: meeting({ agendaSentAt: t1, agendaLate: true }), items }, { canSend: true }),
  'agenda: sent on time, English': () => agendaCard(en, { meeting: meeting({ agendaSentAt: t0, agendaLate: false }), items: items.slice(0, 1) }),

  'petition: just asked': () => petitionCard(da, { petition: petition(), supports: [] }),
  'petition: two supporters': () => petitionCard(da, { petition: petition(), supports: [support('Lars'), support('Anne')] }),
  'petition: majority': () => petitionCard(en, { petition: petition({ majorityAt: t1 }), supports: ['Lars', 'Anne', 'Birgitte', 'Henrik'].map(support) }),
  'petition: meeting called before the majority': () =>
    petitionCard(da, { petition: petition({ meetingId: 'mt1' }), supports: [support('Lars')], meeting: meeting({ kind: 'extraordinary', subject: 'Huslejen' }) }),
  'petition: majority, meeting called, English': () =>
    petitionCard(en, { petition: petition({ majorityAt: t1, meetingId: 'mt1' }), supports: ['Lars', 'Anne', 'Birgitte', 'Henrik'].map(support), meeting: meeting({ kind: 'extraordinary', subject: 'Huslejen' }) }),
  'petition: lapsed without a majority': () => petitionCard(da, { petition: petition({ lapsedAt: t1 }), supports: [support('Lars'), support('Anne')] }),
  'petition: lapsed, English': () => petitionCard(en, { petition: petition({ lapsedAt: t1 }), supports: [support('Lars')] }),
  'petition: meeting cancelled, gathering support again': () =>
    petitionCard(da, { petition: petition({ meetingId: 'mt1' }), supports: [support('Lars')], meeting: meeting({ kind: 'extraordinary', subject: 'Huslejen', status: 'cancelled' }) }),

  'conclusion: open': () => conclusionCard(da, { conclusion: conclusion(), objections: [], dissents: [] }),
  'conclusion: open until closed, on a headed item': () =>
    conclusionCard(da, { conclusion: conclusion({ untilClosed: true, agendaItem: { meetingId: 'mt1', itemId: 'a2', heading: 'Punkt 2. Budget 2027' } }), objections: [], dissents: [] }),
  'conclusion: objected': () => conclusionCard(da, { conclusion: conclusion({ status: 'objected' }), objections: [objection, { ...objection, personId: id('Lars'), organisationId: 'BK' }], dissents: [] }),
  'conclusion: decided, with a dissent': () => conclusionCard(da, { conclusion: conclusion({ status: 'decided', decidedAt: t1, decidedBy: 'window' }), objections: [], dissents: [dissent({ conclusionId: 'c1' }, 'Jeg er uenig.')] }),
  'conclusion: voted on, English': () =>
    conclusionCard(en, { conclusion: conclusion({ status: 'voted' }), objections: [objection], dissents: [], vote: { for: 4, against: 1, abstain: 0, notVoted: ['KOM'], adopted: true } }),

  'dates: open, no answers': () => datesCard(da, { poll: poll(), answers: [] }, ['29:anne', '29:lars']),
  'dates: open, answered, my dates ticked': () =>
    datesCard(da, { poll: poll(), answers: [answer('Anne', ['2027-03-09', '2027-05-11']), answer('Lars', ['2027-05-11'])] }, ['29:anne'], ['2027-05-11', '2027-03-09']),
  'dates: a member’s own card, without the chair’s Bekræft datoer': () =>
    datesCard(da, { poll: poll(), answers: [answer('Lars', ['2027-05-11'])] }, ['29:lars'], ['2027-05-11'], false),
  'dates: open, too few dates left for the year\'s four (no confirmation)': () =>
    datesCard(da, { poll: poll(), answers: [answer('Lars', ['2027-11-23'])], planned: [] }, ['29:anne'], [], true, new Date('2027-09-20T10:00:00Z')),
  'dates: confirmed': () =>
    datesCard(en, { poll: poll({ confirmedAt: t1, confirmedBy: anne.id, confirmedDates: ['2027-03-09', '2027-05-11', '2027-09-14', '2027-11-23'] }), answers: [answer('Anne', ['2027-03-09'])] }, ['29:anne']),

  'minutes: draft': () => minutesCard(da, minutes(), 'https://bot.example/minutes/mi1.md'),
  'minutes: approved by the chair, with Word': () => minutesCard(da, minutes({ approvedAt: t1, approvedBy: anne.id }), 'https://bot.example/m.md', 'https://bot.example/m.docx'),
  'minutes: a correction approved by consent, English': () =>
    minutesCard(en, minutes({ version: 2, correctsId: 'mi0', approvedAt: t1, approvedBy: 'consent', text: 'Én linje.' }), ''),
  'minutes: approved by a vote on the standing item': () => minutesCard(da, minutes({ approvedAt: t1, approvedBy: 'vote:mo1' }), 'https://bot.example/m.md'),

  'attendance: nobody yet': () => attendanceCard(da, { meeting: meeting(), attendees: [] }),
  'attendance: three present, English': () => attendanceCard(en, { meeting: meeting({ kind: 'extraordinary' }), attendees: ['Anne', 'Lars', 'Pia'].map(attendee) }),
  'attendance: the meeting\'s day over': () => attendanceCard(da, { meeting: meeting(), attendees: ['Anne', 'Lars'].map(attendee) }, true),
};
