// `tsc --noEmit` and `eslint .` in one process, sharing one TypeScript program (`npm test` runs this).
//
// ESLint's typed rules (typescript-eslint's strictTypeChecked) need the program of tsconfig.json, the very program
// `tsc --noEmit` builds and checks: run one after the other, the files are parsed, bound and type-checked twice,
// which is most of both steps' CPU time. Here the program is built once, its diagnostics are printed as `tsc` prints
// them, and ESLint is handed the same program (`parserOptions.programs`) for the TypeScript files. The rules, the
// files and the verdicts are those of `npm run typecheck` and `eslint .`, which stay the commands to run by hand.
//
// Exit 0 when both are clean; 1 when either found a problem (both always run, so one run shows everything).
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** The program `tsc --noEmit` builds from tsconfig.json, and what `tsc` would report about it. */
function typecheck() {
  const host = {
    getCanonicalFileName: (name) => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase()),
    getCurrentDirectory: () => root,
    getNewLine: () => ts.sys.newLine,
  };
  const configFile = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.formatDiagnostic(diagnostic, host));
      },
    },
  );
  if (configFile === undefined) throw new Error('tsconfig.json: cannot be read');
  const program = ts.createProgram({
    rootNames: configFile.fileNames,
    options: configFile.options,
    projectReferences: configFile.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(configFile),
  });
  const diagnostics = ts.sortAndDeduplicateDiagnostics([
    ...ts.getConfigFileParsingDiagnostics(configFile),
    ...ts.getPreEmitDiagnostics(program),
  ]);
  if (diagnostics.length > 0) {
    const pretty = process.stdout.isTTY === true;
    const text = pretty
      ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
      : ts.formatDiagnostics(diagnostics, host);
    process.stdout.write(`${text}\nFound ${diagnostics.length} TypeScript error(s).\n`);
  }
  return { program, ok: !diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error) };
}

/** `eslint .`, its TypeScript files linted against `program` instead of a program of ESLint's own. */
async function lint(program) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [
      {
        // Only where eslint.config.js asks for type information: its JavaScript files have it turned off.
        files: ['**/*.ts'],
        languageOptions: { parserOptions: { programs: [program], projectService: false, project: false } },
      },
    ],
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results);
  if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return results.every((r) => r.errorCount === 0 && r.fatalErrorCount === 0);
}

const types = typecheck();
const linted = await lint(types.program);
process.exitCode = types.ok && linted ? 0 : 1;
