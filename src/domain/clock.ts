/** The clock is a parameter everywhere: the domain never reads the wall clock itself. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at `start` and runs on in real time (CLOCK_START, for demos and tests).
 * `realNow` is injectable so the offset arithmetic can be tested without waiting.
 */
export function offsetClock(start: Date, realNow: Clock = systemClock): Clock {
  const offset = start.getTime() - realNow().getTime();
  return () => new Date(realNow().getTime() + offset);
}
