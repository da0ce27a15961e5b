/** What follows from a conclusion (R7, R8): its card, kept up to date; an objection and the decision announced. */
import { chairs } from '../../domain/kernel/board.js';
import { formatDateTime, formatList } from '../../i18n/index.js';
import type { ConclusionEvent, ConclusionState } from '../../usecases/conclusions.js';
import type { ItemReopened } from '../../usecases/decisions.js';
import type { ConclusionsLeftBehind, ItemsRenamed } from '../../usecases/item-headings.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, cardPost, reminderPosts, textPost } from '../outbox/posts.js';
import { md } from '../text/markdown.js';
import { personName } from '../text/names.js';
import { conclusionCard } from './card.js';

export const conclusionCardPost = (ctx: ReactionContext, state: ConclusionState, update = true): Post =>
  cardPost(outboxKeys.conclusionCard(state.conclusion.id), ctx.channel, () => conclusionCard(ctx.board, state), update);

export const conclusionReactions: Reactions<ConclusionEvent | ItemReopened | ItemsRenamed | ConclusionsLeftBehind> = {
  // R7, R18: `genoptag`: the card says its decision no longer stands.
  'agenda.item-reopened': (event, ctx) => event.conclusions.map((state) => conclusionCardPost(ctx, state)),
  // PRODUCT §1.3: a meeting planned, moved or cancelled on its meeting's day: the card names the meeting as it now stands.
  'agenda.items-renamed': (event, ctx) => event.conclusions.map((state) => conclusionCardPost(ctx, state)),
  'conclusion.posted': (event, ctx) => [conclusionCardPost(ctx, event, false)],
  // R7: a new conclusion or a vote on its item: an objected one's card says the chair has left it behind.
  'conclusion.left-behind': (event, ctx) => event.conclusions.map((state) => conclusionCardPost(ctx, state)),
  'conclusion.objected': async (event, ctx) => {
    const { board, m } = ctx;
    const { conclusion, objection } = event;
    const { names, entities } = await ctx.mentions(chairs(board));
    const said = `${m.conclusion.objected(personName(board, objection.personId), md(objection.organisationId), md(conclusion.itemLabel))} ${formatList(names, board.locale)}`;
    // The objector's reason, in their own words (literal), on one paragraph of its own: a line of
    // it cannot stand as a paragraph of the bot's (»Afgjort: …«). The minutes quote it line for line.
    const text = objection.reason ? `${said}\n\n${m.conclusion.reason(md(objection.reason))}` : said;
    return [conclusionCardPost(ctx, event), textPost(outboxKeys.conclusionObjection(conclusion.id, objection.personId), ctx.channel, text, entities)];
  },
  // A dissent on a vote is the vote's (its event carries no conclusion).
  'dissent.added': (event, ctx) => ('conclusion' in event ? [conclusionCardPost(ctx, event)] : []),
  'conclusion.to-vote': (event, ctx) => [conclusionCardPost(ctx, event)],
  // R7: the vote on it closed: the card shows the outcome.
  'conclusion.vote-closed': (event, ctx) => [conclusionCardPost(ctx, event)],
  // R7: the day after the meeting, its conclusions still open: the chair is reminded to close them.
  'reminder.conclusions': (event, ctx) => {
    const { board, m } = ctx;
    const labels = (list: readonly { readonly itemLabel: string }[]) => formatList(list.map((c) => md(c.itemLabel)), board.locale);
    const when = formatDateTime(event.meeting.startsAt, board.locale, board.timezone);
    const open = event.conclusions.length === 0 ? [] : [(event.conclusions.length === 1 ? m.conclusion.stillOpen : m.conclusion.stillOpenSeveral)(labels(event.conclusions), when)];
    const objected = event.objected.length === 0 ? [] : [(event.objected.length === 1 ? m.conclusion.stillObjected : m.conclusion.stillObjectedSeveral)(labels(event.objected), when)];
    return reminderPosts(ctx, event.key, chairs(board), [...open, ...objected].join('\n\n'));
  },
  'conclusion.decided': (event, ctx) => {
    const { board, m } = ctx;
    const { conclusion } = event;
    const how = conclusion.decidedBy === 'chair' ? m.conclusion.decidedByChair(personName(board, conclusion.concludedBy)) : m.conclusion.decidedByWindow;
    const text = [m.conclusion.decided(md(conclusion.itemLabel), md(conclusion.text)), how].join('\n\n');
    return [conclusionCardPost(ctx, event), textPost(outboxKeys.conclusionDecided(conclusion.id), ctx.channel, text)];
  },
};
