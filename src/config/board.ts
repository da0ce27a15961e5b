import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { Board, Person } from '../domain/kernel/board.js';
import { boardFileSchema, boardIdSchema, type BoardFile } from './board-schema.js';
import type { Env } from './env.js';
import { ConfigError, describeIssues } from './issues.js';

/** A board's id: its file's name without the extension (`config/demo.yaml` → `demo`). */
export function boardIdOf(path: string): string {
  return basename(path, extname(path));
}

export function boardFromFile(file: BoardFile, fileId: string): Board {
  const id = file.board.id ?? fileId;
  const people: Person[] = file.people.map((p) => ({
    id: (p.aadObjectId ?? p.email!).toLowerCase(),
    name: p.name,
    ...(p.aadObjectId ? { aadObjectId: p.aadObjectId.toLowerCase() } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.organisation ? { organisationId: p.organisation } : {}),
    roles: [...new Set(p.roles)],
  }));
  return {
    id,
    name: file.board.name,
    locale: file.board.locale,
    timezone: file.board.timezone,
    country: file.board.country,
    ...(file.board.tenantId ? { tenantId: file.board.tenantId.toLowerCase() } : {}),
    ...(file.board.channelId ? { channelId: file.board.channelId } : {}),
    policies: {
      ...file.policies,
      ...(file.policies.chairFrom ? { chairFrom: [...file.policies.chairFrom] } : {}),
    },
    ...(file.standingItems ? { standingItems: file.standingItems } : {}),
    organisations: file.organisations,
    people,
  };
}

/** Parses and validates board YAML; throws ConfigError naming the file and each bad field. */
export function parseBoardYaml(text: string, source: string, id: string = boardIdOf(source)): Board {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line})` : '';
    throw new ConfigError(`${source} is not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`);
  }
  // An empty file, or one of comments only (a placeholder someone meant to fill in), parses as null.
  if (raw === null || raw === undefined) throw new ConfigError(`${source}: the board file is empty; it needs board, organisations and people (README, "The board file")`);
  const parsed = boardFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(source, parsed.error.issues));
  if (parsed.data.board.id === undefined && !boardIdSchema.safeParse(id).success) {
    throw new ConfigError(`${source}: board.id: the file's name gives the board id "${id}", which is not lowercase letters, digits and "-"; set board.id`);
  }
  return boardFromFile(parsed.data, id);
}

export function loadBoardFile(path: string): Board {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the board file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let text: string;
  try {
    // Bytes that are not UTF-8 (a file saved as Windows "ANSI") would show as "F�llesorganisationen" in every post.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${path}: the board file is not UTF-8 text (saved as ANSI or Latin-1?); save it as UTF-8 so that the Danish letters come through`);
  }
  return parseBoardYaml(text, path);
}

/** A board file in a directory: `.yaml` or `.yml` in any case (Windows may save `bestyrelse.YAML`; left out, the board was silently not served). */
const BOARD_FILE = /\.ya?ml$/i;

/**
 * The boards BOARD_CONFIG names (R19): one board file, or a directory whose every
 * `*.yaml` (or `*.yml`, in any case: `A.YAML` too) is one board (in the order of their names); a hidden file (`.x.yaml`:
 * an editor's copy, a system's metadata) is not one. Ids are unique, and so is a channel named
 * in `board.channelId`; a bad file, or a directory with no board, stops the start naming the
 * file and field. `skipped` is told of each other entry of the directory (`board.json`,
 * `board.yaml.bak`, a subdirectory, named with a trailing "/"), hidden ones aside: main logs them,
 * so that a board written under the wrong name is not left out unseen.
 */
