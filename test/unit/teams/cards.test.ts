import { readdirSync, readFileSync } from 'node:fs';
import { lint } from '../../support/card-lint.js';
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { type Ballot, type Motion, closed, openMotion } from '../../../src/domain/voting.js';
import { CARDS_DIR } from '../../../src/teams/cards/render.js';
import { minutesCard } from '../../../src/teams/minutes/card.js';
import { outcomeAnnouncement, voteCard } from '../../../src/teams/voting/card.js';
import { mdQuote } from '../../../src/teams/text/markdown.js';
import { VERBS as VERB_TABLE } from '../../../src/features.js';
import { votesOn } from '../../support/cards.js';

const board = loadBoardFile('config/demo.yaml');
const VERBS = Object.keys(VERB_TABLE);
const boardEn = { ...board, locale: 'en' as const };
const anne = board.people.find((p) => p.name === 'Anne Andersen')!;
const t0 = new Date('2026-12-10T13:00:00Z');

function motion(): Motion {
  const r = openMotion(board, anne, { id: 'm1', text: 'Budgettet for 2027 godkendes', now: t0 });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const ballots: Ballot[] = [
  { motionId: 'm1', organisationId: 'FOB', choice: 'for', castBy: anne.id, castAt: t0 },
  { motionId: 'm1', organisationId: 'SB', choice: 'for', castBy: '00000000-0000-4000-8000-000000000007', castAt: t0 },
  { motionId: 'm1', organisationId: 'SAB', choice: 'for', castBy: '00000000-0000-4000-8000-000000000004', castAt: t0 },
  { motionId: 'm1', organisationId: 'SBS', choice: 'for', castBy: '00000000-0000-4000-8000-000000000005', castAt: t0 },
  { motionId: 'm1', organisationId: 'BK', choice: 'against', castBy: '00000000-0000-4000-8000-000000000006', castAt: t0 },
];


describe('card templates', () => {
  it('use only the verbs of the one verb table, and every table verb is used by a card', () => {
    const used = new Set<string>();
    for (const file of readdirSync(CARDS_DIR)) {
      for (const match of readFileSync(`${CARDS_DIR}${file}`, 'utf8').matchAll(/"verb":\s*"([^"]+)"/g)) used.add(match[1]!);
    }
    // A card a feature builds in code (the task card) names its verb there.
    for (const file of readdirSync('src/teams', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      for (const match of readFileSync(`src/teams/${file}`, 'utf8').matchAll(/\bverb: '([^']+)'/g)) used.add(match[1]!);
    }
    expect([...used].sort()).toEqual([...VERBS].sort());
  });

  it('are Adaptive Cards 1.5', () => {
    for (const file of readdirSync(CARDS_DIR)) {
      expect(JSON.parse(readFileSync(`${CARDS_DIR}${file}`, 'utf8')).version, file).toBe('1.5');
    }
  });
});

describe('the vote card', () => {
  it('parses cleanly with the Adaptive Cards SDK, open and closed', () => {
    expect(lint(voteCard(board, motion(), ballots, ['29:anne']))).toEqual([]);
    expect(lint(voteCard(board, closed(motion(), 'chair', t0, anne.id), ballots, []))).toEqual([]);
  });

  it('R8: a dissent is who, then the member\'s lines in a box of their own; the card still parses cleanly', () => {
    const lars = board.people.find((p) => p.name === 'Lars Lund')!;
    const dissent = { id: 'd1', subject: { motionId: 'm1' }, personId: lars.id, organisationId: 'BK', text: 'Uenig.\n**9. Forged**', at: t0 };
    const card = voteCard(board, closed(motion(), 'all-voted', t0), ballots, [], [dissent]) as any;
    expect(lint(card)).toEqual([]);
    const box = JSON.stringify(card.body);
    expect(box).toContain('"text":"Lars Lund (BK):"');
    expect(box).toContain('"style":"emphasis","spacing":"None","items":[{"type":"TextBlock","text":"Uenig.\\n\\n\\\\*\\\\*9. Forged\\\\*\\\\*"');
  });

  it('R5: shows each organisation\'s current vote and who cast it', () => {
    const card = voteCard(board, motion(), ballots, []);
    expect(votesOn(card as never)).toMatchObject({ 'Slagelse Boligselskab': 'For – afgivet af Søren Skov', 'Slagelse Kommune': 'Har ikke stemt' });
    expect(Object.keys(votesOn(card as never))).toHaveLength(6);
    expect(JSON.stringify(card)).toContain('Åben til søndag den 13. december 2026 kl.\u00a014.00');
  });

  it('R6: shown to someone after its deadline, before its job closes it (the next minute): no buttons, and it says the outcome comes', () => {
    const open = motion();
    const card = voteCard(board, open, ballots, [], [], { now: new Date(open.deadline.getTime() + 30_000) });
    expect(card.actions ?? []).toEqual([]);
    expect(JSON.stringify(card)).toContain('Fristen udløb søndag den 13. december 2026 kl.\u00a014.00. Resultatet meddeles om lidt.');
    expect(JSON.stringify(card)).not.toContain('Åben til');
    expect(lint(card)).toEqual([]);
  });

  it('has For, Imod, Undlader and Luk afstemning while open; closed, only Saerstandpunkt when someone voted against (R8)', () => {
    const open = voteCard(board, motion(), ballots, []);
    expect((open.actions as { title: string; verb: string }[]).map((a) => [a.title, a.verb])).toEqual([
      ['For', 'vote.cast'],
      ['Imod', 'vote.cast'],
      ['Undlader', 'vote.cast'],
      ['Luk afstemning', 'vote.close'],
    ]);
    const closedActions = voteCard(board, closed(motion(), 'all-voted', t0), ballots, []).actions as { type: string; title: string; card: { actions: { verb: string }[] } }[];
    expect(closedActions.map((a) => [a.type, a.title, a.card.actions[0]!.verb])).toEqual([['Action.ShowCard', 'Særstandpunkt', 'vote.dissent']]);
    const noAgainst = ballots.filter((b) => b.choice !== 'against');
    expect(voteCard(board, closed(motion(), 'all-voted', t0), noAgainst, []).actions).toEqual([]);
  });

  it('refreshes itself for the people the bot knows (vote.refresh), at most 60', () => {
    const ids = Array.from({ length: 70 }, (_, i) => `29:p${i}`);
    const card = voteCard(board, motion(), ballots, ids) as unknown as { refresh: { action: { verb: string; data: unknown }; userIds: string[] } };
    expect(card.refresh.action).toMatchObject({ verb: 'vote.refresh', data: { motionId: 'm1' } });
    expect(card.refresh.userIds).toHaveLength(60);
  });
});

describe('the minutes card', () => {
  it('R16, R8: shows each paragraph, and a quoted dissent in a box of its own without the quote marks; parses cleanly', () => {
    const text = ['**Referat**', 'Særstandpunkt fra Lars Lund (BK):', mdQuote('Uenig.\n# Forged'), 'Slut.'].join('\n\n');
    const minutes = { id: 'x', meetingId: 'mt', version: 1, text, draftedBy: anne.id, draftedAt: t0, updatedAt: t0 };
    const card = minutesCard(board, minutes, 'https://bot.example/minutes/x.md') as any;
    expect(lint(card)).toEqual([]);
    const blocks = card.body.filter((b: any) => b.type === 'Container').map((c: any) => [c.style, c.items[0].text]);
    expect(blocks).toEqual([
      ['default', '**Referat**'],
      ['default', 'Særstandpunkt fra Lars Lund (BK):'],
      ['emphasis', 'Uenig.\n\n\\# Forged'],
      ['default', 'Slut.'],
    ]);
  });
});

describe('the outcome announcement', () => {
  it('R6: starts exactly "Vedtaget: 4 for, 1 imod, 0 undlader" and lists those that did not vote', () => {
    const text = outcomeAnnouncement(board, closed(motion(), 'chair', t0, anne.id), ballots);
    const lines = text.split('\n\n');
    expect(lines[0]).toBe('Vedtaget: 4 for, 1 imod, 0 undlader');
    expect(lines).toContain('BoligKorsør (BK): imod (afgivet af Lars Lund)');
    expect(lines).toContain('Har ikke stemt: Slagelse Kommune (KOM)');
    expect(text).toContain('Lukket af formandskabet (Anne Andersen)');
  });

  it('R6: an absolute majority is explained with the count it needs, computed from the organisations that vote', () => {
    const six = closed({ ...motion(), majority: 'absolute' }, 'chair', t0, anne.id);
    expect(outcomeAnnouncement(board, six, ballots)).toContain('Afgjort ved absolut flertal (mindst 4 af 6 for).');
    const five = { ...six, organisationIds: ['FOB', 'SB', 'SAB', 'SBS', 'BK'] };
    expect(outcomeAnnouncement(board, five, ballots)).toContain('Afgjort ved absolut flertal (mindst 3 af 5 for).');
    expect(outcomeAnnouncement(boardEn, five, ballots)).toContain('Decided by absolute majority (at least 3 of 5 for).');
  });

  it('speaks English when the board says locale: en', () => {
    const text = outcomeAnnouncement(boardEn, closed({ ...motion(), majority: 'simple' }, 'deadline', t0), ballots.slice(0, 1));
    expect(text.split('\n\n')[0]).toBe('Adopted: 1 for, 0 against, 0 abstained');
    expect(text).toContain('Did not vote: Slagelse Boligselskab (SB)');
  });
});
