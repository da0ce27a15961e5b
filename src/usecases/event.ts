/**
 * What happened, as the use cases tell it: one event per fact, named as the audit log
 * names it (`ballot.cast`, `motion.closed`), carrying the state its reactions need, so
 * that nothing after the use case reads again what it just read or wrote. The features'
 * event types are in their use-case files; events.ts is their union.
 */

export interface BoardEvent {
  readonly type: string;
  /** What the audit entry records besides who, what, when and about what. */
  readonly data?: unknown;
  /** Who the audit names when it is not the person who acted ('system' for a consequence of their act). */
  readonly actor?: 'system' | 'installation';
  /** Not recorded (a notice that changes nothing). */
  readonly unrecorded?: true;
}

/** Events of several types with the same fields, one member per type (so each can be picked by its type). */
export type EventsOf<T extends string, Fields> = T extends string ? { readonly type: T } & Fields : never;

/**
 * What an event is about, for the audit log: the aggregate it carries, by the first of
 * these it has. `motion:<id>`, `meeting:<id>`, `dates:<year>`, `channel:<id>`, …; else the
 * aggregate the event's type is named after (`task.done` with `task` → `task:<id>`).
 */
const SUBJECTS: readonly [string, (event: Record<string, unknown>) => string | undefined][] = [
  ['conclusion', (e) => (e.conclusion as { id?: string } | undefined)?.id],
  ['minutes', (e) => (e.minutes as { id?: string } | undefined)?.id],
  ['petition', (e) => (e.petition as { id?: string } | undefined)?.id],
  ['dates', (e) => (e.poll as { year?: number } | undefined)?.year?.toString() ?? (typeof e.year === 'number' ? String(e.year) : undefined)],
  ['motion', (e) => (e.motion as { id?: string } | undefined)?.id],
  ['meeting', (e) => (e.meeting as { id?: string } | undefined)?.id],
  ['channel', (e) => (typeof e.channelId === 'string' ? e.channelId : undefined)],
];

export function subjectOf(event: BoardEvent): string {
  const fields = event as unknown as Record<string, unknown>;
  for (const [kind, id] of SUBJECTS) {
    const found = id(fields);
    if (found !== undefined) return `${kind}:${found}`;
  }
  // Any other feature's event: the aggregate its type is named after (`task.done` carries `task`).
  const kind = event.type.split('.')[0]!;
  const own = (fields[kind] as { id?: unknown } | undefined)?.id;
  if (typeof own === 'string') return `${kind}:${own}`;
  throw new Error(`event ${event.type} names no subject`);
}
