/**
 * THE registration list: one line per feature. A feature brings its Teams part (command
 * table, card verbs, reactions to events), its jobs and its contributions (agenda items,
 * minutes sections, status sections); everything that dispatches — the parser and help,
 * the card router, the publisher, the scheduler, the agenda, the minutes, `status` — is
 * fed from here.
 */
import { agendaJobs } from './usecases/agenda.js';
import { attendanceJobs } from './usecases/attendance.js';
import { dropLeaversApologies } from './usecases/apologies.js';
import { attendance } from './teams/attendance/index.js';
import { conclusionJobs } from './usecases/conclusions.js';
import { datesAfterMeetings, datesJobs } from './usecases/dates.js';
import { type Contributions, contributions } from './usecases/contributions.js';
import type { JobDefinition } from './usecases/jobs.js';
import { redraftAfter } from './usecases/minutes.js';
import { rosterJobs } from './usecases/roster.js';
import { votingJobs } from './usecases/voting.js';
import { agenda } from './teams/agenda/index.js';
import { board } from './teams/board/index.js';
import { type CommandIndex, commandIndex, parsed } from './teams/commands/index.js';
import { conclusions } from './teams/conclusions/index.js';
import { dates } from './teams/dates/index.js';
import type { Feature, TeamsFeature } from './teams/feature.js';
import { meetings } from './teams/meetings/index.js';
import { minutes } from './teams/minutes/index.js';
import { petitions } from './teams/petitions/index.js';
import { answerPetitionsAtStart, petitionJobs, petitionsAfterMeetings, recountPetitionsAtStart } from './usecases/petitions.js';
import { petitionReminderJobs, planPetitionRemindersAtStart } from './usecases/petition-reminders.js';
import { petitionPlannedNotes } from './teams/petitions/notes.js';
import { petitionStatusSections } from './teams/petitions/status.js';
import { report } from './teams/report/index.js';
import { voting } from './teams/voting/index.js';

export type { Feature };

/**
 * A feature built as one `Feature` (its folder's index brings its Teams part, jobs and
 * contributions: docs/architecture.md, "Adding a feature") is registered by one line,
 * `(await import('./teams/<feature>/index.js')).<feature>,`; deleting that line and the
 * feature's files leaves a bot that builds (scripts/typecheck.mjs, scripts/check-feature-removal.sh).
 */
export const FEATURES: readonly Feature[] = [
  { teams: board, jobs: rosterJobs },
  { teams: meetings },
  { teams: agenda, jobs: agendaJobs },
  // R11: an extraordinary meeting called (moved, cancelled) answers the petitions on its subject, on their cards; one without a majority lapses after half a year;
  // a demanded meeting not called is reminded weekly; `status` shows what stands.
  {
    teams: petitions,
    jobs: [...petitionJobs, ...petitionReminderJobs],
    contributions: {
      afterChange: [petitionsAfterMeetings],
      // Linked first: a petition a meeting called before answers is not counted again for a majority.
      atStart: [answerPetitionsAtStart, recountPetitionsAtStart, planPetitionRemindersAtStart],
      statusSections: [petitionStatusSections],
      // R11: the one who calls an extraordinary meeting is told of a demanded one it does not answer.
      plannedNotes: [petitionPlannedNotes],
    },
  },
  { teams: voting, jobs: votingJobs },
  { teams: conclusions, jobs: conclusionJobs },
  // R9, R10: a meeting of an open poll's year planned, moved or cancelled updates the poll's card.
  { teams: dates, jobs: datesJobs, contributions: { afterChange: [datesAfterMeetings] } },
  // R16: a draft nobody corrected follows the record after any change that touches it.
  { teams: minutes, contributions: { afterChange: [redraftAfter] } },
  { teams: attendance, jobs: attendanceJobs, contributions: { atStart: [dropLeaversApologies] } },
  { teams: report },
  (await import('./teams/tasks/index.js')).tasks,
];

export const TEAMS_FEATURES: readonly TeamsFeature<never>[] = FEATURES.map((f) => f.teams);
export const JOBS: readonly JobDefinition[] = FEATURES.flatMap((f) => f.jobs ?? []);
/** What the features add to agendas, minutes and status (usecases/contributions.ts). */
export const CONTRIBUTIONS: Contributions = contributions(FEATURES.flatMap((f) => f.contributions ?? []));

/** The parser, help and the manifest's command lists, from the features' command tables. */
export const COMMANDS: CommandIndex = commandIndex(
  TEAMS_FEATURES.flatMap((f) => f.commands ?? []),
  TEAMS_FEATURES.flatMap((f) => f.helpNotes ?? []),
);

/** The card verbs (PRODUCT §2), each with its feature's data schema and handler. */
export const VERBS = Object.fromEntries(TEAMS_FEATURES.flatMap((f) => Object.entries(f.verbs ?? {})));

/** What the parser makes of a text: `{ name, ...args }`. */
export const parseCommand = (raw: string) => parsed(COMMANDS, raw);
