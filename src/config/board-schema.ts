/** The board file (PRODUCT §3), validated with zod. */
import { z } from 'zod';
import { isHolidayCountry } from '../domain/holiday-countries.js';
import { DEFAULT_COUNTRY, DEFAULT_POLICIES, DEFAULT_TIMEZONE } from '../domain/kernel/board.js';
import { isRealDate } from '../domain/kernel/days.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM", e.g. "09:00"');
const mmdd = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date "MM-DD", e.g. "09-01"')
  // A day every year has: "02-30" or "09-31" passed the pattern and stopped the bot after it was listening; "02-29" is not in most years.
  .refine((text) => isRealDate(2001, Number(text.slice(0, 2)), Number(text.slice(3, 5))), 'must be a day every year has, e.g. "09-01" (not "02-30", "09-31" or "02-29")');
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID');

/**
 * A character XML 1.0 forbids: the control characters other than tab and line breaks, U+FFFE and
 * U+FFFF, and a surrogate that is not half of a pair. A display text holding one (YAML passes it
 * through, raw or as "\x01") would break every Word file of the minutes, which carry the board's
 * names in their title and text.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A character that XML allows but that makes a text show as another: a C1 control character
 * (U+0080–U+009F: nothing to see, or a box, or read as a Windows-1252 letter), and the bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which turn the letters after them
 * round, so that »Anne U+202E nesrednA« shows as another name in Teams and in the minutes.
 * A name in right-to-left letters needs none of them.
 */
const SHOWN_AS_ANOTHER = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * A text from the board file that reaches cards and files (a name, a title): refused, naming the
 * key, if XML forbids a character of it, or a character of it can make it show as another.
 */
function displayText(text: z.ZodString) {
  return text.superRefine((value, ctx) => {
    const forbidden = XML_FORBIDDEN.exec(value);
    const found = forbidden ?? SHOWN_AS_ANOTHER.exec(value);
    if (!found) return;
    const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: forbidden
        ? `holds the character ${code} at position ${found.index + 1}, which XML forbids: no Word file of the minutes could hold it; remove it`
        : `holds the character ${code} at position ${found.index + 1}, a control or direction-changing character that can make it show as something else in Teams and in the minutes; remove it`,
    });
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * R10: the board's country, whose days off the date poll keeps away from: an ISO 3166-1 alpha-2
 * code date-holidays knows (holiday-countries.ts; checked without loading it, issue 12), in any
 * case, kept in capitals.
 */
const country = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .superRefine((code, ctx) => {
    if (isHolidayCountry(code)) return;
    const uk = code === 'UK' ? ' (the United Kingdom is "GB")' : '';
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `"${code}" is not a country whose public holidays the bot knows${uk}: give its ISO 3166-1 alpha-2 code, e.g. "DK", "GB", "SE" (default "DK")`,
    });
  });

export const roleSchema = z.enum(['member', 'chair', 'secretary', 'guest']);

export const personSchema = z
  .object({
    name: displayText(z.string().trim().min(1)),
    aadObjectId: uuid.optional(),
    email: z.string().email().optional(),
    organisation: z.string().min(1).optional(),
    roles: z.array(roleSchema).min(1),
  })
  .strict()
  .refine((p) => p.aadObjectId !== undefined || p.email !== undefined, {
    message: 'a person needs an aadObjectId or an email',
  });

export const policiesSchema = z
  .object({
    majority: z.enum(['simple', 'absolute']).default(DEFAULT_POLICIES.majority),
    agendaLeadDays: z.number().int().min(1).max(60).default(DEFAULT_POLICIES.agendaLeadDays),
    agendaReminderDays: z.number().int().min(1).max(90).default(DEFAULT_POLICIES.agendaReminderDays),
    voteDeadlineHours: z.number().positive().max(24 * 60).default(DEFAULT_POLICIES.voteDeadlineHours),
    voteReminderHours: z.number().min(0).max(24 * 60).default(DEFAULT_POLICIES.voteReminderHours),
    objectionHours: z.number().positive().max(24 * 60).default(DEFAULT_POLICIES.objectionHours),
    datePlanningStart: mmdd.default(DEFAULT_POLICIES.datePlanningStart),
    postingTime: hhmm.default(DEFAULT_POLICIES.postingTime),
    meetingTime: hhmm.default(DEFAULT_POLICIES.meetingTime),
    lbfFollowUpMeeting: z.enum(['first', 'last']).default(DEFAULT_POLICIES.lbfFollowUpMeeting),
    linkTtlDays: z.number().int().min(1).max(3650).default(DEFAULT_POLICIES.linkTtlDays),
    objectionWindowInMeeting: z.enum(['untilClosed', 'window']).default(DEFAULT_POLICIES.objectionWindowInMeeting),
    /** The board's shape (R2 for Slagelse): how many chairs, one from each organisation kind, … */
    chairCount: z.number().int().min(1).max(20).optional(),
    chairFrom: z.array(z.string().trim().min(1)).min(1).optional(),
    chairMustBeMember: z.boolean().default(DEFAULT_POLICIES.chairMustBeMember),
    secretaryMayChair: z.boolean().default(DEFAULT_POLICIES.secretaryMayChair),
  })
  .strict();

