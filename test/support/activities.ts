/**
 * Builders of Teams-shaped activities for the integration tests: the one place
 * where the shape of what Teams sends the bot is written down (docs/teams.md,
 * "Identities" and "Routing"). Everything is plain JSON; nothing here imports
 * botbuilder.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEMO_CONFIG_PATH } from './paths.js';

// ---------------------------------------------------------------------------
// The demo board
// ---------------------------------------------------------------------------

interface DemoPersonConfig {
  name: string;
  aadObjectId?: string;
  email?: string;
  organisation?: string;
  roles?: string[];
}

interface DemoConfig {
  board: { name: string; locale?: string; timezone?: string; tenantId?: string };
  organisations: { id: string; name: string }[];
  people: DemoPersonConfig[];
  [key: string]: unknown;
}

/** config/demo.yaml, parsed (read once, at import). */
export const demoConfig: DemoConfig = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as DemoConfig;

if (!demoConfig?.board?.tenantId) {
  throw new Error(`${DEMO_CONFIG_PATH}: board.tenantId is missing; the test builders need it`);
}

/** The demo board's tenant (board.tenantId in config/demo.yaml). */
export const TENANT_ID: string = demoConfig.board.tenantId;
export const TEAM_ID = '19:team-slagelse@thread.tacv2';
export const TEAM_NAME = 'Boligsocial bestyrelse';
export const CHANNEL_ID = '19:board-channel@thread.tacv2';
/** Another channel of the board's team. */
export const OTHER_CHANNEL_ID = '19:other-channel@thread.tacv2';
/** Another team of the tenant, and a channel of it. */
export const OTHER_TEAM_ID = '19:team-other@thread.tacv2';
export const OTHER_TEAM_CHANNEL_ID = '19:other-team-channel@thread.tacv2';
/** A group chat the bot was added to. */
export const GROUP_CHAT_ID = '19:group-chat@thread.v2';
/** Another tenant, for the "foreign tenant is refused" tests. */
export const FOREIGN_TENANT_ID = '99999999-0000-4000-8000-00000000ffff';
export const BOT = { id: '28:bestyrelsesbot', name: 'Bestyrelsesbot' } as const;
/** The mention text Teams puts in front of a channel message addressed to the bot. */
export const BOT_MENTION = `<at>${BOT.name}</at>`;

export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
}

/** A demo person as a Teams user: `29:<key>` id, the name and aadObjectId from demo.yaml. */
export interface Person extends ChannelAccount {
  key: PersonKey;
  name: string;
  aadObjectId: string;
  email?: string;
  organisation?: string;
  roles: string[];
}

export type PersonKey =
  | 'anne'
  | 'karsten'
  | 'birgitte'
  | 'henrik'
  | 'mette'
  | 'lars'
  | 'soeren'
  | 'pia'
  | 'gustav'
  | 'stranger';

/** Short key → the demo person's first name in demo.yaml. */
const FIRST_NAMES: Record<Exclude<PersonKey, 'stranger'>, string> = {
  anne: 'Anne', // chair, FOB
  karsten: 'Karsten', // chair, KOM
  birgitte: 'Birgitte', // SB
  henrik: 'Henrik', // SAB
  mette: 'Mette', // SBS
  lars: 'Lars', // BK
  soeren: 'Søren', // second SB member
  pia: 'Pia', // secretary
  gustav: 'Gustav', // guest
};

function demoPerson(key: Exclude<PersonKey, 'stranger'>): Person {
  const firstName = FIRST_NAMES[key].toLowerCase();
  const found = demoConfig.people.find((p) => p.name.split(/\s+/)[0]?.toLowerCase() === firstName);
  if (!found?.aadObjectId) {
    throw new Error(`${DEMO_CONFIG_PATH}: no person named ${FIRST_NAMES[key]} with an aadObjectId (test key '${key}')`);
  }
  return {
    key,
    id: `29:${key}`,
    name: found.name,
    aadObjectId: found.aadObjectId,
    ...(found.email ? { email: found.email } : {}),
    ...(found.organisation ? { organisation: found.organisation } : {}),
    roles: found.roles ?? [],
  };
}

