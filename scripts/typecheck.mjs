#!/usr/bin/env node
// The type check of `npm test` (scripts/test.mjs runs it): the whole project as `tsc -p
// tsconfig.json --noEmit` checks it, and then src/ with each removable feature taken out
// (issue 9: "removing its folder plus one registration line leaves a building bot").
//
//   node scripts/typecheck.mjs                     the project, then src/ without each
//                                                  feature of scripts/removable-features.json
//   node scripts/typecheck.mjs --without tasks     the project, then src/ without the tasks
//                                                  feature only
//
// Without a feature: its files (scripts/removable-features.json) are gone and its one line in
// src/features.ts is deleted, in a view of the tree this process holds (the files on disk are
// not touched). The program is src/ as the build compiles it, plus the declaration files the
// project had. It is checked by TypeScript's incremental builder from the project's result:
// files whose text and whose dependencies' declarations are unchanged keep that result, and the
// rest (src/features.ts and what depends on it, any file that imported a file now gone) are
// checked again by a new checker. This is how `tsc --incremental` checks a tree after files
// are deleted; done in this process it reuses the parsed files, and costs about half of
// checking a copy of src/ from the start (which this script replaced).
// TYPECHECK_DEBUG=1 prints how many files were checked again.
//
// Prints the errors as tsc does and exits 1 if there are any.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src') + sep;
const FEATURES_FILE = join(ROOT, 'src', 'features.ts');

/** The features that must come out cleanly, and their files (folders end in /), relative to the root. */
export function removableFeatures() {
  return JSON.parse(readFileSync(join(ROOT, 'scripts', 'removable-features.json'), 'utf8'));
}

/** A feature's one line in src/features.ts (docs/architecture.md, "Adding a feature"). */
export const registrationLine = (name) => `  (await import('./teams/${name}/index.js')).${name},`;

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

function allDiagnostics(builder) {
  return [
    ...builder.getConfigFileParsingDiagnostics(),
    ...builder.getOptionsDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getSemanticDiagnostics(),
  ];
}

/** The project as tsconfig.json gives it, checked (incrementally, as tsc does, with its .tsbuildinfo). */
function checkProject() {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  const host = ts.createIncrementalCompilerHost(parsed.options);
  const builder = ts.createIncrementalProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const diagnostics = allDiagnostics(builder);
  // With noEmit, this writes only the incremental state (dist/tsconfig.tsbuildinfo).
  builder.emit();
  return { parsed, host, builder, diagnostics };
}

/** The project without a feature: its files gone and its line deleted, checked from the project's result. */
function checkWithout(project, name, paths) {
  const { parsed, host, builder } = project;
  const gonePaths = paths.map((p) => resolve(ROOT, p));
  const isGone = (file) => gonePaths.some((p) => resolve(file) === p || resolve(file).startsWith(p + sep));
  const problems = [];

  const featuresText = host.readFile(FEATURES_FILE) ?? '';
  const line = registrationLine(name);
  const lines = featuresText.split('\n');
  if (!lines.includes(line)) problems.push(`src/features.ts has no line "${line.trim()}"`);
  const withoutText = lines.filter((l) => l !== line).join('\n');
  if (new RegExp(`\\b${name}\\b`).test(withoutText)) {
    problems.push(`src/features.ts still names ${name} after its line is deleted`);
  }

  const program = builder.getProgram();
  const viewHost = {
    ...host,
    fileExists: (f) => !isGone(f) && host.fileExists(f),
    directoryExists: (d) => !isGone(d) && (host.directoryExists?.(d) ?? true),
    readFile: (f) => (isGone(f) ? undefined : resolve(f) === FEATURES_FILE ? withoutText : host.readFile(f)),
    getSourceFile: (fileName, languageVersion, onError, shouldCreate) => {
      if (isGone(fileName)) return undefined;
      if (resolve(fileName) === FEATURES_FILE) {
        const file = ts.createSourceFile(fileName, withoutText, languageVersion);
        file.version = host.createHash ? host.createHash(withoutText) : `${withoutText.length}:${name}`;
        return file;
      }
      // Unchanged files: the project's parsed (and bound) file.
      return program.getSourceFile(fileName) ?? host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    },
  };
  // The roots: src/ as the build has it, and every declaration file the project had (libraries'
  // global declarations among them, as the project check had them too): a global declaration
  // that left the program would make the builder check every file again.
  const roots = [
    ...parsed.fileNames.filter((f) => resolve(f).startsWith(SRC) && !isGone(f)),
    ...program.getSourceFiles().filter((f) => f.isDeclarationFile && !isGone(f.fileName)).map((f) => f.fileName),
  ];
  const without = ts.createSemanticDiagnosticsBuilderProgram(roots, parsed.options, viewHost, builder);
  if (process.env.TYPECHECK_DEBUG) {
    let affected = 0;
    while (without.getSemanticDiagnosticsOfNextAffectedFile()) affected++;
    process.stderr.write(`without ${name}: ${affected} files checked again\n`);
  }
  const diagnostics = allDiagnostics(without);
  const stillThere = without
    .getProgram()
    .getSourceFiles()
    .filter((f) => isGone(f.fileName))
    .map((f) => relative(ROOT, f.fileName));
  if (stillThere.length > 0) problems.push(`still in the program: ${stillThere.join(', ')}`);
  const missing = paths.filter((p) => !host.fileExists(resolve(ROOT, p)) && !host.directoryExists?.(resolve(ROOT, p)));
  if (missing.length > 0) problems.push(`no such file or folder: ${missing.join(', ')}`);
  return { diagnostics, problems };
}

export function typecheck({ only } = {}) {
  const project = checkProject();
  const features = removableFeatures();
  const names = only ? [only] : Object.keys(features);
  const removals = names.map((name) => {
    if (!features[name]) return { name, diagnostics: [], problems: [`no feature "${name}" in scripts/removable-features.json`] };
    return { name, ...checkWithout(project, name, features[name]) };
  });
  return { diagnostics: project.diagnostics, removals };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--without');
  const only = at >= 0 ? process.argv[at + 1] : undefined;
  const { diagnostics, removals } = typecheck({ only });
  const format = (list) => (process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext(list, formatHost) : ts.formatDiagnostics(list, formatHost));
  let failed = diagnostics.length > 0;
  if (diagnostics.length > 0) process.stdout.write(format(diagnostics));
  else process.stdout.write('the project: no errors\n');
  for (const removal of removals) {
    const bad = removal.diagnostics.length > 0 || removal.problems.length > 0;
    failed ||= bad;
    if (bad) {
      process.stdout.write(`without ${removal.name}:\n`);
      for (const problem of removal.problems) process.stdout.write(`  ${problem}\n`);
      process.stdout.write(format(removal.diagnostics));
    } else {
      process.stdout.write(`src/ without ${removal.name}: no errors\n`);
    }
  }
  process.exit(failed ? 1 : 0);
}
