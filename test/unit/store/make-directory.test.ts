import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../../src/store/make-directory.js';

const base = mkdtempSync(join(tmpdir(), 'bb-make-directory-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('makeDirectory (DATA_DIR)', () => {
  it('makes the missing directories with the mode asked, and leaves one that exists', () => {
    const dir = join(base, 'a', 'b', 'c');
    makeDirectory(dir, 0o700);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(join(base, 'a')).mode & 0o777).toBe(0o700);
    makeDirectory(dir, 0o700);
    makeDirectory(base, 0o700);
  });

  it('refuses a file in its place, or under it, as the file system says', () => {
    const file = join(base, 'file');
    writeFileSync(file, 'x');
    expect(() => makeDirectory(file, 0o700)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeDirectory(join(file, 'data'), 0o700)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('refuses a dangling link, in its place or above it (ENOENT)', () => {
    const link = join(base, 'dangling');
    symlinkSync(join(base, 'nowhere'), link);
    expect(() => makeDirectory(link, 0o700)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => makeDirectory(join(link, 'data'), 0o700)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(existsSync(join(base, 'nowhere'))).toBe(false);
  });

  it.runIf(existsSync('/proc/self'))('ends under /proc, where Node\'s recursive mkdir goes round in circles (ENOENT)', () => {
    expect(() => makeDirectory('/proc/x/data', 0o700)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
