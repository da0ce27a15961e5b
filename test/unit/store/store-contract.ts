/**
 * The Store contract: every adapter (SQLite now, PostgreSQL later) runs this suite.
 * Each test opens a fresh store, migrates it, and closes it afterwards.
 * Time is passed in explicitly (`now`); nothing sleeps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conclusion, Dissent } from '../../../src/domain/conclusion.js';
import type { DatePoll } from '../../../src/domain/date-planning.js';
import type { AgendaItem, Meeting, Petition } from '../../../src/domain/meeting.js';
import type { Minutes } from '../../../src/domain/minutes.js';
import type { Ballot, Motion } from '../../../src/domain/voting.js';
import { CLAIM_LEASE_MS } from '../../../src/store/claims.js';
import type { ChannelBinding, JobInput, OutboxInput, Store } from '../../../src/store/port.js';

const T0 = new Date('2025-03-03T09:00:00.000Z');
const MINUTE = 60_000;
/** T0 plus `minutes`. */
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);
/** A claim's lease, in minutes. */
const LEASE = CLAIM_LEASE_MS / MINUTE;

function motion(id: string, extra: Partial<Motion> = {}): Motion {
  return {
    id,
    text: `Forslag ${id}`,
    openedBy: 'p-chair',
    openedAt: T0,
    deadline: at(48 * 60),
    majority: 'simple',
    organisationIds: ['FOB', 'AB', 'KAB'],
    ...extra,
  };
}

function ballot(motionId: string, organisationId: string, extra: Partial<Ballot> = {}): Ballot {
  return { motionId, organisationId, choice: 'for', castBy: `p-${organisationId}`, castAt: at(1), ...extra };
}

function job(key: string, extra: Partial<JobInput> = {}): JobInput {
  return { key, kind: 'vote.deadline', dueAt: at(10), payload: { motionId: key }, ...extra };
}

const conversation = { conversation: { id: '19:abc@thread.tacv2' }, serviceUrl: 'https://smba.example/' };

function post(key: string, extra: Partial<OutboxInput> = {}): OutboxInput {
  return { key, kind: 'send', conversation, activity: { type: 'message', text: key }, dueAt: at(0), ...extra };
}

function meeting(id: string, extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    kind: 'ordinary',
    startsAt: at(14 * 24 * 60),
    status: 'planned',
    createdBy: 'system',
    createdAt: T0,
    ...extra,
  };
}

function agendaItem(id: string, meetingId: string, position: number, extra: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id,
    meetingId,
    title: `Punkt ${id}`,
    kind: 'decision',
    position,
    attachments: [],
    addedBy: 'p-chair',
    addedAt: at(position),
    ...extra,
  };
}

function petition(id: string, extra: Partial<Petition> = {}): Petition {
  return { id, subject: `Ekstraordinært møde ${id}`, createdBy: 'p-fob', createdAt: T0, ...extra };
}

function conclusion(id: string, meetingId: string, extra: Partial<Conclusion> = {}): Conclusion {
  return {
    id,
    agendaItem: { meetingId, itemId: `${meetingId}-i1` },
    itemLabel: `1. Punkt ${id}`,
    text: `Konklusion ${id}`,
    concludedBy: 'p-chair',
    concludedAt: T0,
    objectionDeadline: at(48 * 60),
    status: 'open',
    ...extra,
  };
}

function dissent(id: string, subject: Dissent['subject'], personId: string, extra: Partial<Dissent> = {}): Dissent {
  return { id, subject, personId, organisationId: `org-${personId}`, text: `Særstandpunkt ${id}`, at: at(1), ...extra };
}

function datePoll(id: string, extra: Partial<DatePoll> = {}): DatePoll {
  return {
    id,
    year: 2026,
    proposedDates: ['2026-03-05', '2026-06-04', '2026-09-03', '2026-12-03', '2026-12-10'],
    time: '16:00',
    createdBy: 'p-secretary',
    createdAt: T0,
    ...extra,
  };
}