/** A board's id: lowercase letters, digits and "-" (it names the board in commands and in the store). */
export const boardIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and "-", e.g. "folgegruppe-vest"')
  .max(60);

const boardFileBase = z
  .object({
    board: z
      .object({
        id: boardIdSchema.optional(),
        name: displayText(z.string().trim().min(1)),
        locale: z.enum(['da', 'en']).default('da'),
        timezone: z
          .string()
          .default(DEFAULT_TIMEZONE)
          .refine(isTimeZone, { message: 'is not a known IANA time zone, e.g. "Europe/Copenhagen"' }),
        /** R10: the country whose days off the date poll keeps away from. */
        country: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), country).default(DEFAULT_COUNTRY),
        tenantId: uuid.optional(),
        /** The board's Teams channel: an install there binds the board (PRODUCT §1.1). */
        channelId: z
          .string()
          .trim()
          .regex(/^19:[^\s;]+@thread\.[a-z0-9]+$/, 'must be a Teams channel id, e.g. "19:abc123@thread.tacv2" (the channel, without ";messageid=…")')
          .optional(),
      })
      .strict(),
    policies: policiesSchema.default({}),
    organisations: z
      .array(
        z
          .object({
            id: displayText(z.string().trim().min(1).max(20)),
            name: displayText(z.string().trim().min(1)),
            /** What kind of body it is (e.g. housing, municipality): the chair's shape may name kinds (policies.chairFrom). */
            kind: z.string().trim().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    people: z.array(personSchema).min(1),
    /** R12: the agenda's standing items in order; a known key, or the board's own item. */
    standingItems: z
      .array(
        z.union([
          z.enum(['approve-agenda', 'approve-minutes', 'economy', 'lbf-follow-up', 'next-year-dates', 'any-other-business']),
          z.object({ title: displayText(z.string().trim().min(1).max(300)), kind: z.enum(['decision', 'information', 'discussion']) }).strict(),
        ]),
      )
      .optional(),
  })
  .strict();

export const boardFileSchema = boardFileBase.superRefine((file, ctx) => {
    // R13: the chair and the secretary are reminded to prepare the agenda before it goes out, not after.
    const { agendaLeadDays: lead, agendaReminderDays: reminder } = file.policies;
    if (reminder <= lead) {
      const byDefault = reminder === DEFAULT_POLICIES.agendaReminderDays ? ' (the default)' : '';
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['policies', 'agendaReminderDays'],
        message: `the chair and the secretary are reminded ${reminder} days before the meeting${byDefault}, but the agenda goes out ${lead} days before (policies.agendaLeadDays): the reminder must come first; set more days than ${lead}`,
      });
    }
    // R6: the members who have not voted are reminded before the deadline, while the vote is open (0: no reminder).
    const { voteDeadlineHours: open, voteReminderHours: before } = file.policies;
    if (before > 0 && before >= open) {
      const byDefault = before === DEFAULT_POLICIES.voteReminderHours ? ' (the default)' : '';
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['policies', 'voteReminderHours'],
        message: `the members who have not voted are reminded ${before} hours before a vote's deadline${byDefault}, but a vote is open only ${open} hours (policies.voteDeadlineHours): that reminder would never be sent; set fewer hours than ${open}, or 0 for no reminder`,
      });
    }
    if (file.standingItems && !file.standingItems.includes('economy')) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['standingItems'], message: 'the economy ("economy") is a fixed item on every agenda (R14)' });
    }
    // R12: each standing item once (the board's own by its title, in any case and spacing): twice, it would be on every agenda twice.
    const standing = new Map<string, number>();
    file.standingItems?.forEach((item, i) => {
      const key = typeof item === 'string' ? item : `title:${item.title.replace(/\s+/g, ' ').toLowerCase()}`;
      const first = standing.get(key);
      if (first === undefined) return void standing.set(key, i);
      const name = typeof item === 'string' ? item : item.title;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['standingItems', i], message: `the standing item "${name}" is given twice (also standingItems[${first}])` });
    });
    const orgIds = new Set<string>();
    file.organisations.forEach((o, i) => {
      if (orgIds.has(o.id)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['organisations', i, 'id'], message: `duplicate organisation id "${o.id}"` });
      }
      orgIds.add(o.id);
    });
    const aadIds = new Set<string>();
    const emails = new Set<string>();
    // A name two people share could never be told apart (cards, answers, `deltager <navn>`).
    const names = new Map<string, number>();
    file.people.forEach((p, i) => {
      const at = (field: string) => ['people', i, field];
      const name = p.name.trim().replace(/\s+/g, ' ').toLowerCase();
      const first = names.get(name);
      if (first !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('name'), message: `the same name is given twice (also people[${first}])` });
      else names.set(name, i);
      if (p.aadObjectId) {
        const key = p.aadObjectId.toLowerCase();
        if (aadIds.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('aadObjectId'), message: 'the same aadObjectId is given twice' });
        aadIds.add(key);
      }
      if (p.email) {
        const key = p.email.toLowerCase();
        if (emails.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('email'), message: 'the same email is given twice' });
        emails.add(key);
      }
      if (p.organisation !== undefined && !orgIds.has(p.organisation)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: at('organisation'),
          message: `unknown organisation "${p.organisation}" (known: ${[...orgIds].join(', ')})`,
        });
      }
      const { chairMustBeMember, secretaryMayChair } = file.policies;
      const chair = p.roles.includes('chair');
      const votes = p.roles.includes('member') || (chair && chairMustBeMember);
      if (votes && p.organisation === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('organisation'), message: 'a member or chair must name the organisation they represent' });
      }
      if (chair && chairMustBeMember && !p.roles.includes('member')) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('roles'), message: 'a chair is a voting member (policies.chairMustBeMember): add "member" to the roles' });
      }
      if (chair && p.roles.includes('secretary') && !secretaryMayChair) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('roles'), message: 'the secretary does not chair this board (set policies.secretaryMayChair: true if they do)' });
      }
      if ((p.roles.includes('secretary') || p.roles.includes('guest')) && p.roles.includes('member')) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('roles'), message: 'the secretary and guests do not vote (R3, R4): they cannot also be "member"' });
      }
    });
    checkChairShape(file, ctx);
    file.organisations.forEach((o, i) => {
      if (!file.people.some((p) => p.organisation === o.id && p.roles.includes('member'))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['organisations', i], message: `organisation "${o.id}" has no member to cast its vote (R1)` });
      }
    });
  });

