/**
 * One catalogue from the features' parts: each feature's texts are a section of their own,
 * and their refusals, examples and reminders are merged into one section each (the turn
 * says any refusal by its code). The parts' shapes are Danish's: English is checked against them.
 */
import type { agenda } from './da/agenda.js';
import type { board } from './da/board.js';
import type { common } from './da/common.js';
import type { conclusions } from './da/conclusions.js';
import type { dates } from './da/dates.js';
import type { meetings } from './da/meetings.js';
import type { minutes } from './da/minutes.js';
import type { petitions } from './da/petitions.js';
import type { report } from './da/report.js';
import type { voting } from './da/voting.js';

export interface Parts {
  readonly common: typeof common;
  readonly voting: typeof voting;
  readonly meetings: typeof meetings;
  readonly agenda: typeof agenda;
  readonly petitions: typeof petitions;
  readonly conclusions: typeof conclusions;
  readonly dates: typeof dates;
  readonly minutes: typeof minutes;
  readonly report: typeof report;
  readonly board: typeof board;
}

export function compose(parts: Parts) {
  const { common: c, voting: v, meetings: mt, agenda: ag, petitions: p, conclusions: cn, dates: d, minutes: mi, report: r, board: b } = parts;
  return {
    ...c,
    ...v,
    ...mt,
    ...ag,
    ...p,
    ...cn,
    ...d,
    ...mi,
    ...r,
    ...b,
    refusal: { ...c.refusal, ...v.refusal, ...mt.refusal, ...ag.refusal, ...p.refusal, ...cn.refusal, ...d.refusal, ...mi.refusal, ...r.refusal },
    examples: { ...mt.examples, ...ag.examples, ...p.examples, ...cn.examples, ...d.examples, ...mi.examples, ...r.examples },
    reminder: { ...ag.reminder, ...d.reminder },
    commands: { ...b.commands, ...mt.commands, ...ag.commands, ...p.commands, ...v.commands, ...cn.commands, ...d.commands, ...mi.commands, ...r.commands },
  };
}
