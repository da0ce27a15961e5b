#!/usr/bin/env node
// npm run package — builds the Teams app package offline.
//
//   node scripts/package-app.mjs [--env <name>] [--allow-placeholders] [--out <dir>]
//
// 1. Reads appPackage/manifest.json and its localization files (en.json) and
//    fills every ${{VAR}} placeholder from the process environment or from
//    env/.env.<env> and env/.env.<env>.user (dotenv syntax; a non-empty value in
//    the process environment wins, empty values count as missing). <env> is
//    --env, else TEAMSFX_ENV, else "dev". A missing variable is an error that
//    names it — unless --allow-placeholders (or APP_PACKAGE_DEMO=1) is given:
//    then TEAMS_APP_ID, BOT_ID and BOT_DOMAIN fall back to fixed demo values
//    (two made-up GUIDs and localhost), so a try-out package can be built
//    before provisioning. Such a package cannot be uploaded to a real tenant.
// 2. Validates the filled manifest and localization files against the official
//    Teams JSON schemas bundled in @microsoft/app-manifest (the version named
//    by their $schema). Never downloads a schema: a schema that is not bundled
//    is an error.
// 3. Checks the icons from their PNG headers: color 192×192, outline 32×32
//    with an alpha channel.
// 4. Writes appPackage/build/appPackage.<env>.zip (the path m365agents.yml's
//    teamsApp/zipAppPackage uses; --out <dir> writes it elsewhere) with the
//    manifest, the localization files and the icons at the zip root, and
//    prints its path.
//
// `main(argv, options)` is exported for tests (options: root, env, log).

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Fixed values for --allow-placeholders: made-up GUIDs, and the bot on this machine. */
export const DEMO_VALUES = Object.freeze({
  TEAMS_APP_ID: '3f6b8a4e-1c2d-4e5f-9a7b-0d1e2f3a4b5c',
  BOT_ID: '7c9d0e1f-2a3b-4c5d-8e6f-a0b1c2d3e4f5',
  BOT_DOMAIN: 'localhost',
});

export const ICON_SIZES = Object.freeze({ color: 192, outline: 32 });

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class PackageError extends Error {
  /** @param {string} message @param {string[]} [problems] */
  constructor(message, problems = []) {
    super(problems.length ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

// ----------------------------------------------------------- env files ----

/** Parses a dotenv-style file: KEY=value, `export KEY=value`, # comments, '…' and "…" quoting. */
export function parseDotenv(text) {
  const out = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\t/g, '\t');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]] = value;
  }
  return out;
}

/** The variables of environment `envName`: env/.env.<name>, then .user, then non-empty process values. */
function loadVariables(root, envName, processEnv) {
  const files = [join(root, 'env', `.env.${envName}`), join(root, 'env', `.env.${envName}.user`)];
  const vars = {};
  const read = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    read.push(file);
    for (const [k, v] of Object.entries(parseDotenv(readFileSync(file, 'utf8')))) if (v !== '') vars[k] = v;
  }
  for (const [k, v] of Object.entries(processEnv)) if (typeof v === 'string' && v !== '') vars[k] = v;
  return { vars, read };
}

/** Names of the ${{VAR}} placeholders in `text`, in order of first use. */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Replaces the placeholders in JSON text; values are JSON-string-escaped. */
function fill(text, values) {
  return text.replace(PLACEHOLDER, (_, name) => JSON.stringify(values[name]).slice(1, -1));
}

// -------------------------------------------------------------- schemas ----

/** The bundled schemas of @microsoft/app-manifest (…/build/json-schemas). */
export const BUNDLED_SCHEMA_DIR = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas');

/**
 * The bundled file for an official schema URL
 * (https://developer.microsoft.com/[locale/]json-schemas/teams/v1.22/MicrosoftTeams.schema.json),
 * or undefined if the URL is not one or that version is not bundled.
 */
export function bundledSchemaFile(url) {
  const m = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/(teams\/v[\w.]+\/[\w.]+\.json)$/i.exec(url ?? '');
  if (!m) return undefined;
  const file = join(BUNDLED_SCHEMA_DIR, ...m[1].split('/'));
  return existsSync(file) ? file : undefined;
}

/**
 * Reads a bundled schema. Two clean-ups make the official files compile with
 * ajv's unicode regular expressions (the same as the library's own for `\a`
 * and `\v`, plus the localization schema's `\b]`, an unescaped `]` that only
 * non-unicode JavaScript regexes accept).
 */
export function readSchema(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(text);
}

/** Validates a JSON document against the bundled schema its $schema names. Offline only. */
export async function validateAgainstBundledSchema(doc, label) {
  const file = bundledSchemaFile(doc.$schema);
  if (!file) {
    throw new PackageError(
      `${label}: $schema ${JSON.stringify(doc.$schema)} is not an official Teams schema bundled in @microsoft/app-manifest ` +
        `(bundled versions: ${bundledTeamsVersions().join(', ')}).`,
    );
  }
  const errors = await AppManifestUtils.validateAgainstSchema(doc, readSchema(file));
  return { file, errors: errors.map((e) => `${label}: ${e.trim()}`) };
}

