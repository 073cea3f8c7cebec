import { cleanVersion } from './clean-version.js';
import { matchKnownPackages, type KnownPackage } from './match-known-packages.js';
import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** Go modules worth naming; a module matches its path and its major-version paths (`…/echo` matches `…/echo/v4`). */
export const GO_MODULES: readonly KnownPackage[] = [
  ['github.com/gin-gonic/gin', 'Framework', 'Gin'],
  ['github.com/labstack/echo', 'Framework', 'Echo'],
  ['github.com/gofiber/fiber', 'Framework', 'Fiber'],
  ['github.com/go-chi/chi', 'Framework', 'chi'],
  ['github.com/gorilla/mux', 'Framework', 'Gorilla mux'],
  ['google.golang.org/grpc', 'API', 'gRPC'],
  ['github.com/99designs/gqlgen', 'API', 'gqlgen (GraphQL)'],
  ['github.com/jackc/pgx', 'Database', 'PostgreSQL', 'client'],
  ['github.com/lib/pq', 'Database', 'PostgreSQL', 'client'],
  ['gorm.io/driver/postgres', 'Database', 'PostgreSQL', 'client'],
  ['github.com/go-sql-driver/mysql', 'Database', 'MySQL', 'client'],
  ['gorm.io/driver/mysql', 'Database', 'MySQL', 'client'],
  ['github.com/mattn/go-sqlite3', 'Database', 'SQLite', 'client'],
  ['gorm.io/driver/sqlite', 'Database', 'SQLite', 'client'],
  ['go.mongodb.org/mongo-driver', 'Database', 'MongoDB', 'client'],
  ['github.com/redis/go-redis', 'Database', 'Redis', 'client'],
  ['github.com/go-redis/redis', 'Database', 'Redis', 'client'],
  ['gorm.io/gorm', 'ORM', 'GORM'],
  ['entgo.io/ent', 'ORM', 'ent'],
  ['github.com/jmoiron/sqlx', 'ORM', 'sqlx'],
  ['github.com/hibiken/asynq', 'Background jobs', 'Asynq'],
  ['github.com/stretchr/testify', 'Testing', 'testify'],
  ['github.com/onsi/ginkgo', 'Testing', 'Ginkgo'],
  ['github.com/spf13/cobra', 'CLI', 'Cobra'],
  ['github.com/urfave/cli', 'CLI', 'urfave/cli'],
];

/** The major-version suffix of a module path (`/v5`), which the table leaves out. */
function withoutMajor(path: string): string {
  return path.replace(/\/v\d+$/, '');
}

/**
 * go.mod: the `go` directive (the language version) and the direct requirements (`// indirect` ones are left
 * out), single-line or in `require ( … )` blocks.
 */
export function detectGoStack(files: StackFiles): Detection {
  const content = files.get('go.mod');
  if (content === undefined) return { findings: [], problems: [] };
  const source = 'go.mod';
  let goVersion: string | undefined;
  const requirements = new Map<string, string | undefined>();
  let inRequireBlock = false;
  for (const raw of content.split(/\r?\n/)) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (inRequireBlock) {
      if (line === ')') inRequireBlock = false;
      else if (!indirect) addRequirement(requirements, line);
      continue;
    }
    const [directive, ...rest] = line.split(/\s+/);
    if (directive === 'go') goVersion = cleanVersion(rest[0]);
    else if (directive === 'require' && rest[0] === '(') inRequireBlock = true;
    else if (directive === 'require' && !indirect) addRequirement(requirements, rest.join(' '));
  }
  const findings: StackFinding[] = [
    withVersion({ category: 'Language', name: 'Go', source }, goVersion),
    ...matchKnownPackages(GO_MODULES, requirements, source),
    { category: 'Package manager', name: 'Go modules', source },
  ];
  return { findings, problems: [] };
}

function addRequirement(into: Map<string, string | undefined>, line: string): void {
  const [path, version] = line.split(/\s+/);
  if (path === undefined || path === '') return;
  const key = withoutMajor(path);
  if (!into.has(key)) into.set(key, version);
}
