/**
 * Values and builders the contract's tests share. Time is passed in explicitly (`at`);
 * nothing sleeps. The entities' types come through the ports, as the store names them.
 */
import type { AgendaItem } from '../../../../src/store/ports/agenda.js';
import type { Conclusion, Dissent } from '../../../../src/store/ports/conclusions.js';
import type { DatePoll } from '../../../../src/store/ports/date-polls.js';
import type { Meeting } from '../../../../src/store/ports/meetings.js';
import type { Minutes } from '../../../../src/store/ports/minutes.js';
import type { Petition } from '../../../../src/store/ports/petitions.js';
import type { Ballot, Motion } from '../../../../src/store/ports/voting.js';
import { CLAIM_LEASE_MS } from '../../../../src/store/claims.js';
import type { JobInput, OutboxInput } from '../../../../src/store/port.js';

export const T0 = new Date('2025-03-03T09:00:00.000Z');
export const MINUTE = 60_000;
/** T0 plus `minutes`. */
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * MINUTE);
/** A claim's lease, in minutes. */
export const LEASE = CLAIM_LEASE_MS / MINUTE;

export function motion(id: string, extra: Partial<Motion> = {}): Motion {
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

export function ballot(motionId: string, organisationId: string, extra: Partial<Ballot> = {}): Ballot {
  return { motionId, organisationId, choice: 'for', castBy: `p-${organisationId}`, castAt: at(1), ...extra };
}

export function job(key: string, extra: Partial<JobInput> = {}): JobInput {
  return { key, kind: 'vote.deadline', dueAt: at(10), payload: { motionId: key }, ...extra };
}

export const conversation = { conversation: { id: '19:abc@thread.tacv2' }, serviceUrl: 'https://smba.example/' };

export function post(key: string, extra: Partial<OutboxInput> = {}): OutboxInput {
  return { key, kind: 'send', conversation, activity: { type: 'message', text: key }, dueAt: at(0), ...extra };
}

export function meeting(id: string, extra: Partial<Meeting> = {}): Meeting {
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

export function agendaItem(id: string, meetingId: string, position: number, extra: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id,
    meetingId,
    title: `Punkt ${id}`,
    kind: 'decision',
    section: 'added',
    position,
    attachments: [],
    addedBy: 'p-chair',
    addedAt: at(position),
    ...extra,
  };
}

export function petition(id: string, extra: Partial<Petition> = {}): Petition {
  return { id, subject: `Ekstraordinært møde ${id}`, createdBy: 'p-fob', createdAt: T0, ...extra };
}

export function conclusion(id: string, meetingId: string, extra: Partial<Conclusion> = {}): Conclusion {
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

export function dissent(id: string, subject: Dissent['subject'], personId: string, extra: Partial<Dissent> = {}): Dissent {
  return { id, subject, personId, organisationId: `org-${personId}`, text: `Særstandpunkt ${id}`, at: at(1), ...extra };
}

export function datePoll(id: string, extra: Partial<DatePoll> = {}): DatePoll {
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

export function minutes(id: string, meetingId: string, version: number, extra: Partial<Minutes> = {}): Minutes {
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
