import type { TaskGroup } from '../tasks/types.js';
import { groupName } from './group-name.js';
import type { OrchestrationGroup } from './orchestration-group.js';

/** The specialisations a task group is labelled with; `implementation` when nothing says more. */
export type Specialisation =
  'database' | 'api' | 'frontend' | 'infrastructure' | 'backend' | 'testing' | 'implementation';

/** Words that give a specialisation away, in the order they are tried. */
const WORDS: ReadonlyArray<{ specialisation: Specialisation; words: readonly string[] }> = [
  {
    specialisation: 'database',
    words: [
      'database',
      'databases',
      'db',
      'data',
      'model',
      'models',
      'schema',
      'schemas',
      'migration',
      'migrations',
      'persistence',
      'storage',
      'sql',
      'table',
      'tables',
    ],
  },
  {
    specialisation: 'api',
    words: [
      'api',
      'apis',
      'endpoint',
      'endpoints',
      'controller',
      'controllers',
      'route',
      'routes',
      'graphql',
      'rest',
      'webhook',
      'webhooks',
    ],
  },
  {
    specialisation: 'frontend',
    words: [
      'frontend',
      'front',
      'ui',
      'ux',
      'interface',
      'component',
      'components',
      'page',
      'pages',
      'view',
      'views',
      'screen',
      'screens',
      'css',
      'design',
      'designer',
      'styling',
    ],
  },
  {
    specialisation: 'infrastructure',
    words: [
      'infrastructure',
      'infra',
      'devops',
      'deploy',
      'deployment',
      'deployments',
      'ci',
      'pipeline',
      'pipelines',
      'docker',
      'kubernetes',
      'terraform',
      'ops',
      'cloud',
    ],
  },
  {
    specialisation: 'backend',
    words: ['backend', 'back', 'server', 'service', 'services', 'logic', 'jobs', 'worker', 'workers', 'mailer'],
  },
  {
    specialisation: 'testing',
    words: ['test', 'tests', 'testing', 'tester', 'qa', 'gap', 'gaps', 'verification', 'verifier', 'coverage'],
  },
];

function specialisationOf(text: string): Specialisation | undefined {
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== ''),
  );
  return WORDS.find((entry) => entry.words.some((w) => words.has(w)))?.specialisation;
}

/**
 * What kind of work a task group is, for its sub-issue's label: from the subagent a person assigned
 * (`database-engineer` → `database`), else from the group's title (`Invitation Endpoints` → `api`), else
 * `implementation`.
 */
export function groupSpecialisation(group: TaskGroup, orchestration?: OrchestrationGroup): Specialisation {
  const subagent = orchestration?.claude_code_subagent;
  return (
    (subagent === undefined ? undefined : specialisationOf(subagent)) ??
    specialisationOf(groupName(group)) ??
    'implementation'
  );
}
