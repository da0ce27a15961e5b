import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { type Board, findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { can } from '../../../src/domain/kernel/policy.js';
import {
  voteReminderAt,
  type Ballot,
  CHOICES,
  type Choice,
  type Motion,
  applyBallot,
  automaticCloseReason,
  canClose,
  castBallot,
  closed,
  openMotion,
  tally,
} from '../../../src/domain/voting.js';

const board: Board = loadBoardFile('config/demo.yaml');
const ZONE = 'Europe/Copenhagen';
const person = (n: number) => findPersonByAadObjectId(board, `00000000-0000-4000-8000-00000000000${n}`)!;
const anne = person(1); // chair, FOB
const karsten = person(2); // chair, KOM
const birgitte = person(3); // SB
const henrik = person(4); // SAB
const soeren = person(7); // SB, second member
const pia = person(8); // secretary
const gustav = person(9); // guest
const t0 = new Date('2026-12-01T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function motion(overrides: Partial<Motion> = {}): Motion {
  const opened = openMotion(board, anne, { id: 'm1', text: 'Budgettet for 2027 godkendes', now: t0 });
  if (!opened.ok) throw new Error(opened.reason);
  return { ...opened.value, ...overrides };
}

function ballot(organisationId: string, choice: Choice, minutes = 1): Ballot {
  return { motionId: 'm1', organisationId, choice, castBy: 'x', castAt: at(minutes) };
}

describe('opening a vote', () => {
  it('R2: only the chair opens a vote', () => {
    expect(can(birgitte, 'vote.open')).toEqual({ ok: false, reason: 'not-chair' });
    expect(can(pia, 'vote.open')).toEqual({ ok: false, reason: 'not-chair' });
    expect(can(karsten, 'vote.open').ok).toBe(true);
    expect(openMotion(board, karsten, { id: 'm', text: 'x', now: t0 }).ok).toBe(true);
  });

  it('R1: a motion gives each of the six organisations a vote', () => {
    expect(motion().organisationIds).toEqual(['FOB', 'SB', 'SAB', 'SBS', 'BK', 'KOM']);
  });

  it('refuses an empty motion and trims whitespace', () => {
    expect(openMotion(board, anne, { id: 'm', text: '   ', now: t0 })).toEqual({ ok: false, reason: 'empty-motion' });
    const opened = openMotion(board, anne, { id: 'm', text: '  To   ord ', now: t0 });
    expect(opened.ok && opened.value.text).toBe('To ord');
  });

  it('closes at the deadline given by the voteDeadlineHours policy (72 h)', () => {
    expect(motion().deadline.toISOString()).toBe('2026-12-04T09:00:00.000Z');
  });
});

describe('casting votes (R5)', () => {
  it('R5: a member casts the vote of their own organisation, and the record shows who', () => {
    const result = castBallot(motion(), birgitte, 'for', at(5));
    expect(result).toEqual({ ok: true, value: { motionId: 'm1', organisationId: 'SB', choice: 'for', castBy: birgitte.id, castAt: at(5) } });
  });

  it('R5: a second member of the same organisation changes its one vote; the last cast counts', () => {
    const m = motion();
    const first = castBallot(m, birgitte, 'for', at(1));
    const second = castBallot(m, soeren, 'against', at(2));
    if (!first.ok || !second.ok) throw new Error('refused');
    const ballots = applyBallot(applyBallot([], first.value), second.value);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ organisationId: 'SB', choice: 'against', castBy: soeren.id });
    expect(tally(m, ballots)).toMatchObject({ for: 0, against: 1 });
  });

  it('R3: the secretary does not vote', () => {
    expect(can(pia, 'vote.cast')).toEqual({ ok: false, reason: 'secretary-cannot-vote' });
    // Below the policy too: the secretary represents no organisation entitled to vote.
    expect(castBallot(motion(), pia, 'for', at(1))).toEqual({ ok: false, reason: 'not-a-member' });
  });

  it('R4: guests never vote', () => {
    expect(can(gustav, 'vote.cast')).toEqual({ ok: false, reason: 'guest-cannot-vote' });
    expect(castBallot(motion(), gustav, 'for', at(1))).toEqual({ ok: false, reason: 'not-a-member' });
  });

  it('R1, R5: an organisation added after the vote opened does not vote on it, said as such', () => {
    expect(castBallot(motion({ organisationIds: ['FOB', 'SB'] }), henrik, 'for', at(1))).toEqual({ ok: false, reason: 'organisation-not-voting' });
  });

  it('refuses a malformed choice', () => {
    for (const bad of ['yes', '', undefined, 1, null, 'FOR']) {
      expect(castBallot(motion(), henrik, bad, at(1))).toEqual({ ok: false, reason: 'invalid-choice' });
    }
  });

  it('refuses votes on a closed vote and after the deadline', () => {
    expect(castBallot(closed(motion(), 'chair', at(3), anne.id), henrik, 'for', at(4))).toEqual({ ok: false, reason: 'vote-closed' });
    expect(castBallot(motion(), henrik, 'for', at(72 * 60))).toEqual({ ok: false, reason: 'vote-closed' });
  });
});

