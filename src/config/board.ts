import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import type { Board, Person } from '../domain/board.js';
import { boardFileSchema, type BoardFile } from './board-schema.js';
import { ConfigError, describeIssues } from './issues.js';

export function boardFromFile(file: BoardFile): Board {
  const people: Person[] = file.people.map((p) => ({
    id: (p.aadObjectId ?? p.email!).toLowerCase(),
    name: p.name,
    ...(p.aadObjectId ? { aadObjectId: p.aadObjectId.toLowerCase() } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.organisation ? { organisationId: p.organisation } : {}),
    roles: [...new Set(p.roles)],
  }));
  return {
    name: file.board.name,
    locale: file.board.locale,
    timezone: file.board.timezone,
    ...(file.board.tenantId ? { tenantId: file.board.tenantId.toLowerCase() } : {}),
    ...(file.board.channelId ? { channelId: file.board.channelId } : {}),
    policies: file.policies,
    ...(file.standingItems ? { standingItems: file.standingItems } : {}),
    organisations: file.organisations,
    people,
  };
}

/** Parses and validates board YAML; throws ConfigError naming the file and each bad field. */
export function parseBoardYaml(text: string, source: string): Board {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line})` : '';
    throw new ConfigError(`${source} is not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = boardFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(source, parsed.error.issues));
  return boardFromFile(parsed.data);
}

export function loadBoardFile(path: string): Board {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot read the board file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseBoardYaml(text, path);
}
