import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { Board, Person } from '../domain/kernel/board.js';
import { boardFileSchema, type BoardFile } from './board-schema.js';
import { ConfigError, describeIssues } from './issues.js';

/** A board's id: its file's name without the extension (`config/demo.yaml` → `demo`). */
export function boardIdOf(path: string): string {
  return basename(path, extname(path));
}

export function boardFromFile(file: BoardFile, id: string): Board {
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
    ...(file.board.tenantId ? { tenantId: file.board.tenantId.toLowerCase() } : {}),
    ...(file.board.channelId ? { channelId: file.board.channelId } : {}),
    policies: file.policies,
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
  const parsed = boardFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(source, parsed.error.issues));
  return boardFromFile(parsed.data, id);
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