function minutes(id: string, meetingId: string, version: number, extra: Partial<Minutes> = {}): Minutes {
  return {
    id,
    meetingId,
    version,
    text: `# Referat ${id}\n\n1. Godkendt.`,
    draftedBy: 'p-secretary',
    draftedAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

export interface ContractOptions {
  /**
   * Opens another store on the database `open` opened last: the next process (after a
   * kill) or another instance. Without it (':memory:') the tests that need it are skipped.
   */
  readonly reopen?: () => Promise<Store>;
}

export function describeStoreContract(name: string, open: () => Promise<Store>, options: ContractOptions = {}): void {
  const { reopen } = options;
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });

    afterEach(async () => {
      await store.close();
    });

    describe('secrets', () => {
      it('makes a secret once and gives the same one after (generate is not asked again)', async () => {
        let calls = 0;
        const generate = () => `s-${++calls}`;
        expect(await store.secret('file-links', generate)).toBe('s-1');
        expect(await store.secret('file-links', generate)).toBe('s-1');
        expect(await store.secret('other', generate)).toBe('s-3');
      });
    });

    describe('lifecycle', () => {
      it('migrates idempotently and reports health', async () => {
        await store.migrate();
        await store.migrate();
        const health = await store.health();
        expect(health.ok).toBe(true);
        expect(typeof health.kind).toBe('string');
        expect(health.kind.length).toBeGreaterThan(0);
      });
    });

    describe('processed activities', () => {
      it('records an activity once: the same activity processed twice is false the second time', async () => {
        expect(await store.markActivityProcessed('act-1', T0)).toBe(true);
        expect(await store.markActivityProcessed('act-1', at(1))).toBe(false);
        expect(await store.markActivityProcessed('act-2', at(1))).toBe(true);
      });

      it('lets only one of two concurrent deliveries through', async () => {
        const results = await Promise.all([
          store.markActivityProcessed('act-x', T0),
          store.markActivityProcessed('act-x', T0),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('channel binding', () => {
      it('has no binding at first', async () => {
        expect(await store.getBinding()).toBeUndefined();
      });

      it('saves and reads back the binding, then overwrites it', async () => {
        const first: ChannelBinding = {
          conversationReference: { ...conversation, channelId: 'msteams', nested: [1, 'two', null] },
          tenantId: 'tenant-1',
          teamId: '19:team@thread.tacv2',
          channelId: '19:general@thread.tacv2',
          serviceUrl: 'https://smba.example/emea/',
          boundAt: T0,
          boundBy: 'p-chair',
        };
        await store.saveBinding(first);
        expect(await store.getBinding()).toEqual(first);

        const second: ChannelBinding = {
          conversationReference: { conversation: { id: '19:other@thread.tacv2' } },
          channelId: '19:other@thread.tacv2',
          serviceUrl: 'https://smba.example/emea/',
          boundAt: at(5),
        };
        await store.saveBinding(second);
        const read = await store.getBinding();
        expect(read).toEqual(second);
        expect(read).not.toHaveProperty('tenantId');
        expect(read).not.toHaveProperty('teamId');
        expect(read).not.toHaveProperty('boundBy');
      });
    });

    describe('Teams identities', () => {
      it('remembers identities, one per person, the latest', async () => {
        expect(await store.listTeamsIdentities()).toEqual([]);
        await store.rememberTeamsIdentity({ personId: 'p-b', teamsUserId: '29:b', name: 'Bo', seenAt: T0 });
        await store.rememberTeamsIdentity({ personId: 'p-a', teamsUserId: '29:a', name: 'Anna', seenAt: T0 });
        await store.rememberTeamsIdentity({ personId: 'p-b', teamsUserId: '29:b2', name: 'Bo Jensen', seenAt: at(3) });
        expect(await store.listTeamsIdentities()).toEqual([
          { personId: 'p-a', teamsUserId: '29:a', name: 'Anna', seenAt: T0 },
          { personId: 'p-b', teamsUserId: '29:b2', name: 'Bo Jensen', seenAt: at(3) },
        ]);
      });
    });

    describe('motions', () => {
      it('reads back an open motion exactly, with no close fields', async () => {
        const m = motion('m1', { majority: 'absolute', organisationIds: ['KAB', 'FOB'] });
        await store.insertMotion(m);
        const read = await store.getMotion('m1');
        expect(read).toEqual(m);
        expect(read).not.toHaveProperty('closedAt');
        expect(read).not.toHaveProperty('closedBy');
        expect(read).not.toHaveProperty('closeReason');
        expect(read?.openedAt).toBeInstanceOf(Date);
        expect(await store.getMotion('nope')).toBeUndefined();
      });

      it('reads back a motion inserted closed', async () => {
        const m = motion('m1', { closedAt: at(30), closeReason: 'chair', closedBy: 'p-chair' });
        await store.insertMotion(m);
        expect(await store.getMotion('m1')).toEqual(m);
      });

      it('rejects a second motion with the same id', async () => {
        await store.insertMotion(motion('m1'));
        await expect(store.insertMotion(motion('m1'))).rejects.toThrow();
      });

      it('lists only open motions', async () => {
        await store.insertMotion(motion('m1'));
        await store.insertMotion(motion('m2', { openedAt: at(1) }));
        await store.insertMotion(motion('m3', { openedAt: at(2) }));
        await store.closeMotion('m2', at(5), 'all-voted');
        expect((await store.listOpenMotions()).map((m) => m.id)).toEqual(['m1', 'm3']);
      });

      it('closes a motion once: one close wins', async () => {
        await store.insertMotion(motion('m1'));
        expect(await store.closeMotion('m1', at(10), 'chair', 'p-chair')).toBe(true);
        expect(await store.closeMotion('m1', at(20), 'deadline')).toBe(false);
        expect(await store.getMotion('m1')).toEqual(
          motion('m1', { closedAt: at(10), closeReason: 'chair', closedBy: 'p-chair' }),
        );
        expect(await store.listOpenMotions()).toEqual([]);
      });

      it('lets one of two concurrent closes win', async () => {
        await store.insertMotion(motion('m1'));
        const results = await Promise.all([
          store.closeMotion('m1', at(10), 'all-voted'),
          store.closeMotion('m1', at(10), 'deadline'),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('closes without a closer (the scheduler): closedBy is absent', async () => {
        await store.insertMotion(motion('m1'));
        expect(await store.closeMotion('m1', at(60), 'deadline')).toBe(true);
        const read = await store.getMotion('m1');
        expect(read).toEqual(motion('m1', { closedAt: at(60), closeReason: 'deadline' }));
        expect(read).not.toHaveProperty('closedBy');
      });

      it('does not close an unknown motion', async () => {
        expect(await store.closeMotion('nope', at(1), 'chair', 'p-chair')).toBe(false);
      });
    });

    describe('ballots', () => {
      it('R5: keeps one ballot per organisation per motion, the last cast', async () => {
        await store.insertMotion(motion('m1'));
        await store.upsertBallot(ballot('m1', 'FOB', { choice: 'for', castBy: 'p-1', castAt: at(1) }));
        await store.upsertBallot(ballot('m1', 'FOB', { choice: 'against', castBy: 'p-2', castAt: at(2) }));
        expect(await store.listBallots('m1')).toEqual([
          { motionId: 'm1', organisationId: 'FOB', choice: 'against', castBy: 'p-2', castAt: at(2) },
        ]);
      });

      it('R5: keeps each organisation’s ballot separately, per motion, ordered by cast time', async () => {
        await store.insertMotion(motion('m1'));
        await store.insertMotion(motion('m2'));
        await store.upsertBallot(ballot('m1', 'KAB', { castAt: at(3), choice: 'abstain' }));
        await store.upsertBallot(ballot('m1', 'FOB', { castAt: at(1) }));
        await store.upsertBallot(ballot('m1', 'AB', { castAt: at(2), choice: 'against' }));
        await store.upsertBallot(ballot('m2', 'FOB', { castAt: at(4) }));
        // A changed vote moves to its new cast time.
        await store.upsertBallot(ballot('m1', 'FOB', { castAt: at(5), choice: 'against' }));
        expect(await store.listBallots('m1')).toEqual([
          ballot('m1', 'AB', { castAt: at(2), choice: 'against' }),
          ballot('m1', 'KAB', { castAt: at(3), choice: 'abstain' }),
          ballot('m1', 'FOB', { castAt: at(5), choice: 'against' }),
        ]);
        expect(await store.listBallots('m2')).toEqual([ballot('m2', 'FOB', { castAt: at(4) })]);
        expect(await store.listBallots('none')).toEqual([]);
      });

      it('R5: two concurrent ballots of one organisation leave one ballot', async () => {
        await store.insertMotion(motion('m1'));
        await Promise.all([
          store.upsertBallot(ballot('m1', 'AB', { choice: 'for', castBy: 'p-1' })),
          store.upsertBallot(ballot('m1', 'AB', { choice: 'against', castBy: 'p-2' })),
        ]);
        expect(await store.listBallots('m1')).toHaveLength(1);
      });

      it('rejects a ballot for an unknown motion', async () => {
        await expect(store.upsertBallot(ballot('nope', 'FOB'))).rejects.toThrow();
      });
    });

    describe('meetings', () => {
      it('reads back an ordinary meeting exactly, with optional fields absent', async () => {
        const m = meeting('mt1');
        await store.insertMeeting(m);
        const read = await store.getMeeting('mt1');
        expect(read).toEqual(m);
        for (const field of ['subject', 'place', 'agendaSentAt', 'agendaLate']) expect(read).not.toHaveProperty(field);
        expect(read?.startsAt).toBeInstanceOf(Date);
        expect(await store.getMeeting('nope')).toBeUndefined();
      });

      it('reads back an extraordinary meeting with subject, place and a late agenda', async () => {
        const m = meeting('mt1', {
          kind: 'extraordinary',
          subject: 'Budget',
          place: 'https://teams.example/meet/1',
          createdBy: 'p-chair',
          agendaSentAt: at(60),
          agendaLate: true,
        });
        await store.insertMeeting(m);
        expect(await store.getMeeting('mt1')).toEqual(m);
        await store.insertMeeting(meeting('mt2', { agendaSentAt: at(60), agendaLate: false }));
        expect(await store.getMeeting('mt2')).toEqual(meeting('mt2', { agendaSentAt: at(60), agendaLate: false }));
      });

      it('rejects a second meeting with the same id', async () => {
        await store.insertMeeting(meeting('mt1'));
        await expect(store.insertMeeting(meeting('mt1'))).rejects.toThrow();
      });

      it('R9: lists meetings in a period in order', async () => {
        const day = 24 * 60;
        await store.insertMeeting(meeting('c', { startsAt: at(30 * day) }));
        await store.insertMeeting(meeting('b', { startsAt: at(10 * day) }));
        await store.insertMeeting(meeting('a', { startsAt: at(10 * day) })); // same start: by id
        await store.insertMeeting(meeting('before', { startsAt: at(-1) }));
        await store.insertMeeting(meeting('end', { startsAt: at(60 * day) }));
        await store.insertMeeting(meeting('x', { startsAt: at(20 * day), status: 'cancelled' }));

        const ids = async (range?: Parameters<Store['listMeetings']>[0]) => (await store.listMeetings(range)).map((m) => m.id);
        expect(await ids()).toEqual(['before', 'a', 'b', 'x', 'c', 'end']);
        // [from, to): the start is included, the end is not.
        expect(await ids({ from: T0, to: at(60 * day) })).toEqual(['a', 'b', 'x', 'c']);
        expect(await ids({ from: at(10 * day), to: at(30 * day) })).toEqual(['a', 'b', 'x']);
        expect(await ids({ from: at(30 * day) })).toEqual(['c', 'end']);
        expect(await ids({ to: T0 })).toEqual(['before']);
        expect(await ids({ from: T0, to: at(60 * day), status: 'planned' })).toEqual(['a', 'b', 'c']);
        expect(await ids({ status: 'cancelled' })).toEqual(['x']);
        expect(await ids({ from: at(61 * day) })).toEqual([]);
      });

      it('cancels a meeting via updateMeeting, changing only the given fields', async () => {
        const m = meeting('mt1', { place: 'Mødelokale 1', agendaSentAt: at(5), agendaLate: false });
        await store.insertMeeting(m);
        await store.insertMeeting(meeting('mt2'));
        await store.updateMeeting('mt1', { status: 'cancelled' });
        expect(await store.getMeeting('mt1')).toEqual({ ...m, status: 'cancelled' });
        expect(await store.listMeetings({ status: 'planned' })).toEqual([meeting('mt2')]);
        expect(await store.getMeeting('mt2')).toEqual(meeting('mt2'));
      });

      it('moves a meeting and sets its place and subject; undefined fields are left as they are', async () => {
        await store.insertMeeting(meeting('mt1', { kind: 'extraordinary', subject: 'Budget', place: 'Lokale 1' }));
        await store.updateMeeting('mt1', { startsAt: at(100), place: 'https://teams.example/meet/2' });
        expect(await store.getMeeting('mt1')).toEqual(
          meeting('mt1', { kind: 'extraordinary', subject: 'Budget', place: 'https://teams.example/meet/2', startsAt: at(100) }),
        );
        await store.updateMeeting('mt1', { subject: 'Budget 2026', place: undefined });
        await store.updateMeeting('mt1', {});
        expect(await store.getMeeting('mt1')).toEqual(
          meeting('mt1', { kind: 'extraordinary', subject: 'Budget 2026', place: 'https://teams.example/meet/2', startsAt: at(100) }),
        );
        await store.updateMeeting('nope', { status: 'cancelled' }); // unknown meeting: no effect, no error
        expect(await store.getMeeting('nope')).toBeUndefined();
      });

      it('R13: records the first agenda send only, with its lateness', async () => {
        await store.insertMeeting(meeting('mt1'));
        expect(await store.markAgendaSent('mt1', at(10), true)).toBe(true);
        expect(await store.markAgendaSent('mt1', at(20), false)).toBe(false);
        expect(await store.getMeeting('mt1')).toEqual(meeting('mt1', { agendaSentAt: at(10), agendaLate: true }));

        await store.insertMeeting(meeting('mt2'));
        expect(await store.markAgendaSent('mt2', at(5), false)).toBe(true);
        const onTime = await store.getMeeting('mt2');
        expect(onTime).toEqual(meeting('mt2', { agendaSentAt: at(5), agendaLate: false }));
        expect(onTime?.agendaLate).toBe(false);

        expect(await store.markAgendaSent('nope', at(5), false)).toBe(false);
      });

      it('R13: lets one of two concurrent agenda sends win', async () => {
        await store.insertMeeting(meeting('mt1'));
        const results = await Promise.all([
          store.markAgendaSent('mt1', at(10), false),
          store.markAgendaSent('mt1', at(10), true),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('agenda items', () => {
      it('R12: lists a meeting’s added items by position, read back exactly', async () => {
        await store.insertMeeting(meeting('mt1'));
        await store.insertMeeting(meeting('mt2'));
        const second = agendaItem('i2', 'mt1', 2, { kind: 'information', attachments: [{ url: 'https://x/a.pdf', title: 'Bilag' }] });
        const first = agendaItem('i1', 'mt1', 1, { kind: 'discussion' });
        const third = agendaItem('i3', 'mt1', 3);
        await store.insertAgendaItem(third);
        await store.insertAgendaItem(second);
        await store.insertAgendaItem(first);
        await store.insertAgendaItem(agendaItem('other', 'mt2', 1));
        expect(await store.listAgendaItems('mt1')).toEqual([first, second, third]);
        expect((await store.listAgendaItems('mt2')).map((i) => i.id)).toEqual(['other']);
        expect(await store.listAgendaItems('none')).toEqual([]);
      });

      it('keeps positions unique per meeting', async () => {
        await store.insertMeeting(meeting('mt1'));
        await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
        await expect(store.insertAgendaItem(agendaItem('i2', 'mt1', 1))).rejects.toThrow();
        expect((await store.listAgendaItems('mt1')).map((i) => i.id)).toEqual(['i1']);
      });

      it('rejects an item for an unknown meeting', async () => {
        await expect(store.insertAgendaItem(agendaItem('i1', 'nope', 1))).rejects.toThrow();
      });

      it('appends attachments in order', async () => {
        await store.insertMeeting(meeting('mt1'));
        await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
        await store.insertAgendaItem(agendaItem('i2', 'mt1', 2, { attachments: [{ url: 'https://x/0' }] }));
        await store.addAttachment('i1', { url: 'https://x/1', title: 'Regnskab' });
        await store.addAttachment('i1', { url: 'https://x/2' });
        await store.addAttachment('i2', { url: 'https://x/3' });
        const [i1, i2] = await store.listAgendaItems('mt1');
        expect(i1?.attachments).toEqual([{ url: 'https://x/1', title: 'Regnskab' }, { url: 'https://x/2' }]);
        expect(i1?.attachments[1]).not.toHaveProperty('title');
        expect(i2?.attachments).toEqual([{ url: 'https://x/0' }, { url: 'https://x/3' }]);
      });

      it('loses no attachment when several are added at once', async () => {
        await store.insertMeeting(meeting('mt1'));
        await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
        await Promise.all([1, 2, 3, 4].map((n) => store.addAttachment('i1', { url: `https://x/${n}` })));
        const [item] = await store.listAgendaItems('mt1');
        expect(item?.attachments.map((a) => a.url).sort()).toEqual(['https://x/1', 'https://x/2', 'https://x/3', 'https://x/4']);
      });

      it('rejects an attachment for an unknown item', async () => {
        await expect(store.addAttachment('nope', { url: 'https://x/1' })).rejects.toThrow();
      });
    });

    describe('petitions', () => {
      it('reads back a petition exactly, without a majority until one is recorded', async () => {
        await store.insertPetition(petition('pe1'));
        const read = await store.getPetition('pe1');
        expect(read).toEqual(petition('pe1'));
        expect(read).not.toHaveProperty('majorityAt');
        expect(await store.getPetition('nope')).toBeUndefined();
        await store.insertPetition(petition('pe2', { majorityAt: at(7) }));
        expect(await store.getPetition('pe2')).toEqual(petition('pe2', { majorityAt: at(7) }));
        await expect(store.insertPetition(petition('pe1'))).rejects.toThrow();
      });

      it('R11: counts each person once per petition', async () => {
        await store.insertPetition(petition('pe1'));
        await store.insertPetition(petition('pe2'));
        expect(await store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-b', supportedAt: at(2) })).toBe(true);
        expect(await store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) })).toBe(true);
        expect(await store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-b', supportedAt: at(3) })).toBe(false);
        expect(await store.addPetitionSupport({ petitionId: 'pe2', personId: 'p-b', supportedAt: at(4) })).toBe(true);
        expect(await store.listPetitionSupports('pe1')).toEqual([
          { petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) },
          { petitionId: 'pe1', personId: 'p-b', supportedAt: at(2) },
        ]);
        expect(await store.listPetitionSupports('pe2')).toEqual([{ petitionId: 'pe2', personId: 'p-b', supportedAt: at(4) }]);
        expect(await store.listPetitionSupports('none')).toEqual([]);
      });

      it('R11: two concurrent supports of one person count once', async () => {
        await store.insertPetition(petition('pe1'));
        const results = await Promise.all([
          store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) }),
          store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) }),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.listPetitionSupports('pe1')).toHaveLength(1);
      });

      it('rejects a support for an unknown petition', async () => {
        await expect(store.addPetitionSupport({ petitionId: 'nope', personId: 'p-a', supportedAt: at(1) })).rejects.toThrow();
      });

      it('R11: records the majority once', async () => {
        await store.insertPetition(petition('pe1'));
        expect(await store.markPetitionMajority('pe1', at(10))).toBe(true);
        expect(await store.markPetitionMajority('pe1', at(20))).toBe(false);
        expect(await store.getPetition('pe1')).toEqual(petition('pe1', { majorityAt: at(10) }));
        expect(await store.markPetitionMajority('nope', at(10))).toBe(false);
      });
    });

    describe('conclusions (R7)', () => {
      it('reads back an open conclusion exactly, with optional fields absent', async () => {
        const c = conclusion('c1', 'mt1');
        await store.insertConclusion(c);
        const read = await store.getConclusion('c1');
        expect(read).toEqual(c);
        for (const field of ['decidedAt', 'decidedBy', 'motionId']) expect(read).not.toHaveProperty(field);
        expect(read?.agendaItem).not.toHaveProperty('standing');
        expect(read?.concludedAt).toBeInstanceOf(Date);
        expect(await store.getConclusion('nope')).toBeUndefined();
      });

      it('reads back a conclusion on a standing item, and one inserted decided', async () => {
        const standing = conclusion('c1', 'mt1', { agendaItem: { meetingId: 'mt1', standing: 'approve-minutes' } });
        await store.insertConclusion(standing);
        const read = await store.getConclusion('c1');
        expect(read).toEqual(standing);
        expect(read?.agendaItem).not.toHaveProperty('itemId');

        const decided = conclusion('c2', 'mt1', { status: 'decided', decidedAt: at(30), decidedBy: 'chair' });
        await store.insertConclusion(decided);
        expect(await store.getConclusion('c2')).toEqual(decided);
        await expect(store.insertConclusion(conclusion('c1', 'mt2'))).rejects.toThrow();
      });

      it('R7: moves a conclusion on once (decided, objected, voted)', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        expect(await store.updateConclusion('c1', 'open', { status: 'decided', decidedAt: at(10), decidedBy: 'chair' })).toBe(true);
        // The window running out later finds it decided already.
        expect(await store.updateConclusion('c1', 'open', { status: 'decided', decidedAt: at(48 * 60), decidedBy: 'window' })).toBe(false);
        expect(await store.updateConclusion('c1', 'open', { status: 'objected' })).toBe(false);
        expect(await store.getConclusion('c1')).toEqual(
          conclusion('c1', 'mt1', { status: 'decided', decidedAt: at(10), decidedBy: 'chair' }),
        );

        await store.insertConclusion(conclusion('c2', 'mt1'));
        expect(await store.updateConclusion('c2', 'open', { status: 'objected' })).toBe(true);
        const objected = await store.getConclusion('c2');
        expect(objected).toEqual(conclusion('c2', 'mt1', { status: 'objected' }));
        for (const field of ['decidedAt', 'decidedBy', 'motionId']) expect(objected).not.toHaveProperty(field);
        expect(await store.updateConclusion('c2', 'open', { status: 'decided', decidedAt: at(48 * 60), decidedBy: 'window' })).toBe(false);
        expect(await store.updateConclusion('c2', 'objected', { status: 'voted', motionId: 'm1' })).toBe(true);
        expect(await store.updateConclusion('c2', 'objected', { status: 'voted', motionId: 'm2' })).toBe(false);
        expect(await store.getConclusion('c2')).toEqual(conclusion('c2', 'mt1', { status: 'voted', motionId: 'm1' }));

        expect(await store.updateConclusion('nope', 'open', { status: 'objected' })).toBe(false);
      });

      it('R7: lets one of two concurrent moves of a conclusion win', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        const results = await Promise.all([
          store.updateConclusion('c1', 'open', { status: 'decided', decidedAt: at(48 * 60), decidedBy: 'window' }),
          store.updateConclusion('c1', 'open', { status: 'objected' }),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('R7: counts one objection per person', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        await store.insertConclusion(conclusion('c2', 'mt1'));
        const objection = (conclusionId: string, personId: string, minute: number) => ({
          conclusionId,
          personId,
          organisationId: `org-${personId}`,
          at: at(minute),
        });
        expect(await store.addObjection(objection('c1', 'p-b', 2))).toBe(true);
        expect(await store.addObjection(objection('c1', 'p-a', 3))).toBe(true);
        expect(await store.addObjection(objection('c1', 'p-b', 4))).toBe(false);
        expect(await store.addObjection(objection('c2', 'p-b', 5))).toBe(true);
        expect(await store.listObjections('c1')).toEqual([objection('c1', 'p-b', 2), objection('c1', 'p-a', 3)]);
        expect(await store.listObjections('c2')).toEqual([objection('c2', 'p-b', 5)]);
        expect(await store.listObjections('none')).toEqual([]);

        const results = await Promise.all([store.addObjection(objection('c2', 'p-c', 6)), store.addObjection(objection('c2', 'p-c', 6))]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.listObjections('c2')).toHaveLength(2);
      });

      it('rejects an objection to an unknown conclusion', async () => {
        await expect(
          store.addObjection({ conclusionId: 'nope', personId: 'p-a', organisationId: 'FOB', at: at(1) }),
        ).rejects.toThrow();
      });
    });

    describe('dissents (R8)', () => {
      it('R8: keeps one dissent per person per conclusion and per vote, word for word', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        await store.insertMotion(motion('m1'));
        const words = '  Vi kan ikke støtte dette.\n\n«Særstandpunkt» — 100 % imod; "citat" & \'apostrof\' 😀\t';
        const onConclusion = dissent('d1', { conclusionId: 'c1' }, 'p-a', { text: words, at: at(3) });
        const onVote = dissent('d2', { motionId: 'm1' }, 'p-a', { at: at(2) });
        const other = dissent('d3', { conclusionId: 'c1' }, 'p-b', { at: at(1) });

        expect(await store.insertDissent(onConclusion)).toBe(true);
        expect(await store.insertDissent(onVote)).toBe(true); // same person, other subject
        expect(await store.insertDissent(other)).toBe(true);
        expect(await store.insertDissent(dissent('d4', { conclusionId: 'c1' }, 'p-a', { text: 'Andet' }))).toBe(false);
        expect(await store.insertDissent(dissent('d5', { motionId: 'm1' }, 'p-a', { text: 'Andet' }))).toBe(false);

        const read = await store.listDissents({ conclusionId: 'c1' });
        expect(read).toEqual([other, onConclusion]);
        expect(read[1]?.text).toBe(words);
        expect(read[1]?.subject).not.toHaveProperty('motionId');
        const votes = await store.listDissents({ motionId: 'm1' });
        expect(votes).toEqual([onVote]);
        expect(votes[0]?.subject).not.toHaveProperty('conclusionId');
        expect(await store.listDissents({ conclusionId: 'none' })).toEqual([]);
        expect(await store.listDissents({ motionId: 'c1' })).toEqual([]);
      });

      it('R8: two concurrent dissents of one person on one subject leave one', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        const results = await Promise.all([
          store.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a')),
          store.insertDissent(dissent('d2', { conclusionId: 'c1' }, 'p-a')),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.listDissents({ conclusionId: 'c1' })).toHaveLength(1);
      });

      it('rejects a dissent with a used id, or on an unknown subject', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        await store.insertMotion(motion('m1'));
        expect(await store.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a'))).toBe(true);
        await expect(store.insertDissent(dissent('d1', { motionId: 'm1' }, 'p-b'))).rejects.toThrow();
        await expect(store.insertDissent(dissent('d2', { conclusionId: 'nope' }, 'p-a'))).rejects.toThrow();
        await expect(store.insertDissent(dissent('d3', { motionId: 'nope' }, 'p-a'))).rejects.toThrow();
        expect(await store.listDissents({ motionId: 'm1' })).toEqual([]);
      });
    });

    describe('date polls (R10)', () => {
      it('reads back a poll exactly, unconfirmed fields absent, and lists a year’s polls newest first', async () => {
        const p1 = datePoll('dp1');
        await store.insertDatePoll(p1);
        const read = await store.getDatePoll('dp1');
        expect(read).toEqual(p1);
        for (const field of ['confirmedAt', 'confirmedBy', 'confirmedDates']) expect(read).not.toHaveProperty(field);
        expect(await store.getDatePoll('nope')).toBeUndefined();

        const p2 = datePoll('dp2', { createdAt: at(60), confirmedAt: at(90), confirmedBy: 'p-chair', confirmedDates: ['2026-03-05'] });
        const p0 = datePoll('dp0', { createdAt: at(60) }); // same time as dp2: by id
        const other = datePoll('dp3', { year: 2027, createdAt: at(120) });
        await store.insertDatePoll(p2);
        await store.insertDatePoll(p0);
        await store.insertDatePoll(other);
        expect(await store.getDatePoll('dp2')).toEqual(p2);
        expect(await store.listDatePolls(2026)).toEqual([p0, p2, p1]);
        expect(await store.listDatePolls(2027)).toEqual([other]);
        expect(await store.listDatePolls(2030)).toEqual([]);
        await expect(store.insertDatePoll(datePoll('dp1'))).rejects.toThrow();
      });

      it('R10: confirms a date poll once; answers replace earlier answers', async () => {
        await store.insertDatePoll(datePoll('dp1'));
        await store.insertDatePoll(datePoll('dp2'));
        const answer = (personId: string, available: string[], minute: number, pollId = 'dp1') => ({
          pollId,
          personId,
          available,
          answeredAt: at(minute),
        });
        await store.upsertDateAnswer(answer('p-b', ['2026-03-05', '2026-06-04'], 1));
        await store.upsertDateAnswer(answer('p-a', [], 2));
        await store.upsertDateAnswer(answer('p-b', ['2026-09-03'], 3));
        await store.upsertDateAnswer(answer('p-b', ['2026-12-03'], 4, 'dp2'));
        expect(await store.listDateAnswers('dp1')).toEqual([answer('p-a', [], 2), answer('p-b', ['2026-09-03'], 3)]);
        expect(await store.listDateAnswers('dp2')).toEqual([answer('p-b', ['2026-12-03'], 4, 'dp2')]);
        expect(await store.listDateAnswers('none')).toEqual([]);

        const dates = ['2026-03-05', '2026-06-04', '2026-09-03', '2026-12-03'];
        expect(await store.confirmDatePoll('dp1', at(10), 'p-chair', dates)).toBe(true);
        expect(await store.confirmDatePoll('dp1', at(20), 'p-other', ['2026-12-10'])).toBe(false);
        expect(await store.getDatePoll('dp1')).toEqual(datePoll('dp1', { confirmedAt: at(10), confirmedBy: 'p-chair', confirmedDates: dates }));
        expect(await store.getDatePoll('dp2')).toEqual(datePoll('dp2'));
        expect(await store.confirmDatePoll('nope', at(10), 'p-chair', dates)).toBe(false);

        const results = await Promise.all([
          store.confirmDatePoll('dp2', at(30), 'p-chair', dates),
          store.confirmDatePoll('dp2', at(30), 'p-chair', dates),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('rejects an answer to an unknown poll', async () => {
        await expect(store.upsertDateAnswer({ pollId: 'nope', personId: 'p-a', available: [], answeredAt: at(1) })).rejects.toThrow();
      });
    });

    describe('minutes (R16)', () => {
      it('reads back minutes exactly, with optional fields absent, and a correction with its link', async () => {
        const first = minutes('r1', 'mt1', 1);
        await store.insertMinutes(first);
        const read = await store.getMinutes('r1');
        expect(read).toEqual(first);
        for (const field of ['correctsId', 'approvedAt', 'approvedBy']) expect(read).not.toHaveProperty(field);
        expect(await store.getMinutes('nope')).toBeUndefined();

        const correction = minutes('r2', 'mt1', 2, { correctsId: 'r1', approvedAt: at(5), approvedBy: 'consent', updatedAt: at(2) });
        await store.insertMinutes(correction);
        expect(await store.getMinutes('r2')).toEqual(correction);
        await expect(store.insertMinutes(minutes('r3', 'mt1', 3, { correctsId: 'nope' }))).rejects.toThrow();
      });

      it('R16: approved minutes never change', async () => {
        await store.insertMinutes(minutes('r1', 'mt1', 1));
        expect(await store.updateMinutesText('r1', '# Rettet referat', at(5))).toBe(true);
        expect(await store.getMinutes('r1')).toEqual(minutes('r1', 'mt1', 1, { text: '# Rettet referat', updatedAt: at(5) }));

        expect(await store.approveMinutes('r1', at(60), 'p-chair')).toBe(true);
        expect(await store.approveMinutes('r1', at(70), 'consent')).toBe(false);
        expect(await store.updateMinutesText('r1', '# Ændret efter godkendelse', at(80))).toBe(false);
        const approved = minutes('r1', 'mt1', 1, { text: '# Rettet referat', updatedAt: at(5), approvedAt: at(60), approvedBy: 'p-chair' });
        expect(await store.getMinutes('r1')).toEqual(approved);

        expect(await store.updateMinutesText('nope', 'x', at(1))).toBe(false);
        expect(await store.approveMinutes('nope', at(1), 'p-chair')).toBe(false);

        await store.insertMinutes(minutes('r2', 'mt2', 1));
        const results = await Promise.all([
          store.approveMinutes('r2', at(60), 'p-chair'),
          store.approveMinutes('r2', at(60), 'consent'),
          store.updateMinutesText('r2', 'late edit', at(60)),
        ]);
        expect(results.slice(0, 2).filter(Boolean)).toHaveLength(1);
        const r2 = await store.getMinutes('r2');
        expect(r2?.approvedAt).toEqual(at(60));
        // An edit that came first is what was approved; one that came after changed nothing.
        expect(r2?.text).toBe(results[2] ? 'late edit' : minutes('r2', 'mt2', 1).text);
      });

      it('R16: minutes versions are unique per meeting', async () => {
        await store.insertMinutes(minutes('r1', 'mt1', 1, { approvedAt: at(60), approvedBy: 'p-chair' }));
        await store.insertMinutes(minutes('other', 'mt2', 1));
        await expect(store.insertMinutes(minutes('r1b', 'mt1', 1))).rejects.toThrow();
        await store.insertMinutes(minutes('r3', 'mt1', 3, { correctsId: 'r1' }));
        await store.insertMinutes(minutes('r2', 'mt1', 2, { correctsId: 'r1' }));

        expect((await store.listMinutes('mt1')).map((m) => [m.id, m.version])).toEqual([
          ['r1', 1],
          ['r2', 2],
          ['r3', 3],
        ]);
        expect(await store.listMinutes('mt2')).toEqual([minutes('other', 'mt2', 1)]);
        expect(await store.listMinutes('none')).toEqual([]);

        const drafts = await Promise.allSettled([
          store.insertMinutes(minutes('r4a', 'mt1', 4)),
          store.insertMinutes(minutes('r4b', 'mt1', 4)),
        ]);
        expect(drafts.filter((d) => d.status === 'fulfilled')).toHaveLength(1);
        expect((await store.listMinutes('mt1')).filter((m) => m.version === 4)).toHaveLength(1);
      });

      it('R16: keeps each attendee once per meeting, in the order added', async () => {
        const board = { meetingId: 'mt1', personId: 'p-fob', name: 'Anna Fob', addedBy: 'p-secretary', addedAt: at(2) };
        const guest = { meetingId: 'mt1', name: 'Revisor Bo', addedBy: 'p-secretary', addedAt: at(1) };
        const sameTime = { meetingId: 'mt1', name: 'Ærø Gæst', addedBy: 'p-secretary', addedAt: at(2) };
        expect(await store.addAttendee(board)).toBe(true);
        expect(await store.addAttendee(guest)).toBe(true);
        expect(await store.addAttendee(sameTime)).toBe(true);
        expect(await store.addAttendee({ ...guest, personId: 'p-x', addedAt: at(9) })).toBe(false);
        expect(await store.addAttendee({ ...guest, meetingId: 'mt2' })).toBe(true);

        const read = await store.listAttendees('mt1');
        expect(read).toEqual([guest, board, sameTime]);
        expect(read[0]).not.toHaveProperty('personId');
        expect(await store.listAttendees('mt2')).toEqual([{ ...guest, meetingId: 'mt2' }]);
        expect(await store.listAttendees('none')).toEqual([]);

        const results = await Promise.all([store.addAttendee({ ...board, meetingId: 'mt3' }), store.addAttendee({ ...board, meetingId: 'mt3' })]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('records of a period (R18)', () => {
      it('R18: lists motions and conclusions in a period', async () => {
        const day = 24 * 60;
        const item = (meetingId: string) => ({ agendaItem: { meetingId, itemId: `${meetingId}-i1` } });
        await store.insertMotion(motion('m-c', { openedAt: at(30 * day), ...item('mt2') }));
        await store.insertMotion(motion('m-b', { openedAt: at(10 * day), ...item('mt1') }));
        await store.insertMotion(motion('m-a', { openedAt: at(10 * day) })); // same time: by id; no meeting
        await store.insertMotion(motion('m-before', { openedAt: at(-1), ...item('mt1') }));
        await store.insertMotion(motion('m-end', { openedAt: at(60 * day), closedAt: at(61 * day), closeReason: 'deadline' }));

        const motions = async (filter?: Parameters<Store['listMotions']>[0]) => (await store.listMotions(filter)).map((m) => m.id);
        expect(await motions()).toEqual(['m-before', 'm-a', 'm-b', 'm-c', 'm-end']);
        expect(await motions({ openedFrom: T0, openedTo: at(60 * day) })).toEqual(['m-a', 'm-b', 'm-c']);
        expect(await motions({ openedFrom: at(10 * day), openedTo: at(30 * day) })).toEqual(['m-a', 'm-b']);
        expect(await motions({ openedFrom: at(30 * day) })).toEqual(['m-c', 'm-end']);
        expect(await motions({ openedTo: T0 })).toEqual(['m-before']);
        expect(await motions({ meetingId: 'mt1' })).toEqual(['m-before', 'm-b']);
        expect(await motions({ meetingId: 'mt1', openedFrom: T0 })).toEqual(['m-b']);
        expect(await motions({ meetingId: 'none' })).toEqual([]);
        expect((await store.listMotions({ meetingId: 'mt2' }))[0]).toEqual(motion('m-c', { openedAt: at(30 * day), ...item('mt2') }));

        await store.insertConclusion(conclusion('c-c', 'mt2', { concludedAt: at(30 * day) }));
        await store.insertConclusion(conclusion('c-b', 'mt1', { concludedAt: at(10 * day), status: 'decided', decidedAt: at(11 * day), decidedBy: 'window' }));
        await store.insertConclusion(conclusion('c-a', 'mt1', { concludedAt: at(10 * day), agendaItem: { meetingId: 'mt1', standing: 'approve-minutes' } }));
        await store.insertConclusion(conclusion('c-before', 'mt1', { concludedAt: at(-1) }));
        await store.insertConclusion(conclusion('c-end', 'mt3', { concludedAt: at(60 * day) }));

        const conclusions = async (filter?: Parameters<Store['listConclusions']>[0]) =>
          (await store.listConclusions(filter)).map((c) => c.id);
        expect(await conclusions()).toEqual(['c-before', 'c-a', 'c-b', 'c-c', 'c-end']);
        expect(await conclusions({ from: T0, to: at(60 * day) })).toEqual(['c-a', 'c-b', 'c-c']);
        expect(await conclusions({ from: at(10 * day), to: at(30 * day) })).toEqual(['c-a', 'c-b']);
        expect(await conclusions({ from: at(30 * day) })).toEqual(['c-c', 'c-end']);
        expect(await conclusions({ to: T0 })).toEqual(['c-before']);
        expect(await conclusions({ meetingId: 'mt1' })).toEqual(['c-before', 'c-a', 'c-b']);
        expect(await conclusions({ meetingId: 'mt1', from: T0, to: at(30 * day) })).toEqual(['c-a', 'c-b']);
        expect(await conclusions({ meetingId: 'none' })).toEqual([]);
        expect(await store.listConclusions({ meetingId: 'mt1', from: T0 })).toEqual([
          conclusion('c-a', 'mt1', { concludedAt: at(10 * day), agendaItem: { meetingId: 'mt1', standing: 'approve-minutes' } }),
          conclusion('c-b', 'mt1', { concludedAt: at(10 * day), status: 'decided', decidedAt: at(11 * day), decidedBy: 'window' }),
        ]);
      });
    });

    describe('personal conversations', () => {
      it('saves a person’s 1:1 conversation and replaces it on the next save', async () => {
        expect(await store.getPersonalConversation('p-a')).toBeUndefined();
        const first = { ...conversation, conversation: { id: 'a:1', conversationType: 'personal' }, user: { id: '29:a' } };
        await store.savePersonalConversation('p-a', first, T0);
        await store.savePersonalConversation('p-b', { conversation: { id: 'b:1' } }, T0);
        expect(await store.getPersonalConversation('p-a')).toEqual(first);

        const second = { conversation: { id: 'a:2' }, nested: [1, 'two', null] };
        await store.savePersonalConversation('p-a', second, at(5));
        expect(await store.getPersonalConversation('p-a')).toEqual(second);
        expect(await store.getPersonalConversation('p-b')).toEqual({ conversation: { id: 'b:1' } });
      });
    });

    describe('audit log', () => {
      it('appends entries and lists them in order, with optional fields absent when empty', async () => {
        await store.appendAudit({
          at: at(2),
          actor: 'p-chair',
          action: 'vote.opened',
          subject: 'motion:m1',
          data: { text: 'Forslag', organisations: ['FOB', 'AB'] },
          activityId: 'act-1',
        });
        await store.appendAudit({ at: at(1), actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1' });
        await store.appendAudit({ at: at(3), actor: 'system', action: 'vote.closed', subject: 'motion:m2', data: null });

        const all = await store.listAudit();
        expect(all).toEqual([
          {
            seq: expect.any(Number),
            at: at(2),
            actor: 'p-chair',
            action: 'vote.opened',
            subject: 'motion:m1',
            data: { text: 'Forslag', organisations: ['FOB', 'AB'] },
            activityId: 'act-1',
          },
          { seq: expect.any(Number), at: at(1), actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1' },
          { seq: expect.any(Number), at: at(3), actor: 'system', action: 'vote.closed', subject: 'motion:m2', data: null },
        ]);
        expect(all[1]).not.toHaveProperty('data');
        expect(all[1]).not.toHaveProperty('activityId');
        const seqs = all.map((e) => e.seq);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(3);
      });

      it('filters by subject, by action, and by both', async () => {
        await store.appendAudit({ at: at(1), actor: 'p-chair', action: 'vote.opened', subject: 'motion:m1' });
        await store.appendAudit({ at: at(2), actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1' });
        await store.appendAudit({ at: at(3), actor: 'p-ab', action: 'vote.cast', subject: 'motion:m2' });
        await store.appendAudit({ at: at(4), actor: 'p-kab', action: 'vote.cast', subject: 'motion:m1' });

        expect((await store.listAudit({ subject: 'motion:m1' })).map((e) => e.actor)).toEqual(['p-chair', 'p-fob', 'p-kab']);
        expect((await store.listAudit({ action: 'vote.cast' })).map((e) => e.actor)).toEqual(['p-fob', 'p-ab', 'p-kab']);
        expect((await store.listAudit({ subject: 'motion:m1', action: 'vote.cast' })).map((e) => e.actor)).toEqual([
          'p-fob',
          'p-kab',
        ]);
        expect(await store.listAudit({ subject: 'motion:none' })).toEqual([]);
        expect(await store.listAudit({})).toHaveLength(4);
      });

      it('is append-only: the port offers no way to change or remove entries', () => {
        const auditMethods = Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(store)))
          .concat(Object.getOwnPropertyNames(Object.getPrototypeOf(store)))
          .filter((n) => /audit/i.test(n));
        expect(new Set(auditMethods)).toEqual(new Set(['appendAudit', 'listAudit']));
      });
    });

    describe('jobs', () => {
      it('schedules a job and reads it back', async () => {
        await store.scheduleJob(job('vote.deadline:m1', { payload: { motionId: 'm1', n: [1, 2] } }));
        const read = await store.getJob('vote.deadline:m1');
        expect(read).toEqual({
          id: expect.any(Number),
          key: 'vote.deadline:m1',
          kind: 'vote.deadline',
          dueAt: at(10),
          payload: { motionId: 'm1', n: [1, 2] },
          status: 'pending',
          attempts: 0,
        });
        expect(read).not.toHaveProperty('lastError');
        expect(read).not.toHaveProperty('doneAt');
        expect(await store.getJob('nope')).toBeUndefined();
      });

      it('stores an absent payload as absent', async () => {
        await store.scheduleJob({ key: 'k', kind: 'tick', dueAt: at(1) });
        const read = await store.getJob('k');
        expect(read).toEqual({ id: expect.any(Number), key: 'k', kind: 'tick', dueAt: at(1), status: 'pending', attempts: 0 });
        expect(read).not.toHaveProperty('payload');
      });

      it('re-plans a job with the same key: one job, new due time, kind and payload', async () => {
        await store.scheduleJob(job('k', { dueAt: at(10), payload: { v: 1 } }));
        const before = await store.getJob('k');
        await store.scheduleJob(job('k', { kind: 'agenda.reminder', dueAt: at(20), payload: { v: 2 } }));
        const after = await store.getJob('k');
        expect(after).toEqual({
          id: before!.id,
          key: 'k',
          kind: 'agenda.reminder',
          dueAt: at(20),
          payload: { v: 2 },
          status: 'pending',
          attempts: 0,
        });
        expect(await store.claimDueJobs(at(15), 10)).toEqual([]);
        expect((await store.claimDueJobs(at(20), 10)).map((j) => j.key)).toEqual(['k']);
      });

      it('does not re-plan a done job', async () => {
        await store.scheduleJob(job('k', { dueAt: at(10) }));
        const [claimed] = await store.claimDueJobs(at(10), 1);
        await store.completeJob(claimed!.id, at(11));
        await store.scheduleJob(job('k', { dueAt: at(30), payload: { v: 'new' } }));
        const read = await store.getJob('k');
        expect(read).toMatchObject({ status: 'done', dueAt: at(10), doneAt: at(11), payload: { motionId: 'k' } });
        expect(await store.claimDueJobs(at(60), 10)).toEqual([]);
      });

      it('re-arms a failed or cancelled job when it is scheduled again', async () => {
        await store.scheduleJob(job('failed', { dueAt: at(1) }));
        await store.scheduleJob(job('cancelled', { dueAt: at(1) }));
        const [claimed] = await store.claimDueJobs(at(1), 1);
        expect(claimed!.key).toBe('failed');
        await store.failJob(claimed!.id, 'boom');
        await store.cancelJob('cancelled');

        await store.scheduleJob(job('failed', { dueAt: at(5) }));
        await store.scheduleJob(job('cancelled', { dueAt: at(5) }));
        const failed = await store.getJob('failed');
        expect(failed).toMatchObject({ status: 'pending', attempts: 0, dueAt: at(5) });
        expect(failed).not.toHaveProperty('lastError');
        expect(await store.getJob('cancelled')).toMatchObject({ status: 'pending', attempts: 0, dueAt: at(5) });
      });

      it('cancels a pending job so it is never claimed', async () => {
        await store.scheduleJob(job('k', { dueAt: at(1) }));
        await store.cancelJob('k');
        expect(await store.getJob('k')).toMatchObject({ status: 'cancelled' });
        expect(await store.claimDueJobs(at(100), 10)).toEqual([]);
        await store.cancelJob('nope'); // unknown key: no effect, no error
      });

      it('does not cancel a done job', async () => {
        await store.scheduleJob(job('k', { dueAt: at(1) }));
        const [claimed] = await store.claimDueJobs(at(1), 1);
        await store.completeJob(claimed!.id, at(2));
        await store.cancelJob('k');
        expect(await store.getJob('k')).toMatchObject({ status: 'done' });
      });

      it('claims due jobs only, earliest first, up to the limit', async () => {
        await store.scheduleJob(job('c', { dueAt: at(3) }));
        await store.scheduleJob(job('a', { dueAt: at(1) }));
        await store.scheduleJob(job('later', { dueAt: at(60) }));
        await store.scheduleJob(job('b', { dueAt: at(2) }));

        const first = await store.claimDueJobs(at(3), 2);
        expect(first.map((j) => j.key)).toEqual(['a', 'b']);
        for (const j of first) expect(j).toMatchObject({ status: 'running', attempts: 1 });

        // Due exactly now counts; running jobs are not claimed again; future ones wait.
        expect((await store.claimDueJobs(at(3), 10)).map((j) => j.key)).toEqual(['c']);
        expect(await store.claimDueJobs(at(4), 10)).toEqual([]);
        expect(await store.claimDueJobs(at(4), 0)).toEqual([]);
        expect((await store.getJob('a'))?.status).toBe('running');
      });

      it('completes a claimed job', async () => {
        await store.scheduleJob(job('k', { dueAt: at(1) }));
        const [claimed] = await store.claimDueJobs(at(1), 10);
        await store.completeJob(claimed!.id, at(2));
        expect(await store.getJob('k')).toEqual({
          id: claimed!.id,
          key: 'k',
          kind: 'vote.deadline',
          dueAt: at(1),
          payload: { motionId: 'k' },
          status: 'done',
          attempts: 1,
          doneAt: at(2),
        });
        expect(await store.claimDueJobs(at(100), 10)).toEqual([]);
      });

      it('puts a failed job back at its retry time, then claims it again', async () => {
        await store.scheduleJob(job('k', { dueAt: at(1) }));
        const [claimed] = await store.claimDueJobs(at(1), 10);
        await store.failJob(claimed!.id, 'connector 503', at(5));
        expect(await store.getJob('k')).toMatchObject({ status: 'pending', dueAt: at(5), lastError: 'connector 503', attempts: 1 });
        expect(await store.claimDueJobs(at(4), 10)).toEqual([]);
        const [again] = await store.claimDueJobs(at(5), 10);
        expect(again).toMatchObject({ id: claimed!.id, status: 'running', attempts: 2, lastError: 'connector 503' });
      });

      it('marks a job failed for good without a retry time', async () => {
        await store.scheduleJob(job('k', { dueAt: at(1) }));
        const [claimed] = await store.claimDueJobs(at(1), 10);
        await store.failJob(claimed!.id, 'bad payload');
        expect(await store.getJob('k')).toMatchObject({ status: 'failed', lastError: 'bad payload' });
        expect(await store.claimDueJobs(at(1000), 10)).toEqual([]);
      });

      it('claims a running job again once its claim’s lease ran out (a claimer that hangs), not sooner', async () => {
        await store.scheduleJob(job('k', { dueAt: at(0) }));
        expect(await store.claimDueJobs(at(0), 10)).toHaveLength(1);
        expect(await store.claimDueJobs(at(LEASE), 10)).toEqual([]);
        const [again] = await store.claimDueJobs(at(LEASE + 1), 10);
        expect(again).toMatchObject({ key: 'k', status: 'running', attempts: 2 });
        expect(await store.claimDueJobs(at(LEASE + 2), 10)).toEqual([]);
      });

      it.skipIf(!reopen)('gives a job claimed by a process that is gone to the next process at once, and only it', async () => {
        await store.scheduleJob(job('crashed', { dueAt: at(0) }));
        await store.scheduleJob(job('later', { dueAt: at(5) }));
        const [claimed] = await store.claimDueJobs(at(0), 1);
        expect(claimed?.key).toBe('crashed');
        await store.close(); // as a kill -9 while it ran
        store = await reopen!();
        const [again] = await store.claimDueJobs(at(0), 10);
        expect(again).toMatchObject({ id: claimed!.id, key: 'crashed', status: 'running', attempts: 2 });
        expect(await store.claimDueJobs(at(0), 10)).toEqual([]);
        await store.completeJob(again!.id, at(1));
        expect(await store.getJob('crashed')).toMatchObject({ status: 'done', doneAt: at(1) });
      });

      it('never gives the same job to two concurrent claimers', async () => {
        for (let i = 0; i < 7; i++) await store.scheduleJob(job(`k${i}`, { dueAt: at(i) }));
        const [a, b, c] = await Promise.all([
          store.claimDueJobs(at(10), 3),
          store.claimDueJobs(at(10), 3),
          store.claimDueJobs(at(10), 3),
        ]);
        const ids = [...a!, ...b!, ...c!].map((j) => j.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(7);
        for (const j of [...a!, ...b!, ...c!]) expect(j.attempts).toBe(1);
      });

      it('keeps a job re-planned while it ran: its old claim cannot complete or fail it', async () => {
        await store.scheduleJob(job('k', { dueAt: at(1), payload: { v: 1 } }));
        const [claimed] = await store.claimDueJobs(at(1), 10);
        await store.scheduleJob(job('k', { dueAt: at(30), payload: { v: 2 } }));
        await store.completeJob(claimed!.id, at(2));
        await store.failJob(claimed!.id, 'late failure');
        const read = await store.getJob('k');
        expect(read).toMatchObject({ status: 'pending', dueAt: at(30), payload: { v: 2 }, attempts: 0 });
        expect(read).not.toHaveProperty('doneAt');
        expect(read).not.toHaveProperty('lastError');
      });
    });

    describe('outbox', () => {
      it('queues a post and reads it back', async () => {
        await store.enqueueOutbox(post('vote.opened:m1'));
        const read = await store.getOutbox('vote.opened:m1');
        expect(read).toEqual({
          id: expect.any(Number),
          key: 'vote.opened:m1',
          kind: 'send',
          conversation,
          activity: { type: 'message', text: 'vote.opened:m1' },
          dueAt: at(0),
          status: 'pending',
          attempts: 0,
        });
        for (const absent of ['updatesKey', 'lastError', 'sentActivityId', 'sentAt']) expect(read).not.toHaveProperty(absent);
        expect(await store.getOutbox('nope')).toBeUndefined();
      });

      it('sends at most once per key: a second send with the key is ignored, before and after sending', async () => {
        await store.enqueueOutbox(post('k', { activity: { text: 'first' } }));
        await store.enqueueOutbox(post('k', { activity: { text: 'second' } }));
        expect(await store.getOutbox('k')).toMatchObject({ activity: { text: 'first' }, status: 'pending' });

        const claimed = await store.claimOutbox(at(0), 10);
        expect(claimed).toHaveLength(1);
        await store.markOutboxSent(claimed[0]!.id, at(1), 'msg-1');
        await store.enqueueOutbox(post('k', { activity: { text: 'third' } }));
        expect(await store.getOutbox('k')).toMatchObject({ activity: { text: 'first' }, status: 'sent' });
        expect(await store.claimOutbox(at(100), 10)).toEqual([]);
      });

      it('replaces an update with the latest state and sends it again', async () => {
        const update = (text: string, dueAt: Date) =>
          post('card:m1', { kind: 'update', updatesKey: 'vote.opened:m1', activity: { text }, dueAt });
        await store.enqueueOutbox(update('v1', at(0)));
        const [first] = await store.claimOutbox(at(0), 10);
        expect(first).toMatchObject({ kind: 'update', updatesKey: 'vote.opened:m1', activity: { text: 'v1' } });
        await store.markOutboxSent(first!.id, at(1));

        await store.enqueueOutbox(update('v2', at(2)));
        const rearmed = await store.getOutbox('card:m1');
        expect(rearmed).toMatchObject({ id: first!.id, status: 'pending', attempts: 0, activity: { text: 'v2' }, dueAt: at(2) });
        expect(await store.claimOutbox(at(1), 10)).toEqual([]);
        const [second] = await store.claimOutbox(at(2), 10);
        expect(second).toMatchObject({ id: first!.id, activity: { text: 'v2' }, status: 'sending', attempts: 1 });
      });

      it('replaces a pending update before it is sent', async () => {
        await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 1 } }));
        await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 2 }, conversation: { other: true } }));
        const claimed = await store.claimOutbox(at(0), 10);
        expect(claimed).toHaveLength(1);
        expect(claimed[0]).toMatchObject({ activity: { n: 2 }, conversation: { other: true } });
      });

      it('keeps an update re-armed while it was being sent pending: the stale send’s result is ignored', async () => {
        await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 1 } }));
        const [claimed] = await store.claimOutbox(at(0), 10);
        await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 2 } }));
        await store.markOutboxSent(claimed!.id, at(1), 'msg-1');
        expect(await store.getOutbox('u')).toMatchObject({ status: 'pending', activity: { n: 2 } });
        await store.markOutboxFailed(claimed!.id, 'late failure');
        expect(await store.getOutbox('u')).toMatchObject({ status: 'pending', activity: { n: 2 } });
      });

      it('claims due entries in posting order, up to the limit', async () => {
        await store.enqueueOutbox(post('p1', { dueAt: at(5) }));
        await store.enqueueOutbox(post('p2', { dueAt: at(1) }));
        await store.enqueueOutbox(post('p3', { dueAt: at(3) }));
        await store.enqueueOutbox(post('future', { dueAt: at(60) }));

        const first = await store.claimOutbox(at(5), 2);
        expect(first.map((e) => e.key)).toEqual(['p1', 'p2']);
        for (const e of first) expect(e).toMatchObject({ status: 'sending', attempts: 1 });
        expect((await store.claimOutbox(at(5), 10)).map((e) => e.key)).toEqual(['p3']);
        expect(await store.claimOutbox(at(6), 10)).toEqual([]);
        expect(await store.claimOutbox(at(60), 0)).toEqual([]);
      });

      it('records a sent post with its Teams message id', async () => {
        await store.enqueueOutbox(post('k'));
        const [claimed] = await store.claimOutbox(at(0), 10);
        await store.markOutboxSent(claimed!.id, at(1), '1700000000000');
        expect(await store.getOutbox('k')).toEqual({
          ...post('k'),
          id: claimed!.id,
          status: 'sent',
          attempts: 1,
          sentActivityId: '1700000000000',
          sentAt: at(1),
        });
        expect(await store.claimOutbox(at(100), 10)).toEqual([]);
      });

      it('retries a failed post at its retry time, or gives up without one', async () => {
        await store.enqueueOutbox(post('retry'));
        await store.enqueueOutbox(post('give-up'));
        const claimed = await store.claimOutbox(at(0), 10);
        expect(claimed.map((e) => e.key)).toEqual(['retry', 'give-up']);
        await store.markOutboxFailed(claimed[0]!.id, 'throttled', at(3));
        await store.markOutboxFailed(claimed[1]!.id, 'forbidden');

        expect(await store.getOutbox('retry')).toMatchObject({ status: 'pending', dueAt: at(3), lastError: 'throttled' });
        expect(await store.getOutbox('give-up')).toMatchObject({ status: 'failed', lastError: 'forbidden' });
        expect(await store.claimOutbox(at(2), 10)).toEqual([]);
        const [again] = await store.claimOutbox(at(3), 10);
        expect(again).toMatchObject({ key: 'retry', status: 'sending', attempts: 2 });
      });

      it('sends a post again, send or update, once its claim’s lease ran out (at least once), not sooner', async () => {
        await store.enqueueOutbox(post('send'));
        await store.enqueueOutbox(post('update', { kind: 'update' }));
        expect(await store.claimOutbox(at(0), 10)).toHaveLength(2);

        // The claimer lives and its lease holds: nothing happens.
        expect(await store.claimOutbox(at(LEASE), 10)).toEqual([]);
        expect((await store.getOutbox('send'))?.status).toBe('sending');

        const reclaimed = await store.claimOutbox(at(LEASE + 1), 10);
        expect(reclaimed.map((e) => e.key)).toEqual(['send', 'update']);
        for (const entry of reclaimed) expect(entry).toMatchObject({ status: 'sending', attempts: 2 });
        expect(await store.claimOutbox(at(LEASE + 2), 10)).toEqual([]); // claimed again at LEASE + 1: a new lease
      });

      it('records a send that completes after its claim was taken over', async () => {
        await store.enqueueOutbox(post('send'));
        const [claimed] = await store.claimOutbox(at(0), 10);
        await store.claimOutbox(at(LEASE + 1), 10);
        await store.markOutboxSent(claimed!.id, at(LEASE + 2), 'msg-late');
        expect(await store.getOutbox('send')).toMatchObject({ status: 'sent', sentActivityId: 'msg-late', sentAt: at(LEASE + 2) });
      });

      it.skipIf(!reopen)('gives the post in flight at a crash to the next process at once, before the rest, and loses none', async () => {
        for (const key of ['p1', 'p2', 'p3']) await store.enqueueOutbox(post(key));
        await store.enqueueOutbox(post('u', { kind: 'update', updatesKey: 'p1' }));
        const [first] = await store.claimOutbox(at(0), 1);
        await store.markOutboxSent(first!.id, at(0), 'msg-1');
        const [inFlight] = await store.claimOutbox(at(0), 1);
        expect(inFlight?.key).toBe('p2');
        await store.close(); // as a kill -9 while p2 was being sent
        store = await reopen!();

        // The same instant: no waiting for a lease. p2 first, then what was never claimed.
        const sent: string[] = [];
        for (let entry = (await store.claimOutbox(at(0), 1))[0]; entry; entry = (await store.claimOutbox(at(0), 1))[0]) {
          sent.push(`${entry.key}#${entry.attempts}`);
          await store.markOutboxSent(entry.id, at(1), `msg-${entry.key}`);
        }
        expect(sent).toEqual(['p2#2', 'p3#1', 'u#1']);
        for (const key of ['p1', 'p2', 'p3', 'u']) expect((await store.getOutbox(key))?.status).toBe('sent');
      });

      it('never gives the same entry to two concurrent claimers', async () => {
        for (let i = 0; i < 7; i++) await store.enqueueOutbox(post(`k${i}`));
        const [a, b, c] = await Promise.all([
          store.claimOutbox(at(0), 3),
          store.claimOutbox(at(0), 3),
          store.claimOutbox(at(0), 3),
        ]);
        const ids = [...a!, ...b!, ...c!].map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(7);
      });
    });

    describe('transactions', () => {
      it('commits all the work’s writes and returns its result', async () => {
        const result = await store.transaction(async (repo) => {
          expect(await repo.markActivityProcessed('act-1', T0)).toBe(true);
          await repo.insertMotion(motion('m1'));
          await repo.upsertBallot(ballot('m1', 'FOB'));
          await repo.appendAudit({ at: T0, actor: 'p-chair', action: 'vote.opened', subject: 'motion:m1' });
          await repo.scheduleJob(job('vote.deadline:m1'));
          await repo.enqueueOutbox(post('vote.opened:m1'));
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.getMotion('m1')).toEqual(motion('m1'));
        expect(await store.listBallots('m1')).toHaveLength(1);
        expect(await store.listAudit()).toHaveLength(1);
        expect(await store.getJob('vote.deadline:m1')).toBeDefined();
        expect(await store.getOutbox('vote.opened:m1')).toBeDefined();
        expect(await store.markActivityProcessed('act-1', T0)).toBe(false);
      });

      it('rolls back everything when the work throws', async () => {
        const failure = new Error('boom');
        await expect(
          store.transaction(async (repo) => {
            await repo.markActivityProcessed('act-1', T0);
            await repo.insertMotion(motion('m1'));
            await repo.upsertBallot(ballot('m1', 'FOB'));
            await repo.appendAudit({ at: T0, actor: 'p-chair', action: 'vote.opened', subject: 'motion:m1' });
            await repo.scheduleJob(job('vote.deadline:m1'));
            await repo.enqueueOutbox(post('vote.opened:m1'));
            await repo.saveBinding({ conversationReference: {}, channelId: 'c', serviceUrl: 's', boundAt: T0 });
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.getMotion('m1')).toBeUndefined();
        expect(await store.listBallots('m1')).toEqual([]);
        expect(await store.listAudit()).toEqual([]);
        expect(await store.getJob('vote.deadline:m1')).toBeUndefined();
        expect(await store.getOutbox('vote.opened:m1')).toBeUndefined();
        expect(await store.getBinding()).toBeUndefined();
        expect(await store.markActivityProcessed('act-1', T0)).toBe(true);
      });

      it('rolls back a close when the work throws after it', async () => {
        await store.insertMotion(motion('m1'));
        await expect(
          store.transaction(async (repo) => {
            expect(await repo.closeMotion('m1', at(1), 'chair', 'p-chair')).toBe(true);
            throw new Error('after close');
          }),
        ).rejects.toThrow('after close');
        expect(await store.listOpenMotions()).toHaveLength(1);
        expect(await store.closeMotion('m1', at(2), 'chair', 'p-chair')).toBe(true);
      });

      it('rolls back meeting, agenda, petition and personal writes when the work throws', async () => {
        await store.insertMeeting(meeting('mt1'));
        await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
        await store.insertPetition(petition('pe1'));
        await expect(
          store.transaction(async (repo) => {
            await repo.insertMeeting(meeting('mt2'));
            await repo.updateMeeting('mt1', { status: 'cancelled' });
            expect(await repo.markAgendaSent('mt1', at(1), false)).toBe(true);
            await repo.insertAgendaItem(agendaItem('i2', 'mt1', 2));
            await repo.addAttachment('i1', { url: 'https://x/1' });
            expect(await repo.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) })).toBe(true);
            expect(await repo.markPetitionMajority('pe1', at(1))).toBe(true);
            await repo.savePersonalConversation('p-a', { conversation: { id: 'a:1' } }, at(1));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.getMeeting('mt2')).toBeUndefined();
        expect(await store.getMeeting('mt1')).toEqual(meeting('mt1'));
        expect(await store.listAgendaItems('mt1')).toEqual([agendaItem('i1', 'mt1', 1)]);
        expect(await store.getPetition('pe1')).toEqual(petition('pe1'));
        expect(await store.listPetitionSupports('pe1')).toEqual([]);
        expect(await store.getPersonalConversation('p-a')).toBeUndefined();
      });

      it('rolls back conclusion, objection, dissent, date poll, minutes and attendance writes when the work throws', async () => {
        await store.insertMotion(motion('m1'));
        await store.insertConclusion(conclusion('c1', 'mt1'));
        await store.insertDatePoll(datePoll('dp1'));
        await store.upsertDateAnswer({ pollId: 'dp1', personId: 'p-a', available: ['2026-03-05'], answeredAt: at(1) });
        await store.insertMinutes(minutes('r1', 'mt1', 1));
        await expect(
          store.transaction(async (repo) => {
            await repo.insertConclusion(conclusion('c2', 'mt1'));
            expect(await repo.updateConclusion('c1', 'open', { status: 'objected' })).toBe(true);
            expect(await repo.addObjection({ conclusionId: 'c1', personId: 'p-a', organisationId: 'FOB', at: at(2) })).toBe(true);
            expect(await repo.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a'))).toBe(true);
            expect(await repo.insertDissent(dissent('d2', { motionId: 'm1' }, 'p-a'))).toBe(true);
            await repo.insertDatePoll(datePoll('dp2'));
            expect(await repo.confirmDatePoll('dp1', at(3), 'p-chair', ['2026-03-05'])).toBe(true);
            await repo.upsertDateAnswer({ pollId: 'dp1', personId: 'p-a', available: [], answeredAt: at(3) });
            await repo.insertMinutes(minutes('r2', 'mt1', 2));
            expect(await repo.updateMinutesText('r1', 'changed', at(4))).toBe(true);
            expect(await repo.approveMinutes('r1', at(5), 'p-chair')).toBe(true);
            expect(await repo.addAttendee({ meetingId: 'mt1', name: 'Anna', addedBy: 'p-secretary', addedAt: at(5) })).toBe(true);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.getConclusion('c2')).toBeUndefined();
        expect(await store.getConclusion('c1')).toEqual(conclusion('c1', 'mt1'));
        expect(await store.listObjections('c1')).toEqual([]);
        expect(await store.listDissents({ conclusionId: 'c1' })).toEqual([]);
        expect(await store.listDissents({ motionId: 'm1' })).toEqual([]);
        expect(await store.getDatePoll('dp2')).toBeUndefined();
        expect(await store.getDatePoll('dp1')).toEqual(datePoll('dp1'));
        expect(await store.listDateAnswers('dp1')).toEqual([
          { pollId: 'dp1', personId: 'p-a', available: ['2026-03-05'], answeredAt: at(1) },
        ]);
        expect(await store.listMinutes('mt1')).toEqual([minutes('r1', 'mt1', 1)]);
        expect(await store.listAttendees('mt1')).toEqual([]);
      });

      it('keeps a transaction usable after a duplicate objection, dissent or attendee', async () => {
        await store.insertConclusion(conclusion('c1', 'mt1'));
        await store.addObjection({ conclusionId: 'c1', personId: 'p-a', organisationId: 'FOB', at: at(1) });
        await store.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a'));
        await store.addAttendee({ meetingId: 'mt1', name: 'Anna', addedBy: 'p-secretary', addedAt: at(1) });
        const result = await store.transaction(async (repo) => {
          const again = [
            await repo.addObjection({ conclusionId: 'c1', personId: 'p-a', organisationId: 'FOB', at: at(2) }),
            await repo.insertDissent(dissent('d2', { conclusionId: 'c1' }, 'p-a')),
            await repo.addAttendee({ meetingId: 'mt1', name: 'Anna', addedBy: 'p-secretary', addedAt: at(2) }),
          ];
          expect(await repo.updateConclusion('c1', 'open', { status: 'objected' })).toBe(true);
          return again;
        });
        expect(result).toEqual([false, false, false]);
        expect((await store.getConclusion('c1'))?.status).toBe('objected');
      });

      it('claims jobs and posts inside a transaction, and releases them on rollback', async () => {
        await store.scheduleJob(job('k', { dueAt: at(0) }));
        await store.enqueueOutbox(post('p'));
        await expect(
          store.transaction(async (repo) => {
            expect(await repo.claimDueJobs(at(0), 10)).toHaveLength(1);
            expect(await repo.claimOutbox(at(0), 10)).toHaveLength(1);
            throw new Error('crash');
          }),
        ).rejects.toThrow('crash');
        expect((await store.claimDueJobs(at(0), 10)).map((j) => j.key)).toEqual(['k']);
        expect((await store.claimOutbox(at(0), 10)).map((e) => e.key)).toEqual(['p']);
      });
    });
  });
}