describe('closing', () => {
  it('R2: only the chair closes a vote by hand', () => {
    expect(can(henrik, 'vote.close')).toEqual({ ok: false, reason: 'not-chair' });
    expect(can(karsten, 'vote.close')).toEqual({ ok: true, value: true });
    expect(canClose(motion())).toEqual({ ok: true, value: 'chair' });
    expect(canClose(closed(motion(), 'deadline', at(1)))).toEqual({ ok: false, reason: 'vote-closed' });
  });

  it('with organisations missing the chair closes only when she confirms (PRODUCT §1.4)', () => {
    const some = [ballot('FOB', 'for')];
    expect(canClose(motion(), some, false)).toEqual({ ok: false, reason: 'organisations-missing' });
    expect(canClose(motion(), some, true)).toEqual({ ok: true, value: 'chair' });
    const all = ['FOB', 'SB', 'SAB', 'SBS', 'BK', 'KOM'].map((o) => ballot(o, 'for'));
    expect(canClose(motion(), all, false)).toEqual({ ok: true, value: 'chair' });
  });

  it('R6: pressed past the deadline, before the scheduler closed it, the deadline closes it: nothing to confirm', () => {
    const some = [ballot('FOB', 'for')];
    const deadline = motion().deadline;
    expect(canClose(motion(), some, false, new Date(deadline.getTime() - 1))).toEqual({ ok: false, reason: 'organisations-missing' });
    expect(canClose(motion(), some, false, deadline)).toEqual({ ok: true, value: 'deadline' });
    expect(canClose(motion(), some, true, new Date(deadline.getTime() + 60_000))).toEqual({ ok: true, value: 'deadline' });
  });

  it('voteReminderHours before the deadline is when the missing are reminded; none when that is not after the opening or the policy is 0', () => {
    const m = motion();
    expect(voteReminderAt(m, 24, ZONE)).toEqual(new Date(m.deadline.getTime() - 24 * 3_600_000));
    expect(voteReminderAt(m, 72, ZONE)).toBeUndefined();
    expect(voteReminderAt(m, 0, ZONE)).toBeUndefined();
  });

  describe('R6: no reminder to vote in the night (22.00 to 07.00 in the board\'s zone)', () => {
    /** A vote opened at `opened` (local, Copenhagen) whose deadline is `hours` later. */
    const vote = (opened: string, hours = 72) => {
      const openedAt = new Date(opened);
      return { openedAt, deadline: new Date(openedAt.getTime() + hours * 3_600_000) };
    };
    const local = (iso: string) => new Date(iso);

    it('in the day (07.00 to 21.59) it keeps its moment', () => {
      expect(voteReminderAt(vote('2027-02-08T10:00:00+01:00'), 24, ZONE)).toEqual(local('2027-02-10T10:00:00+01:00'));
      expect(voteReminderAt(vote('2027-02-08T07:00:00+01:00'), 24, ZONE)).toEqual(local('2027-02-10T07:00:00+01:00'));
      expect(voteReminderAt(vote('2027-02-08T21:59:00+01:00'), 24, ZONE)).toEqual(local('2027-02-10T21:59:00+01:00'));
    });

    it('late in the evening (from 22.00) it goes out at 07.00 the next morning', () => {
      expect(voteReminderAt(vote('2027-02-08T22:00:00+01:00'), 24, ZONE)).toEqual(local('2027-02-11T07:00:00+01:00'));
      expect(voteReminderAt(vote('2027-02-08T23:30:00+01:00'), 24, ZONE)).toEqual(local('2027-02-11T07:00:00+01:00'));
    });

    it('after midnight (before 07.00) it goes out at 07.00 that morning', () => {
      expect(voteReminderAt(vote('2027-02-08T00:15:00+01:00'), 24, ZONE)).toEqual(local('2027-02-10T07:00:00+01:00'));
      expect(voteReminderAt(vote('2027-02-08T06:59:00+01:00'), 24, ZONE)).toEqual(local('2027-02-10T07:00:00+01:00'));
    });

    it('when 07.00 would leave less than an hour before the deadline, at 21.00 the evening before', () => {
      // Deadline Thursday 07.30, reminded 3 h before: Thursday 04.30; 07.00 is half an hour before the deadline.
      expect(voteReminderAt(vote('2027-02-08T07:30:00+01:00'), 3, ZONE)).toEqual(local('2027-02-10T21:00:00+01:00'));
      // Deadline Thursday 08.00, reminded 2 h before (06.00): 07.00 is an hour before, which serves.
      expect(voteReminderAt(vote('2027-02-08T08:00:00+01:00'), 2, ZONE)).toEqual(local('2027-02-11T07:00:00+01:00'));
      // Deadline Thursday 00.30, reminded 1 h before (Wednesday 23.30): the morning is past the deadline.
      expect(voteReminderAt(vote('2027-02-08T00:30:00+01:00'), 1, ZONE)).toEqual(local('2027-02-10T21:00:00+01:00'));
    });

    it('when neither serves (the evening before is not after the vote opened), it keeps its moment in the night', () => {
      // Opened Monday 21.30 with a deadline 8 h later (Tuesday 05.30), reminded 2 h before: 03.30.
      expect(voteReminderAt(vote('2027-02-08T21:30:00+01:00', 8), 2, ZONE)).toEqual(local('2027-02-09T03:30:00+01:00'));
    });

    it('the night is the board\'s: the same instant is day in Nuuk', () => {
      expect(voteReminderAt(vote('2027-02-08T23:30:00+01:00'), 24, 'America/Nuuk')).toEqual(local('2027-02-10T23:30:00+01:00'));
    });

    it('across the change to summer time, 07.00 is 07.00 on the wall clock', () => {
      // Deadline Sunday 28 March 2027 23.30 CEST, reminded 24 h before: Saturday 27 March 22.30 CET, in the night; the clocks go forward at 02.00.
      expect(voteReminderAt(vote('2027-03-25T23:30:00+01:00', 71), 24, ZONE)).toEqual(local('2027-03-28T07:00:00+02:00'));
    });
  });

  it('closes by itself when every organisation has voted, or at the deadline', () => {
    const m = motion();
    const five = ['FOB', 'SB', 'SAB', 'SBS', 'BK'].map((o) => ballot(o, 'for'));
    expect(automaticCloseReason(m, five, at(10))).toBeNull();
    expect(automaticCloseReason(m, [...five, ballot('KOM', 'abstain')], at(10))).toBe('all-voted');
    expect(automaticCloseReason(m, five, m.deadline)).toBe('deadline');
    expect(automaticCloseReason(closed(m, 'chair', at(2)), five, m.deadline)).toBeNull();
  });
});