export function loadBoards(path: string, skipped?: (file: string) => void): Board[] {
  let directory: boolean;
  try {
    directory = statSync(path).isDirectory();
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the board file or directory (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!directory) return [loadBoardFile(path)];
  const entries = readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const others = entries.filter((entry) => !BOARD_FILE.test(entry.name)).map((entry) => `${entry.name}${entry.isDirectory() ? '/' : ''}`);
  const files = entries.filter((entry) => BOARD_FILE.test(entry.name)).map((entry) => join(path, entry.name));
  if (files.length === 0) {
    throw new ConfigError(`${path}: the directory holds no board file (*.yaml or *.yml)${others.length ? `; not board files: ${others.join(', ')}` : ''}`);
  }
  for (const other of others) skipped?.(join(path, other));
  const boards: Board[] = [];
  const fileOf = new Map<string, string>();
  const channelOf = new Map<string, string>();
  for (const file of files) {
    const board = loadBoardFile(file);
    const clash = fileOf.get(board.id);
    if (clash) throw new ConfigError(`${file}: board.id "${board.id}" is the id of ${clash} too; each board needs its own id`);
    fileOf.set(board.id, file);
    if (board.channelId) {
      const taken = channelOf.get(board.channelId);
      if (taken) throw new ConfigError(`${file}: board.channelId is the channel of ${taken} too; a channel belongs to one board`);
      channelOf.set(board.channelId, file);
    }
    boards.push(board);
  }
  return boards;
}

/** An e-mail at a domain kept for examples (example.com, example.dk, *.example …): nobody signs in with it. */
const EXAMPLE_DOMAIN = /@([^@]+\.)?example(\.[a-z]+)?$/i;

/**
 * The people the bot can never recognise: given only by an e-mail at an example domain, with no
 * aadObjectId (a board file's placeholders not filled in, as config/slagelse.yaml ships).
 */
export function placeholderPeople(board: Board): Person[] {
  return board.people.filter((p) => !p.aadObjectId && p.email !== undefined && EXAMPLE_DOMAIN.test(p.email));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * R19: every board's tenant settled at start, so that only its own tenant's users can act on it.
 * A single-tenant bot (BOT_TYPE SingleTenant, the default, or UserAssignedMsi) is reached from its
 * own tenant only (docs/deploy.md, step 1): a board without tenantId is of BOT_TENANT_ID, and a
 * board naming another tenant could never be served (every activity from it would be refused). A
 * multi-tenant bot is reached from any tenant: a board without tenantId would let any tenant's users
 * act on it. Both stop the start in one line naming the board and the key; so does a board without
 * tenantId when BOT_TENANT_ID is a domain, not the tenant's id (the tenant cannot be taken from it).
 * Local anonymous mode (no BOT_ID: the playground, tests, the demo) serves the files as they are.
 */
export function settleBoardTenants(env: Partial<Pick<Env, 'BOT_ID' | 'BOT_TENANT_ID' | 'BOT_TYPE'>>, boards: readonly Board[]): Board[] {
  if (!env.BOT_ID) return [...boards];
  if (env.BOT_TYPE === 'MultiTenant') {
    const open = boards.find((board) => board.tenantId === undefined);
    if (open) {
      throw new ConfigError(
        `board "${open.id}": board.tenantId is not set; a multi-tenant bot (BOT_TYPE MultiTenant) is reached from any tenant, so any tenant's users could act on this board; give the board file the tenant id of the board's Microsoft 365 tenant (board.tenantId), and nothing was started`,
      );
    }
    return [...boards];
  }
  const given = env.BOT_TENANT_ID?.toLowerCase();
  const tenant = given !== undefined && GUID.test(given) ? given : undefined;
  return boards.map((board) => {
    if (board.tenantId === undefined) {
      if (tenant !== undefined) return { ...board, tenantId: tenant };
      throw new ConfigError(
        `board "${board.id}": board.tenantId is not set, and BOT_TENANT_ID ${env.BOT_TENANT_ID ?? '(not set)'} is not a tenant id (a GUID) the board's tenant could be taken from; give the board file the tenant id of the board's Microsoft 365 tenant (board.tenantId), or BOT_TENANT_ID as the tenant's id, and nothing was started`,
      );
    }
    if (tenant !== undefined && board.tenantId !== tenant) {
      throw new ConfigError(
        `board "${board.id}": board.tenantId ${board.tenantId} is not the bot's tenant (BOT_TENANT_ID ${tenant}): a single-tenant bot (BOT_TYPE ${env.BOT_TYPE ?? 'SingleTenant'}) is reached only from its own tenant, so this board could never be served; give the board file the tenant of the bot's Entra app or identity (the board's Microsoft 365 tenant), or leave tenantId out`,
      );
    }
    return board;
  });
}
