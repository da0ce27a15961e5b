/** The environment (PRODUCT §3), validated with zod at start. */
import cron from 'node-cron';
import { z } from 'zod';
import { ConfigError, describeIssues } from './issues.js';

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** An ISO-8601 date, or date and time with an optional offset (what Date.parse reads alike everywhere). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * What is wrong with a DATABASE_URL as node-postgres reads it (pg-connection-string: the
 * WHATWG URL parser, after encoding spaces and stray "%"), or undefined. Caught here, a
 * mistake is named at once instead of failing the first query with pg's own stack trace.
 */
function pgUrlProblem(url: string): string | undefined {
  if (!/^postgres(ql)?:\/\//.test(url)) return 'must be a postgres:// URL';
  const text = / |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(url) ? encodeURI(url).replace(/%25(\d\d)/g, '%$1') : url;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    try {
      parsed = new URL(text.replace('@/', '@___DUMMY___/'));
    } catch {
      return 'is not a URL that can be read (a port from 1 to 65535? characters such as "@", "/", "#" or "?" in the password written as %40, %2F, %23, %3F?)';
    }
  }
  if (parsed.searchParams.get('sslrootcert') === 'system') {
    return 'sslrootcert=system is for psql and pg_dump (libpq); the bot would read it as a file named "system": leave it out (with sslmode=verify-full the bot checks the server\'s certificate against Node\'s own roots)';
  }
  return undefined;
}

/** What is wrong with PUBLIC_URL as the start of the links to the files (`<PUBLIC_URL>/minutes/…?exp=…`), or undefined. */
function publicUrlProblem(url: string): string | undefined {
  const wrong = 'must be an http(s) URL, e.g. https://bestyrelsesbot.azurewebsites.net';
  if (!/^https?:\/\/[^\s]+$/.test(url)) return wrong;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return wrong;
  }
  if (parsed.search || parsed.hash || url.includes('#') || parsed.username || parsed.password) {
    return 'must be where the bot is reached, without "?…", "#…" or a user name, e.g. https://bestyrelsesbot.azurewebsites.net (the links to the files add their path to it)';
  }
  return undefined;
}

/** The values of NODE_ENV (any case) under which the bot may run without credentials. */
const ANONYMOUS_NODE_ENVS = ['development', 'test'];

export const envSchema = z
  .object({
    NODE_ENV: optionalText,
    // Set but empty (PORT= in a file of variables) is unset, not port 0 (a random port).
    // Decimal digits only: Number() would read "0x50" as port 80 and "1e3" as 1000.
    PORT: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\d{1,5}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN) : v),
      z.number({ invalid_type_error: 'must be a port number, 0 to 65535' }).int('must be a port number, 0 to 65535').min(0, 'must be a port number, 0 to 65535').max(65535, 'must be a port number, 0 to 65535').default(3978),
    ),
    BOARD_CONFIG: z.string().min(1).default('config/demo.yaml'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalText.superRefine((u, ctx) => {
      const problem = u === undefined ? undefined : pgUrlProblem(u);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }),
    // The client id of the bot's Entra app or managed identity: the audience of every token Teams sends.
    BOT_ID: optionalText.refine((id) => id === undefined || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id), {
      message: 'must be the client id of the bot\'s Entra app or managed identity, a GUID such as 11111111-2222-4333-8444-555555555555 (without braces)',
    }),
    BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_TYPE: optionalText.refine((t) => t === undefined || ['MultiTenant', 'SingleTenant', 'UserAssignedMsi'].includes(t), {
      message: 'must be MultiTenant, SingleTenant or UserAssignedMsi',
    }),
    /** Where users reach the bot over HTTPS (links to minutes files); default http://localhost:PORT. */
    PUBLIC_URL: optionalText.superRefine((u, ctx) => {
      const problem = u === undefined ? undefined : publicUrlProblem(u);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SCHEDULER_CRON: z
      .string()
      .default('* * * * *')
      .refine((expr) => cron.validate(expr), { message: 'is not a valid cron expression (5 fields, or 6 with seconds)' }),
    /**
     * Tests only: the OpenID document whose keys (JWKS, endorsed for "msteams") validate incoming
     * channel tokens instead of Microsoft's, so that token checks can be tested offline.
     */
    BOT_OPENID_METADATA_URL: optionalText.refine((u) => u === undefined || /^https?:\/\/[^\s]+$/.test(u), { message: 'must be an http(s) URL' }),
    CLOCK_START: optionalText.refine((s) => s === undefined || (ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s))), {
      message: 'must be an ISO-8601 instant, e.g. 2026-12-01T08:00:00+01:00',
    }),
  })
  .superRefine((env, ctx) => {
    const nodeEnv = env.NODE_ENV?.toLowerCase();
    const production = nodeEnv === 'production';
    if (production && env.CLOCK_START) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CLOCK_START'], message: 'is for demos and tests; it is refused when NODE_ENV=production' });
    }
    if (production && env.BOT_OPENID_METADATA_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['BOT_OPENID_METADATA_URL'], message: 'is for tests; it is refused when NODE_ENV=production' });
    }
    if (env.BOT_OPENID_METADATA_URL && !env.BOT_ID) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['BOT_OPENID_METADATA_URL'], message: 'needs BOT_ID (without it no token is checked)' });
    }
    // Credentials without BOT_ID (its name misspelt, or left out) would mean anonymous mode: no token checked.
    const stray = (['BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE'] as const).filter((key) => env[key] !== undefined);
    if (!env.BOT_ID && stray.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['BOT_ID'],
        message: `is not set, but ${stray.join(' and ')} ${stray.length === 1 ? 'is' : 'are'} set: without BOT_ID the bot runs in anonymous mode and checks no token; set BOT_ID, or unset the credentials for local use`,
      });
    }
    // Anonymous mode only by intent: a misspelt or unusual NODE_ENV is not "local".
    if (!env.BOT_ID && nodeEnv !== undefined && !ANONYMOUS_NODE_ENVS.includes(nodeEnv)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['BOT_ID'],
        message: `is required unless NODE_ENV is unset, development or test (NODE_ENV is "${env.NODE_ENV}"; anonymous mode is only for local use)`,
      });
    }
    if (env.BOT_ID) {
      const type = env.BOT_TYPE ?? 'SingleTenant';
      if (type !== 'UserAssignedMsi' && !env.BOT_PASSWORD) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['BOT_PASSWORD'], message: `is required with BOT_ID when BOT_TYPE is ${type}` });
      }
      if (type !== 'MultiTenant' && !env.BOT_TENANT_ID) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['BOT_TENANT_ID'], message: `is required with BOT_ID when BOT_TYPE is ${type}` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(describeIssues('The environment', parsed.error.issues));
  return parsed.data;
}
