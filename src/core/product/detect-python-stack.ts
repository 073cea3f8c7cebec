import { cleanVersion, leadingVersion } from './clean-version.js';
import { matchKnownPackages, type KnownPackage } from './match-known-packages.js';
import { isRecord, parseTomlManifest, recordAt, stringAt, stringsAt } from './parse-manifest.js';
import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** Python distributions worth naming (normalised names, PEP 503), in the order tech-stack.md lists them. */
export const PYTHON_PACKAGES: readonly KnownPackage[] = [
  ['django', 'Framework', 'Django'],
  ['flask', 'Framework', 'Flask'],
  ['fastapi', 'Framework', 'FastAPI'],
  ['litestar', 'Framework', 'Litestar'],
  ['streamlit', 'Framework', 'Streamlit'],
  ['djangorestframework', 'API', 'Django REST framework'],
  ['strawberry-graphql', 'API', 'Strawberry GraphQL'],
  ['stripe', 'Payments', 'Stripe', 'client'],
  ['psycopg', 'Database', 'PostgreSQL', 'client'],
  ['psycopg2', 'Database', 'PostgreSQL', 'client'],
  ['psycopg2-binary', 'Database', 'PostgreSQL', 'client'],
  ['asyncpg', 'Database', 'PostgreSQL', 'client'],
  ['mysqlclient', 'Database', 'MySQL', 'client'],
  ['pymysql', 'Database', 'MySQL', 'client'],
  ['pymongo', 'Database', 'MongoDB', 'client'],
  ['motor', 'Database', 'MongoDB', 'client'],
  ['redis', 'Database', 'Redis', 'client'],
  ['sqlalchemy', 'ORM', 'SQLAlchemy'],
  ['sqlmodel', 'ORM', 'SQLModel'],
  ['tortoise-orm', 'ORM', 'Tortoise ORM'],
  ['celery', 'Background jobs', 'Celery'],
  ['rq', 'Background jobs', 'RQ'],
  ['gunicorn', 'Web server', 'Gunicorn'],
  ['uvicorn', 'Web server', 'Uvicorn'],
  ['pytest', 'Testing', 'pytest'],
  ['ruff', 'Linting & formatting', 'Ruff'],
  ['black', 'Linting & formatting', 'Black'],
  ['flake8', 'Linting & formatting', 'Flake8'],
  ['pylint', 'Linting & formatting', 'Pylint'],
  ['mypy', 'Linting & formatting', 'mypy'],
];

/** Tools configured in pyproject.toml's `[tool.*]` tables, even when not listed as dependencies. */
const TOOL_TABLES: ReadonlyArray<readonly [table: string, category: string, name: string]> = [
  ['pytest', 'Testing', 'pytest'],
  ['ruff', 'Linting & formatting', 'Ruff'],
  ['black', 'Linting & formatting', 'Black'],
  ['mypy', 'Linting & formatting', 'mypy'],
];

/** PEP 503: lowercase, runs of `-`, `_`, `.` as one `-`. */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 requirement (`Django[argon2]>=4.2,<5 ; python_version >= "3.10"`): its name and version specifier. */
function readRequirement(line: string): [string, string | undefined] | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:\(([^)]*)\)|([^;@#]*))/.exec(line);
  if (match?.[1] === undefined) return undefined;
  const spec = (match[2] ?? match[3] ?? '').trim();
  return [normalizeName(match[1]), spec === '' ? undefined : spec];
}

function addRequirements(into: Map<string, string | undefined>, lines: readonly string[]): void {
  for (const line of lines) {
    const requirement = readRequirement(line);
    if (requirement && !into.has(requirement[0])) into.set(requirement[0], requirement[1]);
  }
}

/** A Poetry or Pipfile table of dependencies: `name = "^1.2"` or `name = { version = "^1.2", … }`. */
function addTable(into: Map<string, string | undefined>, table: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(table)) {
    const key = normalizeName(name);
    if (key === 'python' || into.has(key)) continue;
    into.set(key, typeof value === 'string' ? value : stringAt(value, 'version'));
  }
}

/** requirements.txt: one requirement a line; comments, options (`-r`, `-e`, `--hash`) and URLs are skipped. */
function requirementsOf(content: string): Map<string, string | undefined> {
  const lines = content
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-') && !/^[a-z+]+:\/\//i.test(line));
  const requirements = new Map<string, string | undefined>();
  addRequirements(requirements, lines);
  return requirements;
}

function pythonFinding(source: string, version: string | undefined): StackFinding {
  return withVersion({ category: 'Language', name: 'Python', source }, version);
}