export function bundledTeamsVersions() {
  const dir = join(BUNDLED_SCHEMA_DIR, 'teams');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((v) => /^v\d/.test(v))
        .sort((a, b) => a.slice(1).localeCompare(b.slice(1), 'en', { numeric: true }))
    : [];
}

// ---------------------------------------------------------------- icons ----

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth, colour type and interlace from a PNG's IHDR chunk. */
export function readPngHeader(bytes) {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR as its first chunk');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colorType: bytes[25],
    interlace: bytes[28],
  };
}

/** Problems with an icon (empty when fine): its size, and an alpha channel for the outline. */
export function iconProblems(kind, file, bytes) {
  const size = ICON_SIZES[kind];
  let header;
  try {
    header = readPngHeader(bytes);
  } catch (err) {
    return [`${kind} icon ${file}: ${err.message}`];
  }
  const problems = [];
  if (header.width !== size || header.height !== size) {
    problems.push(`${kind} icon ${file} is ${header.width}×${header.height}; Teams needs ${size}×${size}`);
  }
  // Colour types 4 (grey + alpha) and 6 (RGBA) carry alpha; 3 may via tRNS.
  if (kind === 'outline' && ![3, 4, 6].includes(header.colorType)) {
    problems.push(`outline icon ${file} has no alpha channel (PNG colour type ${header.colorType}); it must be transparent outside its white lines`);
  }
  return problems;
}

// ----------------------------------------------------------- manifests ----

/** A file named by the manifest, relative to appPackage/ and inside it. */
function packageFile(appDir, name, what, problems) {
  if (typeof name !== 'string' || !name || isAbsolute(name) || relative(appDir, join(appDir, name)).startsWith('..')) {
    problems.push(`${what}: ${JSON.stringify(name)} is not a file name inside appPackage/`);
    return undefined;
  }
  const file = join(appDir, name);
  if (!existsSync(file)) {
    problems.push(`${what}: ${name} does not exist in appPackage/`);
    return undefined;
  }
  return file;
}

/** Whether a localization key (`name.short`, `bots[0].commandLists[1].commands[2].title`) names a string of the manifest. */
function resolvesIn(manifest, key) {
  let node = manifest;
  for (const part of key.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return false;
    node = node?.[m[1]];
    for (const index of m[2].match(/\d+/g) ?? []) node = Array.isArray(node) ? node[Number(index)] : undefined;
  }
  return typeof node === 'string';
}

// ------------------------------------------------------------------ main ----

function parseArgs(argv) {
  const args = { allowPlaceholders: false, env: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--allow-placeholders') args.allowPlaceholders = true;
    else if (arg === '--env' || arg === '--out') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new PackageError(`${arg} needs a value`);
      args[arg.slice(2)] = value;
    } else if (arg.startsWith('--env=')) args.env = arg.slice(6);
    else if (arg.startsWith('--out=')) args.out = arg.slice(6);
    else if (arg === '--help' || arg === '-h') args.help = true;
    else throw new PackageError(`unknown argument ${arg} (usage: node scripts/package-app.mjs [--env <name>] [--allow-placeholders] [--out <dir>])`);
  }
  return args;
}

/**
 * Builds the app package and returns where it went.
 * @param {string[]} argv  command-line arguments
 * @param {{ root?: string, env?: Record<string, string | undefined>, log?: (line: string) => void }} [options]
 *   root: the project folder (default: this repository); env: the process
 *   environment to read (default process.env); log: where to print.
 * @returns {Promise<{ zipPath: string, envName: string, schemaVersion: string, demoValues: string[], entries: string[] }>}
 */
