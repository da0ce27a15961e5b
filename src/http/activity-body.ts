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
const account = z.object({ id, name: optionalString, aadObjectId: optionalString }).passthrough();
const objectList = z.array(z.object({}).passthrough()).nullish();

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
    conversation: z.object({ id, conversationType: optionalString, tenantId: optionalString }).passthrough(),
    text: optionalString,
    name: optionalString,
    action: optionalString,
    replyToId: optionalString,
    locale: optionalString,
    timestamp: instant,
    localTimestamp: instant,
    expiration: instant,
    entities: objectList,
    attachments: objectList,
    membersAdded: z.array(account).nullish(),
    membersRemoved: z.array(account).nullish(),
    channelData: z.object({}).passthrough().nullish(),
  })
  .passthrough();

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
