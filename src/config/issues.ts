import type { ZodIssue } from 'zod';

/** `people[2].organisation` */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** One message that names the source, each field and what is wrong with it. */
export function describeIssues(source: string, issues: readonly ZodIssue[]): string {
  const lines = issues.map((issue) => `  ${formatPath(issue.path) || '(top level)'}: ${issue.message}`);
  return `${source} is not valid:\n${lines.join('\n')}`;
}
