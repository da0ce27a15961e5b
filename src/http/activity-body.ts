/**
 * The body of POST /api/messages: a Bot Framework activity as Teams sends it. What the
 * bot and botbuilder rely on is checked here, so that a malformed body is a 400 and never
 * reaches the turn; anything else is passed on as it came.
 *
 * The checks are written by hand, field by field in a fixed order; the first problem found
 * is the one named. They were a zod schema, which copied every object it checked: about
 * 80 µs a request in a profile of a vote, some 4% of the bot's CPU (issue 12).
 */

const MAX_ID = 1024;

/** What is wrong at a field, as `path: message` for the log; undefined when nothing is. */
type Problem = string | undefined;
type Key = string | number;
type Fields = Record<string, unknown>;

/** The field's path: the keys from the body down, joined with dots (`entities.0.type`). */
const pathOf = (parent: string, key: Key): string => (parent === '' ? String(key) : `${parent}.${key}`);
const problem = (parent: string, key: Key, message: string): string => `${pathOf(parent, key)}: ${message}`;

/** An object as JSON has them: not null, not an array. */
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function wrongType(parent: string, key: Key, value: unknown, expected: string): string {
  return problem(parent, key, value === undefined ? 'is missing' : `should be ${expected}, not ${kindOf(value)}`);
}

/** A string of min to max characters (UTF-16 code units, as String.length counts them). */
function text(value: unknown, parent: string, key: Key, min: 0 | 1, max: number): Problem {
  if (typeof value !== 'string') return wrongType(parent, key, value, 'a string');
  if (value.length < min) return problem(parent, key, 'is empty');
  if (value.length > max) return problem(parent, key, `is longer than ${max} characters`);
  return undefined;
}

/** Absent, null, or a string of at most max characters. */
const optionalText = (value: unknown, parent: string, key: Key, max = Infinity): Problem => (value == null ? undefined : text(value, parent, key, 0, max));

const optionalBoolean = (value: unknown, parent: string, key: Key): Problem =>
  value == null || typeof value === 'boolean' ? undefined : wrongType(parent, key, value, 'true or false');

const object = (value: unknown, parent: string, key: Key): Problem => (isObject(value) ? undefined : wrongType(parent, key, value, 'an object'));

/** Absent, null, or a string Date.parse reads. */
function instant(value: unknown, key: string): Problem {
  if (value == null) return undefined;
  if (typeof value !== 'string') return wrongType('', key, value, 'a string');
  return Number.isNaN(Date.parse(value)) ? problem('', key, 'is not a date') : undefined;
}

