/**
 * The body of POST /api/messages: a Bot Framework activity as Teams sends it. What the
 * bot and botbuilder rely on is checked here, so that a malformed body is a 400 and never
 * reaches the turn; anything else is passed on as it came.
 */
import { z } from 'zod';

const MAX_ID = 1024;

const id = z.string().min(1).max(MAX_ID);
const optionalString = z.string().nullish();
const instant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a date' })
  .nullish();
/** The fields of a ChannelAccount botbuilder copies into replies (its serializer checks their types). */
const account = z.object({ id, name: optionalString, aadObjectId: optionalString, role: optionalString }).passthrough();
const conversation = z
  .object({ id, name: optionalString, conversationType: optionalString, tenantId: optionalString, aadObjectId: optionalString, role: optionalString, isGroup: z.boolean().nullish() })
  .passthrough();
const objectList = z.array(z.object({}).passthrough()).nullish();
/** Entities: each has a type; a mention names whom (botbuilder strips the bot's mention from the text). */
const entity = z
  .object({ type: z.string() })
  .passthrough()
  .superRefine((e, ctx) => {
    if (e.type.toLowerCase() !== 'mention') return;
    const mention = e as { text?: unknown; mentioned?: { id?: unknown } };
    if (typeof mention.text !== 'string' || typeof mention.mentioned?.id !== 'string') ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a mention needs text and mentioned.id' });
  });

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(MAX_ID).nullish(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z
      .string()
      .max(2048)
      .refine((u) => /^https?:\/\/[^\s/?#]+/i.test(u) && URL.canParse(u), { message: 'is not an http(s) URL' }),
    from: account,
    recipient: account,
    conversation,
    text: optionalString,
    name: optionalString,
    action: optionalString,
    replyToId: optionalString,
    locale: optionalString,
    timestamp: instant,
    localTimestamp: instant,
    expiration: instant,
    entities: z.array(entity).nullish(),
    attachments: objectList,
    membersAdded: z.array(account).nullish(),
    membersRemoved: z.array(account).nullish(),
    channelData: z.object({ tenant: z.object({ id: optionalString }).passthrough().nullish() }).passthrough().nullish(),
  })
  .passthrough()
  // botbuilder strips the bot's @mention from a message's text: a message with a mention has text.
  .refine((a) => a.type !== 'message' || typeof a.text === 'string' || !a.entities?.some((e) => e.type.toLowerCase() === 'mention'), {
    message: 'a message with a mention but no text',
    path: ['text'],
  });

/** Optional fields that may come as null: dropped, so that null reads as absent everywhere. */
const DROPPED_WHEN_NULL = ['id', 'text', 'name', 'action', 'replyToId', 'locale', 'timestamp', 'localTimestamp', 'expiration', 'entities', 'attachments', 'membersAdded', 'membersRemoved', 'channelData'];

/** An activity that passed the checks; dates as botbuilder wants them (Date objects). */
export type InboundActivity = Record<string, unknown> & { type: string; id?: string };

export type ParsedBody = { ok: true; activity: InboundActivity } | { ok: false; problem: string };

/** Checks the parsed JSON body; the problem is for the log only, never for the answer. */
export function parseActivityBody(body: unknown): ParsedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: 'the body is not a JSON object' };
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join('.') || '(body)'}: ${issue.message}` };
  }
  const activity = { ...(body as Record<string, unknown>) } as InboundActivity;
  for (const field of DROPPED_WHEN_NULL) if (activity[field] === null) delete activity[field];
  // As botbuilder's own validateAndFixActivity: ISO strings become Dates, the raw text kept.
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity };
}