/** pyproject.toml: PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry's tables and `[tool.*]` settings. */
function detectPyproject(manifest: Record<string, unknown>, findings: StackFinding[]): void {
  const source = 'pyproject.toml';
  const project = recordAt(manifest, 'project');
  const tool = recordAt(manifest, 'tool');
  const poetry = recordAt(tool, 'poetry');
  const poetryDependencies = recordAt(poetry, 'dependencies');
  const python = stringAt(project, 'requires-python') ?? stringAt(poetryDependencies, 'python');
  findings.push(pythonFinding(source, cleanVersion(python)));

  const dependencies = new Map<string, string | undefined>();
  addRequirements(dependencies, stringsAt(project, 'dependencies'));
  for (const group of Object.values(recordAt(project, 'optional-dependencies'))) {
    if (Array.isArray(group))
      addRequirements(
        dependencies,
        group.filter((v): v is string => typeof v === 'string'),
      );
  }
  for (const group of Object.values(recordAt(manifest, 'dependency-groups'))) {
    if (Array.isArray(group))
      addRequirements(
        dependencies,
        group.filter((v): v is string => typeof v === 'string'),
      );
  }
  addTable(dependencies, poetryDependencies);
  addTable(dependencies, recordAt(poetry, 'dev-dependencies'));
  for (const group of Object.values(recordAt(poetry, 'group'))) addTable(dependencies, recordAt(group, 'dependencies'));
  findings.push(...matchKnownPackages(PYTHON_PACKAGES, dependencies, source));

  for (const [table, category, name] of TOOL_TABLES) {
    if (isRecord(tool[table])) findings.push({ category, name, source });
  }
  if (isRecord(tool.poetry)) findings.push({ category: 'Package manager', name: 'Poetry', source });
  if (isRecord(tool.uv)) findings.push({ category: 'Package manager', name: 'uv', source });
  if (isRecord(tool.pdm)) findings.push({ category: 'Package manager', name: 'PDM', source });
}

/** Pipfile (TOML): `[packages]`, `[dev-packages]`, `[requires] python_version`. */
function detectPipfile(manifest: Record<string, unknown>, findings: StackFinding[]): void {
  const source = 'Pipfile';
  const requires = recordAt(manifest, 'requires');
  findings.push(
    pythonFinding(
      source,
      cleanVersion(stringAt(requires, 'python_full_version') ?? stringAt(requires, 'python_version')),
    ),
  );
  const dependencies = new Map<string, string | undefined>();
  addTable(dependencies, recordAt(manifest, 'packages'));
  addTable(dependencies, recordAt(manifest, 'dev-packages'));
  findings.push(...matchKnownPackages(PYTHON_PACKAGES, dependencies, source));
  findings.push({ category: 'Package manager', name: 'Pipenv', source });
}

/**
 * Python: pyproject.toml, requirements.txt (and requirements-dev.txt), Pipfile, poetry.lock, uv.lock and
 * `.python-version`. The package manager is the one whose files are there; plain pip for requirements files alone.
 */
export function detectPythonStack(files: StackFiles): Detection {
  const findings: StackFinding[] = [];
  const problems: Detection['problems'] = [];
  for (const path of ['pyproject.toml', 'Pipfile'] as const) {
    const content = files.get(path);
    if (content === undefined) continue;
    const parsed = parseTomlManifest(path, content);
    if (!parsed.ok) problems.push({ path, message: parsed.message });
    else if (path === 'pyproject.toml') detectPyproject(isRecord(parsed.value) ? parsed.value : {}, findings);
    else detectPipfile(isRecord(parsed.value) ? parsed.value : {}, findings);
  }
  const requirementFiles = ['requirements.txt', 'requirements-dev.txt'].filter((path) => files.has(path));
  for (const path of requirementFiles) {
    findings.push(pythonFinding(path, undefined));
    findings.push(...matchKnownPackages(PYTHON_PACKAGES, requirementsOf(files.get(path) ?? ''), path));
  }
  if (files.has('poetry.lock')) findings.push({ category: 'Package manager', name: 'Poetry', source: 'poetry.lock' });
  if (files.has('uv.lock')) findings.push({ category: 'Package manager', name: 'uv', source: 'uv.lock' });
  const managed = findings.some((f) => f.category === 'Package manager');
  const [firstRequirements] = requirementFiles;
  if (!managed && firstRequirements !== undefined)
    findings.push({ category: 'Package manager', name: 'pip', source: firstRequirements });
  const pinned = files.get('.python-version');
  if (pinned !== undefined) findings.push(pythonFinding('.python-version', leadingVersion(pinned.split('\n')[0])));
  return { findings, problems };
}