/** An http(s) URL with a host, of at most 2048 characters; the length is named first. */
function serviceUrl(value: unknown): Problem {
  const wrong = text(value, '', 'serviceUrl', 0, 2048);
  if (wrong !== undefined) return wrong;
  const url = value as string;
  return /^https?:\/\/[^\s/?#]+/i.test(url) && URL.canParse(url) ? undefined : 'serviceUrl: is not an http(s) URL';
}

/** The fields of a ChannelAccount botbuilder copies into replies (its serializer checks their types). */
function account(value: unknown, parent: string, key: Key): Problem {
  if (!isObject(value)) return wrongType(parent, key, value, 'an object');
  const path = pathOf(parent, key);
  return text(value.id, path, 'id', 1, MAX_ID) ?? optionalText(value.name, path, 'name') ?? optionalText(value.aadObjectId, path, 'aadObjectId') ?? optionalText(value.role, path, 'role');
}

function conversation(value: unknown): Problem {
  if (!isObject(value)) return wrongType('', 'conversation', value, 'an object');
  const path = 'conversation';
  return (
    text(value.id, path, 'id', 1, MAX_ID) ??
    optionalText(value.name, path, 'name') ??
    optionalText(value.conversationType, path, 'conversationType') ??
    optionalText(value.tenantId, path, 'tenantId') ??
    optionalText(value.aadObjectId, path, 'aadObjectId') ??
    optionalText(value.role, path, 'role') ??
    optionalBoolean(value.isGroup, path, 'isGroup')
  );
}

const isMention = (entity: Fields): boolean => (entity.type as string).toLowerCase() === 'mention';

/** Entities: each has a type; a mention names whom (botbuilder strips the bot's mention from the text). */
function entity(value: unknown, parent: string, key: Key): Problem {
  if (!isObject(value)) return wrongType(parent, key, value, 'an object');
  if (typeof value.type !== 'string') return wrongType(pathOf(parent, key), 'type', value.type, 'a string');
  if (!isMention(value)) return undefined;
  const named = typeof value.text === 'string' && typeof (value.mentioned as { id?: unknown } | null | undefined)?.id === 'string';
  return named ? undefined : problem(parent, key, 'a mention needs text and mentioned.id');
}

/** Absent, null, or an array whose every item passes the check. */
function list(value: unknown, key: string, check: (item: unknown, parent: string, index: number) => Problem): Problem {
  if (value == null) return undefined;
  if (!Array.isArray(value)) return wrongType('', key, value, 'an array');
  for (let i = 0; i < value.length; i++) {
    const wrong = check(value[i], key, i);
    if (wrong !== undefined) return wrong;
  }
  return undefined;
}

/** Absent, null, or an object whose tenant, if any, is an object whose id, if any, is a string. */
function channelData(value: unknown): Problem {
  if (value == null) return undefined;
  if (!isObject(value)) return wrongType('', 'channelData', value, 'an object');
  const tenant = value.tenant;
  if (tenant == null) return undefined;
  return object(tenant, 'channelData', 'tenant') ?? optionalText((tenant as Fields).id, 'channelData.tenant', 'id');
}

/** The body's first problem, the fields taken in this order; the mention rule last. */
function problemOf(body: Fields): Problem {
  return (
    text(body.type, '', 'type', 1, 64) ??
    optionalText(body.id, '', 'id', MAX_ID) ??
    text(body.channelId, '', 'channelId', 1, 64) ??
    serviceUrl(body.serviceUrl) ??
    account(body.from, '', 'from') ??
    account(body.recipient, '', 'recipient') ??
    conversation(body.conversation) ??
    optionalText(body.text, '', 'text') ??
    optionalText(body.name, '', 'name') ??
    optionalText(body.action, '', 'action') ??
    optionalText(body.replyToId, '', 'replyToId') ??
    optionalText(body.locale, '', 'locale') ??
    instant(body.timestamp, 'timestamp') ??
    instant(body.localTimestamp, 'localTimestamp') ??
    instant(body.expiration, 'expiration') ??
    list(body.entities, 'entities', entity) ??
    list(body.attachments, 'attachments', object) ??
    list(body.membersAdded, 'membersAdded', account) ??
    list(body.membersRemoved, 'membersRemoved', account) ??
    channelData(body.channelData) ??
    // botbuilder strips the bot's @mention from a message's text: a message with a mention has text.
    (body.type === 'message' && typeof body.text !== 'string' && (body.entities as Fields[] | null | undefined)?.some(isMention)
      ? 'text: a message with a mention but no text'
      : undefined)
  );
}

/** Optional fields that may come as null: dropped, so that null reads as absent everywhere. */
const DROPPED_WHEN_NULL = ['id', 'text', 'name', 'action', 'replyToId', 'locale', 'timestamp', 'localTimestamp', 'expiration', 'entities', 'attachments', 'membersAdded', 'membersRemoved', 'channelData'];

/** The dates, and where botbuilder keeps each one's text. */
const DATES = [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const;

/** An activity that passed the checks; dates as botbuilder wants them (Date objects). */
export type InboundActivity = Record<string, unknown> & { type: string; id?: string };

export type ParsedBody = { ok: true; activity: InboundActivity } | { ok: false; problem: string };

/** Checks the parsed JSON body; the problem is for the log only, never for the answer. */
export function parseActivityBody(body: unknown): ParsedBody {
  if (!isObject(body)) return { ok: false, problem: 'the body is not a JSON object' };
  const wrong = problemOf(body);
  if (wrong !== undefined) return { ok: false, problem: wrong };
  // Object.assign, not a spread: V8 (node 20) gives each spread copy of a parsed body a hidden
  // class of its own, and each date's raw field added below another one (~2 µs a body). A body
  // with its own __proto__ field is spread, as assign would make that field the copy's prototype.
  const activity = (Object.hasOwn(body, '__proto__') ? { ...body } : Object.assign({}, body)) as InboundActivity;
  for (const field of DROPPED_WHEN_NULL) if (activity[field] === null) delete activity[field];
  // As botbuilder's own validateAndFixActivity: ISO strings become Dates, the raw text kept.
  for (const [field, raw] of DATES) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity };
}
