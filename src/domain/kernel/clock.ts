/** The clock is a parameter everywhere: the domain never reads the wall clock itself (the shell's is in src/clock.ts). */
export type Clock = () => Date;
