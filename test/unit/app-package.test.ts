/**
 * The Teams app package (appPackage/): the manifest and its English localization
 * against the official schemas bundled in @microsoft/app-manifest (offline), the
 * icons' sizes and transparency from their PNG data, the command lists against
 * the commands the bot parses, and the zip written by scripts/package-app.mjs.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/features.js';

// ------------------------------------------------------------ fixtures ----

interface PackageResult {
  readonly zipPath: string;
  readonly envName: string;
  readonly schemaVersion: string;
  readonly demoValues: readonly string[];
  readonly entries: readonly string[];
}

interface PackageScript {
  main(argv: string[], options?: { root?: string; env?: Record<string, string | undefined>; log?: (line: string) => void }): Promise<PackageResult>;
  bundledSchemaFile(url: string): string | undefined;
  readSchema(file: string): object;
  readonly DEMO_VALUES: Readonly<Record<string, string>>;
}

interface Command {
  readonly title: string;
  readonly description: string;
}
interface CommandList {
  readonly scopes: readonly string[];
  readonly commands: readonly Command[];
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const APP = join(ROOT, 'appPackage');
const manifestText = readFileSync(join(APP, 'manifest.json'), 'utf8');
const enText = readFileSync(join(APP, 'en.json'), 'utf8');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEST_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '0d3c6a52-8f1e-4b7a-9c2d-5e6f7a8b9c0d',
  BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'bestyrtest.azurewebsites.net',
};

/** The JSON text with its ${{VAR}} placeholders filled from TEST_VALUES (an unknown one fails). */
function filled(text: string): Record<string, unknown> {
  return JSON.parse(
    text.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      const value = TEST_VALUES[name];
      if (value === undefined) throw new Error(`no test value for the placeholder ${name}`);
      return value;
    }),
  ) as Record<string, unknown>;
}

const manifest = filled(manifestText) as {
  $schema: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: { commandLists: CommandList[] }[];
};
const en = filled(enText) as Record<string, string>;

// The real path: node_modules may be a symbolic link (a git worktree's), and the script resolves it.
const schemaDir = realpathSync(join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams'));
const fetchSpy = vi.fn(() => {
  throw new Error('network blocked in this test: schemas must come from the bundled files');
});
let script: PackageScript;
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  temps.push(dir);
  return dir;
};

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  // A computed specifier: the script is plain JavaScript without type declarations.
  script = (await import(pathToFileURL(join(ROOT, 'scripts', 'package-app.mjs')).href)) as PackageScript;
});

