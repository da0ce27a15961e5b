/**
 * `mkdir -p` that always ends. Node's own (`mkdirSync(dir, { recursive: true })`) goes round in
 * circles where a parent exists but cannot hold a child: under /proc (`mkdir /proc/x`: ENOENT,
 * `mkdir /proc`: EEXIST, and again), and the start hung without a word. Here each missing
 * directory is made once, from the deepest one that exists; what the file system says then
 * (ENOENT, ENOTDIR, EACCES, EROFS, …) is thrown as it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirectory(dir: string, mode: number): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      statSync(at);
      break; // exists (a file in its place: the mkdir below, or the caller's open, says ENOTDIR or EEXIST)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  if (missing.length === 0 && !statSync(resolve(dir)).isDirectory()) {
    throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST', syscall: 'mkdir', path: dir });
  }
  for (const path of missing) {
    try {
      mkdirSync(path, { mode });
    } catch (error) {
      // Made meanwhile (another start, at the same moment) is as good; a dangling link in its place is not.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
    }
  }
}