describe('tally and outcome (R6)', () => {
  const all = (choices: Choice[]) => ['FOB', 'SB', 'SAB', 'SBS', 'BK', 'KOM'].map((o, i) => ballot(o, choices[i]!));

  it('R6: simple majority — 4 for, 1 against, 1 abstain is adopted', () => {
    expect(tally(motion(), all(['for', 'for', 'for', 'for', 'against', 'abstain']))).toEqual({
      for: 4,
      against: 1,
      abstain: 1,
      notVoted: [],
      adopted: true,
    });
  });

  it('R6: simple majority — a 3–3 tie is not adopted', () => {
    expect(tally(motion(), all(['for', 'for', 'for', 'against', 'against', 'against'])).adopted).toBe(false);
  });

  it('R6: simple majority — abstentions do not count: 1 for, 0 against, 5 abstain is adopted', () => {
    expect(tally(motion(), all(['for', 'abstain', 'abstain', 'abstain', 'abstain', 'abstain'])).adopted).toBe(true);
  });

  it('R6: absolute majority — needs more than half of all six organisations for (4 of 6)', () => {
    const m = motion({ majority: 'absolute' });
    expect(tally(m, all(['for', 'for', 'for', 'abstain', 'abstain', 'abstain'])).adopted).toBe(false);
    expect(tally(m, all(['for', 'for', 'for', 'for', 'against', 'against'])).adopted).toBe(true);
    expect(tally(m, [ballot('FOB', 'for'), ballot('SB', 'for'), ballot('SAB', 'for')]).adopted).toBe(false);
  });

  it('lists the organisations that did not vote, in board order', () => {
    expect(tally(motion(), [ballot('KOM', 'for'), ballot('SB', 'against')]).notVoted).toEqual(['FOB', 'SAB', 'SBS', 'BK']);
  });

  const orgs = ['FOB', 'SB', 'SAB', 'SBS', 'BK', 'KOM'];
  const ballotsArb = fc.array(
    fc.record({ org: fc.constantFrom(...orgs, 'XYZ'), choice: fc.constantFrom(...CHOICES), minute: fc.integer({ min: 0, max: 1000 }) }),
    { maxLength: 40 },
  );
  const toBallots = (rows: { org: string; choice: Choice; minute: number }[]) => rows.map((r) => ballot(r.org, r.choice, r.minute));

  it('R5 property: at most one vote per organisation counts; counts never exceed six', () => {
    fc.assert(
      fc.property(ballotsArb, (rows) => {
        const t = tally(motion(), toBallots(rows));
        const counted = t.for + t.against + t.abstain;
        expect(counted).toBeLessThanOrEqual(6);
        expect(counted + t.notVoted.length).toBe(6);
      }),
    );
  });

  it('R6 property: simple majority is adopted exactly when for > against', () => {
    fc.assert(
      fc.property(ballotsArb, (rows) => {
        const t = tally(motion(), toBallots(rows));
        expect(t.adopted).toBe(t.for > t.against);
      }),
    );
  });

  it('R6 property: absolute adoption implies simple adoption, and needs at least 4 for', () => {
    fc.assert(
      fc.property(ballotsArb, (rows) => {
        const b = toBallots(rows);
        const abs = tally(motion({ majority: 'absolute' }), b);
        if (abs.adopted) {
          expect(abs.for).toBeGreaterThanOrEqual(4);
          expect(tally(motion(), b).adopted).toBe(true);
        }
      }),
    );
  });

  it('R5 property: the tally depends only on each organisation\'s latest ballot', () => {
    fc.assert(
      fc.property(ballotsArb, (rows) => {
        const b = toBallots(rows.filter((r) => r.org !== 'XYZ'));
        const latestOnly = b.reduce<Ballot[]>((acc, x) => {
          const prev = acc.find((y) => y.organisationId === x.organisationId);
          if (prev && prev.castAt.getTime() > x.castAt.getTime()) return acc;
          return applyBallot(acc, x);
        }, []);
        expect(tally(motion(), b)).toEqual(tally(motion(), latestOnly));
      }),
    );
  });
});