afterAll(() => {
  vi.unstubAllGlobals();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

// ----------------------------------------------------------------- PNG ----

interface Png {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlace: number;
}

/** The IHDR fields of a PNG file. */
function pngHeader(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colorType: bytes[25]!, interlace: bytes[28]! };
}

/** Decodes an 8-bit RGBA non-interlaced PNG (as scripts/make-icons.mjs writes them) to its pixels. */
function decodeRgba(bytes: Buffer): Png & { readonly rgba: Uint8Array } {
  const header = pngHeader(bytes);
  expect({ bitDepth: header.bitDepth, colorType: header.colorType, interlace: header.interlace }).toEqual({ bitDepth: 8, colorType: 6, interlace: 0 });
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = header;
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else throw new Error(`PNG filter type ${filter} on row ${y}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { ...header, rgba };
}

const icon = (kind: 'color' | 'outline') => readFileSync(join(APP, manifest.icons[kind]));

// --------------------------------------------------------------- tests ----

describe('Teams app manifest (appPackage/manifest.json)', () => {
  it('is valid against the official 1.22 schema bundled in @microsoft/app-manifest, without the network', async () => {
    expect(manifest.manifestVersion).toBe('1.22');
    const file = script.bundledSchemaFile(manifest.$schema);
    expect(file, `no bundled schema for ${manifest.$schema}`).toBeDefined();
    expect(relative(schemaDir, file!)).toBe(join('v1.22', 'MicrosoftTeams.schema.json'));
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, script.readSchema(file!) as never);
    expect(errors).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('uses only the placeholders the toolkit fills (TEAMS_APP_ID, BOT_ID, BOT_DOMAIN), and the filled ids are GUIDs', () => {
    const names = [...`${manifestText}${enText}`.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']));
    for (const [name, value] of Object.entries(script.DEMO_VALUES)) {
      if (name !== 'BOT_DOMAIN') expect(value, name).toMatch(GUID);
    }
  });

  it('has an English localization valid against the bundled 1.22 localization schema', async () => {
    const file = script.bundledSchemaFile(en.$schema!);
    expect(file, `no bundled schema for ${en.$schema}`).toBeDefined();
    expect(relative(schemaDir, file!)).toBe(join('v1.22', 'MicrosoftTeams.Localization.schema.json'));
    const errors = await AppManifestUtils.validateAgainstSchema(en as never, script.readSchema(file!) as never);
    expect(errors).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('localizes only commands that exist in the manifest', () => {
    const lists = manifest.bots[0]!.commandLists;
    for (const key of Object.keys(en)) {
      const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
      if (!m) continue;
      expect(lists[Number(m[1])]?.commands[Number(m[2])], key).toBeDefined();
    }
  });
});

describe('icons', () => {
  it('are 192×192 (colour) and 32×32 (outline) pixels', () => {
    expect(pngHeader(icon('color'))).toMatchObject({ width: 192, height: 192 });
    expect(pngHeader(icon('outline'))).toMatchObject({ width: 32, height: 32 });
  });

  it('outline: white lines on fully transparent pixels, nothing else', () => {
    const { rgba } = decodeRgba(icon('outline'));
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!];
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else expect.fail(`outline pixel ${i / 4} is rgba(${r}, ${g}, ${b}, ${a}): neither transparent nor white`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
    expect(transparent + white).toBe(32 * 32);
  });

  it('colour: fully opaque', () => {
    const { rgba } = decodeRgba(icon('color'));
    const notOpaque = rgba.filter((_, i) => i % 4 === 3 && rgba[i] !== 255).length;
    expect(notOpaque).toBe(0);
  });
});

describe('bot command lists', () => {
  const lists = manifest.bots[0]!.commandLists;

  it('hold only commands the bot parses, at most 10 per list, without duplicates', () => {
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.commands.length, list.scopes.join()).toBeLessThanOrEqual(10);
      expect(new Set(list.commands.map((c) => c.title)).size).toBe(list.commands.length);
      for (const { title, description } of list.commands) {
        expect(parseCommand(title).name, `${list.scopes.join()}: "${title}"`).not.toMatch(/^(unknown|empty)$/);
        expect(description.trim(), title).not.toBe('');
      }
    }
  });

  it('English clients get English command words (every command localized), each the same command as the Danish title it replaces', () => {
    for (const [l, list] of lists.entries()) {
      for (const [i, { title }] of list.commands.entries()) {
        const english = en[`bots[0].commandLists[${l}].commands[${i}].title`];
        expect(english, `${list.scopes.join()}: "${title}"`).toBeDefined();
        expect(english, title).not.toBe(title);
        expect(parseCommand(english!).name, english).toBe(parseCommand(title).name);
      }
    }
  });

  it('offer no channel-only command in the personal (1:1) scope', () => {
    for (const list of lists.filter((l) => l.scopes.includes('personal'))) {
      for (const { title } of list.commands) expect(parseCommand(title).name, title).not.toBe('bind');
    }
  });
});

describe('scripts/package-app.mjs', () => {
  const quiet = () => undefined;

  /** A copy of appPackage/ in a fresh project folder, with env/.env.<name> holding `envFile`. */
  function project(envName: string, envFile: string): string {
    const root = tempDir();
    cpSync(APP, join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${join('appPackage', 'build')}`) });
    mkdirSync(join(root, 'env'));
    writeFileSync(join(root, 'env', `.env.${envName}`), envFile);
    return root;
  }

  it('with --allow-placeholders builds appPackage.demo.zip (never the appPackage.dev.zip to upload) with the manifest, en.json and both icons at its root', async () => {
    const out = tempDir();
    const result = await script.main(['--allow-placeholders', '--out', out], { env: {}, log: quiet });
    expect(result.zipPath).toBe(join(out, 'appPackage.demo.zip'));
    expect(result.schemaVersion).toBe('v1.22');
    expect(existsSync(result.zipPath)).toBe(true);

    const zip = new AdmZip(result.zipPath);
    const names = zip.getEntries().map((e) => e.entryName);
    expect(names.sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const zipped = JSON.parse(zip.readAsText('manifest.json')) as { id: string; bots: { botId: string }[]; validDomains: string[] };
    expect(zip.readAsText('manifest.json')).not.toContain('${{');
    expect(zipped.id).toMatch(GUID);
    expect(zipped.bots[0]!.botId).toMatch(GUID);
    expect(zipped.validDomains).toHaveLength(1);
    expect(zip.readFile('color.png')).toEqual(icon('color'));
    expect(zip.readFile('outline.png')).toEqual(icon('outline'));
    expect(JSON.parse(zip.readAsText('en.json'))).toEqual(en);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fills the placeholders from env/.env.<TEAMSFX_ENV> and the environment, which wins', async () => {
    const root = project(
      'test',
      [
        '# a comment',
        'TEAMSFX_ENV=test',
        `TEAMS_APP_ID=${TEST_VALUES.TEAMS_APP_ID}`,
        'BOT_ID=',
        `BOT_DOMAIN="from-file.example.dk" # inline comment`,
      ].join('\n'),
    );
    const out = tempDir();
    const result = await script.main(['--out', out], {
      root,
      env: { TEAMSFX_ENV: 'test', BOT_ID: TEST_VALUES.BOT_ID, BOT_DOMAIN: TEST_VALUES.BOT_DOMAIN },
      log: quiet,
    });
    expect(result.zipPath).toBe(join(out, 'appPackage.test.zip'));
    expect(result.demoValues).toEqual([]);
    const zipped = JSON.parse(new AdmZip(result.zipPath).readAsText('manifest.json')) as { id: string; bots: { botId: string }[]; validDomains: string[] };
    expect(zipped.id).toBe(TEST_VALUES.TEAMS_APP_ID);
    expect(zipped.bots[0]!.botId).toBe(TEST_VALUES.BOT_ID);
    expect(zipped.validDomains).toEqual([TEST_VALUES.BOT_DOMAIN]);
  });

  it('without --allow-placeholders, names every missing variable', async () => {
    const root = project('dev', 'TEAMSFX_ENV=dev\nTEAMS_APP_ID=\nBOT_ID=\nBOT_DOMAIN=\n');
    const run = script.main(['--out', tempDir()], { root, env: {}, log: quiet });
    await expect(run).rejects.toThrow(/TEAMS_APP_ID[\s\S]*BOT_ID[\s\S]*BOT_DOMAIN/);
    await expect(script.main(['--out', tempDir()], { root, env: { APP_PACKAGE_DEMO: '1' }, log: quiet })).resolves.toMatchObject({
      demoValues: ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'],
    });
  });

  it('refuses a manifest the schema rejects, and a wrongly sized icon', async () => {
    const root = project('dev', '');
    const broken = JSON.parse(manifestText) as { developer: Record<string, string> };
    delete broken.developer.privacyUrl;
    writeFileSync(join(root, 'appPackage', 'manifest.json'), JSON.stringify(broken));
    writeFileSync(join(root, 'appPackage', 'outline.png'), icon('color'));
    const run = script.main(['--allow-placeholders', '--out', tempDir()], { root, env: {}, log: quiet });
    await expect(run).rejects.toThrow(/privacyUrl[\s\S]*outline icon outline\.png is 192×192; Teams needs 32×32/);
  });
});
