/** The wall clock, read only here and handed to everything else as a `Clock` (src/domain/kernel/clock.ts). */
import type { Clock } from './domain/kernel/clock.js';

export type { Clock };

export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at `start` and runs on in real time (CLOCK_START, for demos and tests).
 * `realNow` is injectable so the offset arithmetic can be tested without waiting.
 */
export function offsetClock(start: Date, realNow: Clock = systemClock): Clock {
  const offset = start.getTime() - realNow().getTime();
  return () => new Date(realNow().getTime() + offset);
}
