/**
 * Signed links to the bot's files (PRODUCT §1.7: "links to files are signed and expire"):
 * `<publicUrl><path>?exp=<unix seconds>&sig=<HMAC-SHA256 of path and exp, base64url>`.
 * The key is the store's (shared by every instance, kept over restarts); a link lives
 * its board's `linkTtlDays` from when it was made, by the bot's clock, or from a later moment
 * the caller names (a calendar invitation's agenda link: from its meeting).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/kernel/clock.js';

export const LINK_KEY_SECRET = 'file-links';

/** Where the bot serves a version of a board's minutes as Markdown (the board is in the signed path: R19). */
export const minutesPath = (boardId: string, minutesId: string) => `/minutes/${boardId}/${minutesId}.md`;
/** Where the bot serves a version of a board's minutes as a Word document. */
export const minutesWordPath = (boardId: string, minutesId: string) => `/minutes/${boardId}/${minutesId}.docx`;
/** Where the bot serves a board's meeting's agenda as Markdown (for an agenda too long for a card). */
export const agendaPath = (boardId: string, meetingId: string) => `/agenda/${boardId}/${meetingId}.md`;
/** Where the bot serves a board's meeting's calendar invitation. */
export const meetingCalendarPath = (boardId: string, meetingId: string) => `/calendar/${boardId}/${meetingId}.ics`;
/** Where the bot serves one calendar file with all the meetings a board's confirmed date poll created. */
export const datesCalendarPath = (boardId: string, pollId: string) => `/calendar/${boardId}/dates-${pollId}.ics`;

export interface FileLinks {
  /**
   * A signed link to `path` (e.g. `/minutes/<board>/<id>.md`), valid for `ttlDays` (the board's
   * linkTtlDays) from now, or from `from` when that is later.
   */
  url(path: string, ttlDays: number, from?: Date): string;
  /** Whether a request for `path` carries a signature made for it with our key that has not expired. */
  verify(path: string, query: Readonly<Record<string, unknown>>): boolean;
}

export interface FileLinkOptions {
  readonly publicUrl: string;
  /** The HMAC key (32 random bytes, base64, from the store). */
  readonly key: string;
  readonly clock: Clock;
}

const DAY_S = 86_400;

export function fileLinks(options: FileLinkOptions): FileLinks {
  const base = options.publicUrl.replace(/\/+$/, '');
  const key = Buffer.from(options.key, 'base64');
  const sign = (path: string, exp: number) => createHmac('sha256', key).update(`${path}\n${exp}`).digest();
  return {
    url(path, ttlDays, from) {
      const start = Math.max(options.clock().getTime(), from?.getTime() ?? 0);
      const exp = Math.floor(start / 1000) + Math.round(ttlDays * DAY_S);
      return `${base}${path}?exp=${exp}&sig=${sign(path, exp).toString('base64url')}`;
    },
    verify(path, query) {
      const { exp, sig } = query;
      if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string' || !/^[\w-]{43}$/.test(sig)) return false;
      const expected = sign(path, Number(exp));
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      return Number(exp) * 1000 > options.clock().getTime();
    },
  };
}
