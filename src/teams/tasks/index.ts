/**
 * Follow-up tasks in Teams (R16: who does what by when): `opgave` and `opgaver`, the task
 * card with *Udfoert* (Done) (`task.done`), the reminder on the due day, and what the tasks add to
 * the agenda ("Opfoelgning paa opgaver"), the minutes and `status`. The whole feature is
 * registered by one line in src/features.ts (docs/architecture.md, the worked example).
 */
import { z } from 'zod';
import { type Board, personByName } from '../../domain/kernel/board.js';
import { type Task, isOverdue, reminderAt, reminderRecipients } from '../../domain/tasks.js';
import { tasks as da } from '../../i18n/da/tasks.js';
import { tasks as en } from '../../i18n/en/tasks.js';
import { type Locale, formatDate, formatDateTime, formatList } from '../../i18n/index.js';
import type { Contribution } from '../../usecases/contributions.js';
import { type TaskEvent, completeTask, createTask, movePlannedReminders, openTasks, openTasksAt, overdueTasks, placeTasksAnew, taskCounts, taskJobs, tasksOfMeeting } from '../../usecases/tasks.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { command, noArgs } from '../commands/table.js';
import { type Feature, type TeamsFeature, verb } from '../feature.js';
import { type Post, type ReactionContext, type Reactions, cardPost, reminderPosts, remindsUntil } from '../outbox/posts.js';
import { md, timeUnbroken } from '../text/markdown.js';
import { organisationLabel, personName } from '../text/names.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';

const TEXTS: Record<Locale, typeof da> = { da, en };
const textsOf = (board: Board) => TEXTS[board.locale];

const cardKey = (taskId: string) => `task:${taskId}:card`;

/** The deadline as the board reads it: "torsdag den 10. december 2026". */
const dueDay = (board: Board, task: Task) => formatDate(reminderAt(task, '12:00', board.timezone), board.locale, board.timezone);

const ownerName = (board: Board, task: Task) =>
  task.owner.kind === 'person' ? personName(board, task.owner.personId) : organisationLabel(board, task.owner.organisationId);

/** The task card: what, who, by when, and *Udfoert* (Done) until it is done. */
export function taskCard(board: Board, task: Task): AdaptiveCardJson {
  const t = textsOf(board).card;
  const when = (d: Date) => timeUnbroken(formatDateTime(d, board.locale, board.timezone));
  const line = (text: string, extra: object = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    msteams: { width: 'Full' },
    body: [
      line(t.title, { weight: 'Bolder', size: 'Medium' }),
      line(md(task.text)),
      line(t.owner(ownerName(board, task)), { spacing: 'Medium' }),
      line(t.due(dueDay(board, task)), { spacing: 'Small' }),
      line(t.madeBy(personName(board, task.createdBy), when(task.createdAt)), { isSubtle: true, size: 'Small', spacing: 'Small' }),
      ...(task.doneAt ? [line(t.done(personName(board, task.doneBy), when(task.doneAt)), { weight: 'Bolder', color: 'Good' })] : []),
    ],
    actions: task.doneAt ? [] : [{ type: 'Action.Execute', title: t.doneButton, verb: 'task.done', style: 'positive', data: { taskId: task.id } }],
  };
}

/** `<frist> <navn|organisation>: <tekst>`: the first word is the deadline, the owner runs to the first colon. */
export function taskArgs(rest: string): { readonly dueText?: string; readonly ownerText?: string; readonly text?: string } {
  const space = rest.indexOf(' ');
  const colon = rest.indexOf(':', space + 1);
  if (space < 0 || colon < 0) return {};
  return { dueText: rest.slice(0, space), ownerText: rest.slice(space + 1, colon).trim(), text: rest.slice(colon + 1).trim() };
}

async function taskCommand(turn: Turn, args: ReturnType<typeof taskArgs>): Promise<Reply> {
  const t = textsOf(turn.origin.board);
  const result = await createTask(turn.deps, turn.origin, args);
  if (result.ok) return result.value && !turn.inBoundChannel ? say(t.made) : nothing;
  switch (result.reason) {
    case 'unknown-owner':
      return say(t.refusal[result.reason](md(args.ownerText ?? '')));
    case 'ambiguous-owner': {
      // Naming those the name fits, as deltager does.
      const found = personByName(turn.origin.board, args.ownerText ?? '');
      const names = found.kind === 'ambiguous' ? found.people.map((p) => md(p.name)) : [];
      return say(t.refusal[result.reason](md(args.ownerText ?? ''), formatList(names, turn.origin.board.locale)));
    }
    case 'bad-task':
    case 'owner-too-long':
    case 'empty-task':
    case 'task-too-long':
    case 'due-in-past':
      return say(t.refusal[result.reason]);
    default:
      return refusal(result.reason);
  }
}