const STRANGER_AAD_ID = '00000000-0000-4000-8000-0000000000ee';
if (demoConfig.people.some((p) => p.aadObjectId === STRANGER_AAD_ID)) {
  throw new Error(`${DEMO_CONFIG_PATH}: the stranger's aadObjectId ${STRANGER_AAD_ID} is on the board`);
}

/** The demo board's people, by short key; `stranger` is a user of the tenant who is not on the board. */
export const people: Readonly<Record<PersonKey, Person>> = Object.freeze({
  anne: demoPerson('anne'),
  karsten: demoPerson('karsten'),
  birgitte: demoPerson('birgitte'),
  henrik: demoPerson('henrik'),
  mette: demoPerson('mette'),
  lars: demoPerson('lars'),
  soeren: demoPerson('soeren'),
  pia: demoPerson('pia'),
  gustav: demoPerson('gustav'),
  stranger: {
    key: 'stranger',
    id: '29:stranger',
    name: 'Sune Fremmed',
    aadObjectId: STRANGER_AAD_ID,
    email: 'sune.fremmed@example.dk',
    roles: [],
  },
});

/** The board's people (all but the stranger), in demo.yaml order. */
export const boardPeople: readonly Person[] = Object.values(people).filter((p) => p.key !== 'stranger');

// ---------------------------------------------------------------------------
// Activity shapes
// ---------------------------------------------------------------------------

export interface ConversationAccount {
  id: string;
  conversationType: 'channel' | 'personal' | 'groupChat';
  isGroup?: boolean;
  tenantId?: string;
  name?: string;
}

export interface TeamsChannelData {
  tenant?: { id: string };
  team?: { id: string; name?: string; aadGroupId?: string };
  channel?: { id: string; name?: string };
  teamsChannelId?: string;
  teamsTeamId?: string;
  eventType?: string;
  settings?: { selectedChannel?: { id: string } };
  source?: { name: string } | null;
  legacy?: { replyToId?: string };
  [key: string]: unknown;
}

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: ChannelAccount;
}

/** A Teams activity as the bot receives it (plain JSON, mutable so tests can break it on purpose). */
export interface TeamsActivity {
  type: string;
  id: string;
  timestamp: string;
  localTimestamp?: string;
  localTimezone?: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: ConversationAccount;
  locale: string;
  text?: string;
  textFormat?: string;
  entities?: Array<MentionEntity | Record<string, unknown>>;
  channelData?: TeamsChannelData;
  replyToId?: string;
  name?: string;
  value?: unknown;
  action?: string;
  membersAdded?: ChannelAccount[];
  [key: string]: unknown;
}

export interface AdaptiveCardActionValue<TData = Record<string, unknown>> {
  action: { type: 'Action.Execute'; verb: string; data: TData };
  trigger: 'manual' | 'automatic';
}

const usedIds = new Set<string>();

/**
 * A fresh 13-digit Teams message id. They start with 9, so they never meet the
 * fake connector's ids (which are millisecond timestamps, 17…).
 */
