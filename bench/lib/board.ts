/**
 * Driving the bot as Teams would, with the activities the integration tests use
 * (test/support/activities.ts): the install, a motion opened by the chair in the board
 * channel, and votes cast and changed by members of five of the six organisations.
 */
import { randomUUID } from 'node:crypto';
import {
  CHANNEL_ID,
  type Person,
  botInstalled,
  cardAction,
  channelMessage,
  newMessageId,
  people,
} from '../../test/support/activities.js';
import type { SentActivity, SinkConnector } from './sink-connector.js';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function post(baseUrl: string, activity: unknown): Promise<Answer> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

async function expectOk(baseUrl: string, activity: unknown, what: string): Promise<Answer> {
  const answer = await post(baseUrl, activity);
  if (answer.status !== 200) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** The bot is added to the board's team by the chair (binds the board channel). */
export async function install(baseUrl: string, sink: SinkConnector): Promise<void> {
  await expectOk(baseUrl, botInstalled(sink.url, people.anne), 'install');
}

export interface OpenMotion {
  motionId: string;
  /** The id of the message holding the vote card, and its conversation. */
  cardMessageId: string;
  conversationId: string;
  /** The activity ids the bot processed for this motion (the chair's message, then the votes). */
  activityIds: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function voteCastData(sent: SentActivity): { motionId: string } | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const actions = (sent.body?.attachments?.[0]?.content?.actions ?? []) as any[];
  return actions.find((a) => a?.verb === 'vote.cast')?.data;
}

/** The chair opens a vote in the board channel; resolves once the bot has posted its card. */
export async function openMotion(baseUrl: string, sink: SinkConnector, title: string): Promise<OpenMotion> {
  sink.record();
  const since = sink.recorded().length;
  const id = newMessageId();
  await expectOk(baseUrl, channelMessage(sink.url, people.anne, `afstemning ${title}`, { id }), 'open a vote');
  const card = await sink.waitFor(
    (a) => a.method === 'POST' && voteCastData(a) !== undefined && JSON.stringify(a.body).includes(title) && sink.recorded().indexOf(a) >= since,
  );
  return { motionId: voteCastData(card)!.motionId, cardMessageId: card.activityId, conversationId: card.conversationId, activityIds: [id] };
}

/** Members of five organisations; Slagelse Kommune (Karsten) never votes, so no vote ever closes. */
export const VOTERS: readonly Person[] = [people.anne, people.birgitte, people.henrik, people.mette, people.lars, people.soeren];
const CHOICES = ['for', 'against', 'abstain'] as const;

/**
 * A vote on the motion, as Teams sends it when a member presses a button of its card: each
 * time another member, and for that member's organisation another choice than its last,
 * so every vote is a change stored durably. Each activity has a new id.
 */
export function voteActivities(sinkUrl: string, motion: OpenMotion, voters: readonly Person[] = VOTERS): () => ReturnType<typeof cardAction> {
  const last = new Map<string, number>();
  let i = 0;
  const channel = motion.conversationId.split(';')[0] ?? CHANNEL_ID;
  return () => {
    const voter = voters[i++ % voters.length]!;
    const org = voter.organisation ?? voter.key;
    const choice = ((last.get(org) ?? -1) + 1) % CHOICES.length;
    last.set(org, choice);
    return cardAction(
      sinkUrl,
      voter,
      'vote.cast',
      { motionId: motion.motionId, choice: CHOICES[choice]! },
      { replyToId: motion.cardMessageId, conversationId: channel, id: `f:${randomUUID()}` },
    );
  };
}

/**
 * A motion as history leaves it (bench/lib/history.ts clones it): opened, voted and
 * changed `changes` times by five organisations, then closed when the sixth votes (all
 * voted); resolves once the bot has sent what that queued.
 */
export async function closedMotion(baseUrl: string, sink: SinkConnector, changes: number): Promise<OpenMotion> {
  const motion = await openMotion(baseUrl, sink, `Historik ${randomUUID().slice(0, 8)}`);
  const next = voteActivities(sink.url, motion);
  for (let n = 0; n < VOTERS.length + changes; n++) {
    const activity = next();
    motion.activityIds.push(activity.id);
    await expectOk(baseUrl, activity, 'vote');
  }
  const last = voteActivities(sink.url, motion, [people.karsten])();
  motion.activityIds.push(last.id);
  const since = sink.recorded().length;
  await expectOk(baseUrl, last, 'the last vote');
  // The outcome is announced: a plain message after the card (the outbox works after the answer).
  await sink.waitFor((a) => a.method === 'POST' && voteCastData(a) === undefined && sink.recorded().indexOf(a) >= since);
  let before = -1;
  while (before !== sink.recorded().length) {
    before = sink.recorded().length;
    await new Promise((r) => setTimeout(r, 300));
  }
  return motion;
}