export async function main(argv = process.argv.slice(2), options = {}) {
  const root = resolve(options.root ?? ROOT);
  const processEnv = options.env ?? process.env;
  const log = options.log ?? ((line) => console.log(line));
  const args = parseArgs(argv);
  if (args.help) {
    log('usage: node scripts/package-app.mjs [--env <name>] [--allow-placeholders] [--out <dir>]');
    return undefined;
  }
  const demo = args.allowPlaceholders || processEnv.APP_PACKAGE_DEMO === '1';
  const envName = args.env ?? (processEnv.TEAMSFX_ENV || 'dev');
  if (!/^[\w-]+$/.test(envName)) throw new PackageError(`environment name ${JSON.stringify(envName)} may only hold letters, digits, - and _`);
  const appDir = join(root, 'appPackage');

  // 1. The manifest and its localization files, placeholders filled.
  const manifestFile = join(appDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new PackageError(`${manifestFile} does not exist`);
  const manifestText = readFileSync(manifestFile, 'utf8');
  let rawManifest;
  try {
    rawManifest = JSON.parse(manifestText);
  } catch (err) {
    throw new PackageError(`appPackage/manifest.json is not valid JSON: ${err.message}`);
  }
  const problems = [];
  const languages = rawManifest.localizationInfo?.additionalLanguages ?? [];
  const localizations = [];
  for (const lang of languages) {
    const file = packageFile(appDir, lang.file, `localization file for ${lang.languageTag}`, problems);
    if (file) localizations.push({ name: lang.file, tag: lang.languageTag, text: readFileSync(file, 'utf8') });
  }
  if (problems.length) throw new PackageError('The app package is not valid:', problems);

  const needed = placeholdersIn([manifestText, ...localizations.map((l) => l.text)].join('\n'));
  const { vars, read } = loadVariables(root, envName, processEnv);
  const values = {};
  const missing = [];
  const demoValues = [];
  for (const name of needed) {
    if (vars[name] !== undefined) values[name] = vars[name];
    else if (demo && DEMO_VALUES[name] !== undefined) {
      values[name] = DEMO_VALUES[name];
      demoValues.push(name);
    } else missing.push(name);
  }
  if (missing.length) {
    const where = read.length ? read.map((f) => relative(root, f)).join(' or ') : `env/.env.${envName} (which does not exist)`;
    const demoHint = demo
      ? ''
      : ' — or pass --allow-placeholders (APP_PACKAGE_DEMO=1) for a try-out package with demo ids and localhost';
    throw new PackageError(
      `Missing value${missing.length > 1 ? 's' : ''} for the app package (environment "${envName}"): set ${missing.length > 1 ? 'them' : 'it'} in the environment or in ${where}${demoHint}.`,
      missing.map((name) => `${name} is not set${demo ? ' (no demo value for it)' : ''}`),
    );
  }

  const manifest = JSON.parse(fill(manifestText, values));
  const localized = localizations.map((l) => ({ ...l, json: JSON.parse(fill(l.text, values)) }));

  // 2. Schema validation against the bundled official schemas.
  const schemaVersion = /\/teams\/(v[\w.]+)\//.exec(manifest.$schema ?? '')?.[1];
  if (schemaVersion && schemaVersion !== `v${manifest.manifestVersion}`) {
    problems.push(`manifest.json: $schema is ${schemaVersion} but manifestVersion is ${manifest.manifestVersion}`);
  }
  problems.push(...(await validateAgainstBundledSchema(manifest, 'manifest.json')).errors);
  for (const l of localized) {
    const { errors } = await validateAgainstBundledSchema(l.json, l.name);
    problems.push(...errors);
    const version = /\/teams\/(v[\w.]+)\//.exec(l.json.$schema ?? '')?.[1];
    if (version && schemaVersion && version !== schemaVersion) problems.push(`${l.name}: $schema is ${version} but the manifest's is ${schemaVersion}`);
    for (const key of Object.keys(l.json)) {
      if (key === '$schema') continue;
      if (!resolvesIn(manifest, key)) problems.push(`${l.name}: "${key}" names no text in manifest.json`);
    }
  }

  // 3. Icons.
  const icons = [];
  for (const kind of ['color', 'outline']) {
    const name = manifest.icons?.[kind];
    const file = packageFile(appDir, name, `icons.${kind}`, problems);
    if (!file) continue;
    const bytes = readFileSync(file);
    problems.push(...iconProblems(kind, name, bytes));
    icons.push({ name, bytes });
  }
  if (problems.length) throw new PackageError('The app package is not valid:', problems);

  // 4. The zip, everything at its root (as teamsApp/zipAppPackage does).
  const outDir = resolve(args.out ?? join(appDir, 'build'));
  mkdirSync(outDir, { recursive: true });
  // A package with demo values is never mistaken for the one to upload (appPackage.<env>.zip).
  const zipPath = join(outDir, demo ? 'appPackage.demo.zip' : `appPackage.${envName}.zip`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const l of localized) zip.addFile(l.name, Buffer.from(`${JSON.stringify(l.json, null, 2)}\n`, 'utf8'));
  for (const icon of icons) zip.addFile(icon.name, icon.bytes);
  zip.writeZip(zipPath);

  const entries = zip.getEntries().map((e) => e.entryName);
  if (demoValues.length) {
    log(`Demo values for ${demoValues.join(', ')}: a try-out package, not for upload to a real tenant.`);
  }
  log(`Validated against the bundled Teams schema ${schemaVersion}; icons ${ICON_SIZES.color}×${ICON_SIZES.color} and ${ICON_SIZES.outline}×${ICON_SIZES.outline}.`);
  log(zipPath);
  return { zipPath, envName, schemaVersion, demoValues, entries };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((err) => {
    process.stderr.write(`package-app: ${err instanceof PackageError ? err.message : err?.stack ?? err}\n`);
    process.exit(1);
  });
}