export function newMessageId(): string {
  for (;;) {
    const id = `9${String(randomInt(0, 1e12)).padStart(12, '0')}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

/** The thread conversation id Teams uses for a message in a channel: `19:…@thread.tacv2;messageid=…`. */
export function threadId(channelId: string = CHANNEL_ID, rootMessageId: string = newMessageId()): string {
  return `${channelId};messageid=${rootMessageId}`;
}

function account(a: ChannelAccount): ChannelAccount {
  return {
    id: a.id,
    ...(a.name !== undefined ? { name: a.name } : {}),
    ...(a.aadObjectId !== undefined ? { aadObjectId: a.aadObjectId } : {}),
  };
}

function keyOf(a: ChannelAccount): string {
  const key = (a as Partial<Person>).key;
  return key ?? a.id.replace(/^\d+:/, '');
}

function base(serviceUrl: string, type: string, id: string, timestamp?: string) {
  return {
    type,
    id,
    timestamp: timestamp ?? new Date().toISOString(),
    channelId: 'msteams' as const,
    serviceUrl,
    recipient: { ...BOT },
    locale: 'da-DK',
  };
}

function channelData(tenantId: string, channelId: string = CHANNEL_ID, teamId: string = TEAM_ID): TeamsChannelData {
  return {
    tenant: { id: tenantId },
    team: { id: teamId },
    channel: { id: channelId },
    teamsChannelId: channelId,
    teamsTeamId: teamId,
  };
}

function channelConversation(id: string, tenantId: string): ConversationAccount {
  return { id, conversationType: 'channel', isGroup: true, tenantId };
}

export interface ChannelMessageOptions {
  /** Another tenant (foreign-tenant tests). */
  tenantId?: string;
  /** A fixed activity id (duplicate-delivery tests: send the same id twice). */
  id?: string;
  /**
   * The conversation to write in, e.g. an existing thread `CHANNEL_ID;messageid=…`.
   * Default: a new thread whose root is this message. A bare channel id gets `;messageid=<id>`.
   */
  conversationId?: string;
  /** Leave out the @mention of the bot (default: mentioned, as Teams requires in channels). */
  mention?: boolean;
  timestamp?: string;
  /** The team the channel belongs to (default: the board's team). */
  teamId?: string;
}

/** A message in the board channel, addressed to the bot with an @mention. */
export function channelMessage(
  serviceUrl: string,
  from: ChannelAccount,
  text: string,
  opts: ChannelMessageOptions = {},
): TeamsActivity {
  const tenantId = opts.tenantId ?? TENANT_ID;
  const id = opts.id ?? newMessageId();
  let conversationId = opts.conversationId ?? threadId(CHANNEL_ID, id);
  if (!conversationId.includes(';messageid=')) conversationId = threadId(conversationId, id);
  const rootId = conversationId.split(';messageid=')[1];
  const mention = opts.mention ?? true;
  const activity: TeamsActivity = {
    ...base(serviceUrl, 'message', id, opts.timestamp),
    localTimezone: 'Europe/Copenhagen',
    from: account(from),
    conversation: channelConversation(conversationId, tenantId),
    text: mention ? `${BOT_MENTION} ${text}` : text,
    textFormat: 'plain',
    entities: mention ? [{ type: 'mention', text: BOT_MENTION, mentioned: { ...BOT } }] : [],
    channelData: channelData(tenantId, conversationId.split(';')[0], opts.teamId),
  };
  // A reply inside an existing thread points at the thread's root message.
  if (rootId && rootId !== id) activity.replyToId = rootId;
  return activity;
}

export interface PersonalMessageOptions {
  tenantId?: string;
  id?: string;
  timestamp?: string;
}

/** A message in the person's 1:1 chat with the bot (conversation id `a:1:<key>`). */
export function personalMessage(
  serviceUrl: string,
  from: ChannelAccount,
  text: string,
  opts: PersonalMessageOptions = {},
): TeamsActivity {
  const tenantId = opts.tenantId ?? TENANT_ID;
  return {
    ...base(serviceUrl, 'message', opts.id ?? newMessageId(), opts.timestamp),
    localTimezone: 'Europe/Copenhagen',
    from: account(from),
    conversation: { id: personalConversationId(from), conversationType: 'personal', tenantId },
    text,
    textFormat: 'plain',
    entities: [],
    channelData: { tenant: { id: tenantId } },
  };
}

/** The 1:1 conversation id the builders use for a person: `a:1:<key>`. */
export function personalConversationId(person: ChannelAccount): string {
  return `a:1:${keyOf(person)}`;
}

export interface CardActionOptions {
  /** The id of the message holding the card (the fake connector's id for the bot's post). */
  replyToId?: string;
  /**
   * The conversation the card lives in, e.g. a connector post's `conversationId`.
   * A bare channel id becomes the card's thread `…;messageid=<replyToId>`. Default: the board channel.
   */
  conversationId?: string;
  tenantId?: string;
  id?: string;
  trigger?: 'manual' | 'automatic';
  timestamp?: string;
  /** The team of the channel the card lives in (default: the board's team). */
  teamId?: string;
}

/** A press on an `Action.Execute` button (Universal Actions): invoke `adaptiveCard/action`. */
export function cardAction<TData extends Record<string, unknown>>(
  serviceUrl: string,
  from: ChannelAccount,
  verb: string,
  data: TData,
  opts: CardActionOptions = {},
): TeamsActivity & { value: AdaptiveCardActionValue<TData> } {
  const tenantId = opts.tenantId ?? TENANT_ID;
  const replyToId = opts.replyToId ?? newMessageId();
  let conversationId = opts.conversationId ?? CHANNEL_ID;
  const personal = conversationId.startsWith('a:');
  const group = conversationId === GROUP_CHAT_ID;
  if (!personal && !group && !conversationId.includes(';messageid=')) conversationId = threadId(conversationId, replyToId);
  const value: AdaptiveCardActionValue<TData> = {
    action: { type: 'Action.Execute', verb, data },
    trigger: opts.trigger ?? 'manual',
  };
  return {
    ...base(serviceUrl, 'invoke', opts.id ?? `f:${randomUUID()}`, opts.timestamp),
    name: 'adaptiveCard/action',
    from: account(from),
    conversation: personal
      ? { id: conversationId, conversationType: 'personal', tenantId }
      : group
        ? { id: conversationId, conversationType: 'groupChat', isGroup: true, tenantId }
        : channelConversation(conversationId, tenantId),
    replyToId,
    value,
    channelData:
      personal || group
        ? { tenant: { id: tenantId }, source: { name: 'message' }, legacy: { replyToId } }
        : { ...channelData(tenantId, conversationId.split(';')[0], opts.teamId), source: { name: 'message' }, legacy: { replyToId } },
  };
}

export interface InstallOptions {
  tenantId?: string;
  /** The channel the installer chose (default: the board channel). */
  selectedChannelId?: string;
  id?: string;
  /** The team the bot is added to (default: the board's team); its General channel is the conversation. */
  teamId?: string;
}

/** The bot being added to the team: `conversationUpdate` / `teamMemberAdded` in the General channel. */
export function botInstalled(serviceUrl: string, installer: ChannelAccount, opts: InstallOptions = {}): TeamsActivity {
  const tenantId = opts.tenantId ?? TENANT_ID;
  return {
    ...base(serviceUrl, 'conversationUpdate', opts.id ?? `f:${randomUUID()}`),
    from: account(installer),
    // On a team install the conversation is the team's General channel, whose id is the team id.
    conversation: channelConversation(opts.teamId ?? TEAM_ID, tenantId),
    membersAdded: [{ id: BOT.id }],
    channelData: {
      eventType: 'teamMemberAdded',
      tenant: { id: tenantId },
      team: { id: opts.teamId ?? TEAM_ID, name: TEAM_NAME },
      settings: { selectedChannel: { id: opts.selectedChannelId ?? CHANNEL_ID } },
    },
  };
}

/** The app being installed in the team: `installationUpdate` with `action: 'add'`. */
export function installationUpdate(
  serviceUrl: string,
  installer: ChannelAccount,
  opts: InstallOptions = {},
): TeamsActivity {
  const tenantId = opts.tenantId ?? TENANT_ID;
  const selected = opts.selectedChannelId ?? CHANNEL_ID;
  return {
    ...base(serviceUrl, 'installationUpdate', opts.id ?? `f:${randomUUID()}`),
    action: 'add',
    from: account(installer),
    conversation: channelConversation(TEAM_ID, tenantId),
    channelData: {
      tenant: { id: tenantId },
      team: { id: TEAM_ID, name: TEAM_NAME },
      channel: { id: selected },
      settings: { selectedChannel: { id: selected } },
      source: null,
    },
  };
}