export type BoardFile = z.infer<typeof boardFileSchema>;

/**
 * The chair's shape, as the board's policies give it (and a secretary, R16): at least one chair; with
 * `chairCount`, exactly that many; with `chairFrom`, one from an organisation of each
 * kind named (R2 for Slagelse: [housing, municipality]).
 */
function checkChairShape(file: z.infer<typeof boardFileBase>, ctx: z.RefinementCtx): void {
  const chairs = file.people.filter((p) => p.roles.includes('chair'));
  const { chairCount, chairFrom } = file.policies;
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  if (chairs.length === 0) issue(['people'], 'no person has the role "chair"');
  // R16: the secretary writes the minutes and records attendance; without one the board never has minutes.
  if (!file.people.some((p) => p.roles.includes('secretary'))) issue(['people'], 'no person has the role "secretary" (the secretary writes the minutes and records attendance)');
  if (chairCount !== undefined && chairs.length > 0 && chairs.length !== chairCount) {
    issue(['people'], `policies.chairCount is ${chairCount}, but ${chairs.length} ${chairs.length === 1 ? 'person has' : 'people have'} the role "chair"`);
  }
  if (chairFrom === undefined) return;
  if (chairCount !== undefined && chairFrom.length !== chairCount) {
    issue(['policies', 'chairFrom'], `names ${chairFrom.length} kinds for ${chairCount} chairs (policies.chairCount): one chair from each kind`);
  }
  const kindOf = new Map(file.organisations.map((o) => [o.id, o.kind]));
  chairFrom.forEach((kind, i) => {
    if (!file.organisations.some((o) => o.kind === kind)) {
      issue(['policies', 'chairFrom', i], `no organisation has the kind "${kind}" (give organisations a "kind")`);
      return;
    }
    const from = chairs.filter((p) => p.organisation !== undefined && kindOf.get(p.organisation) === kind);
    if (from.length !== 1) issue(['people'], `the chair has one person from an organisation of kind "${kind}" (policies.chairFrom); the file names ${from.length}`);
  });
}
