/**
 * What follows from an event: the posts, written to the outbox in the same
 * transaction as the change, and sent from there (outbox/sender.ts).
 */
import { type Activity, CardFactory, type ConversationReference, type Mention, MessageFactory } from 'botbuilder';
import { type Board, type Person, chairs, findPerson, secretaries, votingMembers } from '../domain/kernel/board.js';
import { agendaDeadline, localIsoDate, parseHhmm, toInstant } from '../domain/kernel/calendar.js';
import type { FileLinks } from '../files/links.js';
import type { Meeting } from '../domain/meeting.js';
import type { Minutes } from '../domain/minutes.js';
import { formatDateTime, formatList, messages } from '../i18n/index.js';
import type { ChannelBinding, Repository } from '../store/port.js';
import type { LegacyEvent } from '../usecases/deps.js';
import { loadPoll } from '../usecases/date-polls.js';
import { loadAgenda } from '../usecases/meetings.js';
import { datesCard } from './cards/dates-card.js';
import { agendaPost as fittedAgenda } from './long-posts.js';
import { welcomeText } from './presenters.js';
import { md } from './text/markdown.js';

export { outboxKeys } from './outbox/keys.js';
import { outboxKeys } from './outbox/keys.js';

/** "<at>Anne Andersen</at>" with its mention entity when Teams' id for the person is known, else the name. */
export async function mentionsOf(repo: Repository, people: readonly Person[]): Promise<{ names: string[]; entities: Mention[] }> {
  const ids = new Map((await repo.listTeamsIdentities()).map((i) => [i.personId, i.teamsUserId]));
  const names: string[] = [];
  const entities: Mention[] = [];
  for (const person of people) {
    const id = ids.get(person.id);
    if (!id) {
      names.push(md(person.name));
      continue;
    }
    const text = `<at>${md(person.name)}</at>`;
    names.push(text);
    entities.push({ type: 'mention', text, mentioned: { id, name: person.name } } as Mention);
  }
  return { names, entities };
}

function chairAndSecretary(board: Board): Person[] {
  return [...chairs(board), ...secretaries(board)];
}

/** A reference to the channel itself (not a thread): sending to it starts a new post. */
export function channelReference(binding: ChannelBinding): Partial<ConversationReference> {
  const ref = binding.conversationReference as Partial<ConversationReference>;
  const { activityId: _thread, ...rest } = ref;
  return {
    ...rest,
    serviceUrl: binding.serviceUrl,
    conversation: {
      ...(ref.conversation ?? {}),
      id: binding.channelId,
      isGroup: true,
      conversationType: 'channel',
      ...(binding.tenantId ? { tenantId: binding.tenantId } : {}),
    } as ConversationReference['conversation'],
  };
}

export async function refreshUserIds(repo: Repository): Promise<string[]> {
  return (await repo.listTeamsIdentities()).map((i) => i.teamsUserId);
}

function cardActivity(card: object): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