async function listCommand(turn: Turn): Promise<Reply> {
  const { board } = turn.origin;
  const t = textsOf(board).list;
  const result = await openTasks(turn.deps, turn.origin);
  if (!result.ok || result.value.length === 0) return say(t.none);
  const now = turn.deps.clock();
  const lines = result.value.map((task) => `- ${t.line(dueDay(board, task), md(task.text), ownerName(board, task), isOverdue(task, now, board.timezone))}`);
  return say(`**${t.heading}**\n\n${lines.join('\n')}`);
}

/** The task card; updated, the copies its owner's 1:1 reminders carry follow it (outbox/copies.ts). */
const card = (ctx: ReactionContext, task: Task, update: boolean): Post => cardPost(cardKey(task.id), ctx.channel, () => taskCard(ctx.board, task), update, () => taskCard(ctx.board, task));

const reactions: Reactions<TaskEvent> = {
  'task.made': (event, ctx) => [card(ctx, event.task, false)],
  'task.done': (event, ctx) => [card(ctx, event.task, true)],
  // The owner (the person, or the organisation's people): 1:1 when the bot has a chat with them, else an @mention in the channel.
  // An owner who has left the board: the chair and the secretary, told so. In a 1:1 chat the reminder carries
  // the task's card, so that it is marked done there (on a phone, the channel's card is far up the channel).
  'task.reminder': async (event, ctx) => {
    const t = textsOf(ctx.board);
    const { people, ownerGone } = reminderRecipients(ctx.board, event.task);
    const [text, day] = [md(event.task.text), dueDay(ctx.board, event.task)];
    const said = (onCard: boolean) =>
      ownerGone ? t.reminderOwnerGone(text, day, ownerName(ctx.board, event.task), event.overdue, onCard) : (event.overdue ? t.reminderOverdue : t.reminder)(text, day, onCard);
    // Its moment (no end while the task is open) is brought forward when the task is done before it is sent.
    return remindsUntil(event.until, await reminderPosts(ctx, event.key, people, said(false), () => ({ text: said(true), card: () => taskCard(ctx.board, event.task), copyOf: cardKey(event.task.id) })));
  },
};

/** What the tasks add to the agenda, the minutes and `status`. */
const contributions: Contribution = {
  agendaItems: [
    async (at) => {
      const overdue = await overdueTasks(at);
      if (overdue.length === 0) return [];
      const t = textsOf(at.board).followUp;
      return [{ title: t.title, kind: 'discussion', notes: overdue.map((task) => t.line(md(task.text), ownerName(at.board, task), dueDay(at.board, task))) }];
    },
  ],
  minutesSections: [
    // R16: the tasks given at the meeting, and those given between meetings (with when), which its minutes report.
    async (at, meeting) => {
      const made = await tasksOfMeeting(at, meeting);
      const t = textsOf(at.board).minutes;
      const line = (task: Task) => t.line(md(task.text), ownerName(at.board, task), dueDay(at.board, task));
      const given = (task: Task) => formatDateTime(task.createdAt, at.board.locale, at.board.timezone);
      return [
        ...(made.at.length ? [{ title: t.title, text: made.at.map((task) => `- ${line(task)}`).join('\n') }] : []),
        ...(made.between.length ? [{ title: t.betweenTitle, text: made.between.map((task) => `- ${t.given(line(task), given(task))}`).join('\n'), betweenMeetings: true as const }] : []),
      ];
    },
  ],
  statusSections: [
    async (at, period) => {
      const counts = await taskCounts(at, period);
      const t = textsOf(at.board).status;
      return [{ title: t.title, text: t.counts(counts.done, counts.overdue) }];
    },
  ],
  atStart: [movePlannedReminders],
  placeAnew: [placeTasksAnew],
};

const teams: TeamsFeature<TaskEvent> = {
  name: 'tasks',
  commands: [
    command({ name: 'task', texts: (locale) => TEXTS[locale].commands.task, action: 'task.make', group: 'tasks', args: taskArgs, handle: taskCommand }),
    command({ name: 'tasks', texts: (locale) => TEXTS[locale].commands.tasks, action: 'board.read', group: 'lookup', args: noArgs, handle: listCommand }),
  ],
  verbs: {
    'task.done': verb(z.object({ taskId: id }), async (turn, data) => {
      const result = await completeTask(turn.deps, turn.origin, data.taskId);
      if (!result.ok) return say(textsOf(turn.origin.board).refusal[result.reason]);
      const posted = turn.posted(cardKey(data.taskId));
      return posted ? showCard(posted) : result.value ? showCard(taskCard(turn.origin.board, result.value)) : nothing;
    }),
  },
  reactions,
  // An open task's card: its owner marks it done from it.
  liveCards: async (at, ctx) => (await openTasksAt(at)).map((task) => card(ctx, task, false)),
};

/** The tasks feature: its Teams part, its job, its contributions. */
export const tasks: Feature = { teams, jobs: taskJobs, contributions };