function parseIso(iso: string) {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** A thread's conversation: replies there sit under the message. */
function threadReference(conversation: Partial<ConversationReference>, rootId: string): Partial<ConversationReference> {
  return { ...conversation, conversation: { ...conversation.conversation!, id: `${conversation.conversation!.id};messageid=${rootId}` } };
}

/** The features not yet moved to their reactions (teams/<feature>/reactions.ts). Going. */
export class LegacyPublisher {
  constructor(
    private readonly board: Board,
    private readonly clock: () => Date,
    private readonly links: FileLinks,
  ) {}

  /** Sends a card once under `key`, or replaces the card sent under it. */
  private async card(repo: Repository, key: string, conversation: Partial<ConversationReference>, activity: Partial<Activity>, replace: boolean): Promise<void> {
    const dueAt = this.clock();
    if (replace) await repo.enqueueOutbox({ key: `${key}-update`, kind: 'update', updatesKey: key, conversation, activity, dueAt });
    else await repo.enqueueOutbox({ key, kind: 'send', conversation, activity, dueAt });
  }

  /**
   * Personal reminders go to the person's 1:1 chat with the bot when there is one,
   * else into one channel message that @mentions the rest (PRODUCT §1.1).
   */
  private async remind(repo: Repository, key: string, people: readonly Person[], text: string, channel: Partial<ConversationReference>): Promise<void> {
    const dueAt = this.clock();
    const inChannel: Person[] = [];
    for (const person of people) {
      const personal = await repo.getPersonalConversation(person.id);
      if (personal) await repo.enqueueOutbox({ key: `${key}:to:${person.id}`, kind: 'send', conversation: personal, activity: MessageFactory.text(text), dueAt });
      else inChannel.push(person);
    }
    if (inChannel.length === 0) return;
    const { names, entities } = await mentionsOf(repo, inChannel);
    const activity = { ...MessageFactory.text(`${formatList(names, this.board.locale)}: ${text}`), entities };
    await repo.enqueueOutbox({ key: `${key}:channel`, kind: 'send', conversation: channel, activity, dueAt });
  }

  async publishOne(repo: Repository, event: LegacyEvent): Promise<void> {
    if (event.type === 'install.notice') {
      // To the conversation the install came from (no binding needed); each notice once per conversation.
      const m = messages(this.board.locale);
      const text = event.notice === 'officers-bind' ? m.trust.installByOfficers : m.trust.installElsewhere;
      const conversation = event.conversationReference as Partial<ConversationReference>;
      await repo.enqueueOutbox({ key: outboxKeys.installNotice(event.conversationKey, event.notice), kind: 'send', conversation, activity: MessageFactory.text(text), dueAt: this.clock() });
      return;
    }
    const binding = await repo.getBinding();
    if (!binding) return;
    const conversation = channelReference(binding);
    const dueAt = this.clock();
    const board = this.board;
    const m = messages(board.locale);
    const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
    switch (event.type) {
      case 'board.bound':
        await repo.enqueueOutbox({
          key: outboxKeys.welcome(event.channelId),
          kind: 'send',
          conversation,
          activity: MessageFactory.text(welcomeText(this.board)),
          dueAt,
        });
        return;
      case 'agenda.sent':
      case 'agenda.changed': {
        const meeting = await repo.getMeeting(event.meetingId);
        if (!meeting) return;
        const { activity } = fittedAgenda(board, await loadAgenda(board, repo, meeting), this.links);
        await this.card(repo, outboxKeys.agenda(meeting.id), conversation, activity, event.type === 'agenda.changed');
        return;
      }
      case 'reminder.agenda': {
        const meeting = await repo.getMeeting(event.meetingId);
        if (!meeting) return;
        const text = m.reminder.agenda(when(meeting.startsAt), when(agendaDeadline(meeting.startsAt, board.policies, board.timezone)));
        await this.remind(repo, event.key, chairAndSecretary(board), text, conversation);
        return;
      }
      case 'dates.poll':
      case 'dates.changed':
      case 'dates.confirmed': {
        const state = await loadPoll(repo, event.pollId);
        if (!state) return;
        await this.card(repo, outboxKeys.datesCard(event.pollId), conversation, cardActivity(datesCard(board, state)), event.type !== 'dates.poll');
        if (event.type === 'dates.confirmed') {
          const dates = (state.poll.confirmedDates ?? []).map((d) => formatDateTime(toInstant(parseIso(d), parseHhmm(state.poll.time), board.timezone), board.locale, board.timezone));
          await repo.enqueueOutbox({ key: `dates:${event.pollId}:confirmed`, kind: 'send', conversation, activity: MessageFactory.text(m.dates.confirmed(state.poll.year, formatList(dates, board.locale))), dueAt });
        }
        return;
      }
      case 'meeting.cancelled': {
        const meeting = await repo.getMeeting(event.meetingId);
        if (!meeting) return;
        await repo.enqueueOutbox({
          key: `meeting:${meeting.id}:cancelled`,
          kind: 'send',
          conversation,
          activity: MessageFactory.text(m.meeting.cancelled(m.meeting.kind[meeting.kind], when(meeting.startsAt))),
          dueAt,
        });
        return;
      }
      case 'reminder.dates':
        await this.remind(repo, event.key, chairAndSecretary(board), m.reminder.datePlanning(event.year), conversation);
        return;
      case 'reminder.meeting': {
        const meeting = await repo.getMeeting(event.meetingId);
        if (!meeting) return;
        const kind = m.meeting.kindLower[meeting.kind];
        const agendaPost = await repo.getOutbox(outboxKeys.agenda(meeting.id));
        if (agendaPost?.sentActivityId) {
          // A reply in the agenda's thread: the reminder sits under the agenda it points to.
          await repo.enqueueOutbox({
            key: `${event.key}:reply`,
            kind: 'send',
            conversation: threadReference(conversation, agendaPost.sentActivityId),
            activity: MessageFactory.text(m.reminder.dayBefore(kind, when(meeting.startsAt))),
            dueAt,
          });
        } else {
          const { activity: agenda } = fittedAgenda(board, await loadAgenda(board, repo, meeting), this.links);
          const activity = { ...agenda, text: m.reminder.dayBeforeNoThread(kind, when(meeting.startsAt)) };
          await repo.enqueueOutbox({ key: `${event.key}:channel`, kind: 'send', conversation, activity, dueAt });
        }
        return;
      }
    }
  }
}
