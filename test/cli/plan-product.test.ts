import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { planProductCommand } from '../../src/cli/plan-product-command.js';
import { AgentOsError } from '../../src/core/errors.js';
import { detectTechStack } from '../../src/core/product/detect-tech-stack.js';
import { parseProductBrief } from '../../src/core/product/parse-product-brief.js';
import { renderMission, renderRoadmap, renderTechStack } from '../../src/core/product/render-product.js';
import { loadStackFixture } from '../core/product/stack-fixtures.js';

const STACKS = resolve('test/fixtures/product/stacks');
const BRIEFS = resolve('test/fixtures/product/briefs');
const MISSION = 'agent-os/product/mission.md';
const ROADMAP = 'agent-os/product/roadmap.md';
const TECH_STACK = 'agent-os/product/tech-stack.md';

let outer: string;

/** A fresh repository folder holding a stack fixture's files (package.json.fixture restored to package.json). */
async function repoWith(stack: string | undefined, name: string): Promise<string> {
  const repo = join(outer, name);
  await mkdir(repo, { recursive: true });
  if (stack !== undefined) {
    await cp(join(STACKS, stack, 'files'), repo, { recursive: true });
    for (const entry of await readdir(repo, { recursive: true })) {
      if (entry.endsWith('.fixture')) await rename(join(repo, entry), join(repo, entry.slice(0, -'.fixture'.length)));
    }
  }
  return repo;
}

async function put(repo: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

function read(repo: string, path: string): Promise<string> {
  return readFile(join(repo, path), 'utf8');
}

/** The files of the product folder, sorted. */
async function productFiles(repo: string, folder = 'agent-os/product'): Promise<string[]> {
  return (await readdir(join(repo, folder)).catch(() => [] as string[])).sort();
}

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'agent-os-cli-plan-product-'));
});

afterAll(async () => {
  await rm(outer, { recursive: true, force: true });
});

describe('agent-os-github plan-product, in a Next.js + Prisma repository', () => {
  let repo: string;
  const shiftboardFile = async () => `# Shiftboard\n\n${await readFile(join(BRIEFS, 'agent-os-sections.md'), 'utf8')}`;

  beforeAll(async () => {
    repo = await repoWith('nextjs-prisma', 'next');
    await put(repo, 'docs/shiftboard.md', await shiftboardFile());
  });

  it('without --from, writes tech-stack.md only and says how to get mission.md and roadmap.md', async () => {
    const result = await planProductCommand({ cwd: repo, force: false });
    expect(result).toEqual({
      exitCode: 0,
      stdout: [
        `Wrote ${TECH_STACK} (20 entries detected)`,
        '',
        'mission.md and roadmap.md need a description of the product. Write one in a markdown file: its first "# heading" is the',
        "product's name, then the sections Pitch, Users, The Problem, Differentiators and Key Features (at least 3 features, one",
        'per line as "- Feature: what it lets users do"). Then run:',
        '',
        '  agent-os-github plan-product --from PRODUCT.md',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await productFiles(repo)).toEqual(['tech-stack.md']);
    const techStack = await read(repo, TECH_STACK);
    expect(techStack).toBe(renderTechStack(detectTechStack(await loadStackFixture('nextjs-prisma'))));
    expect(techStack).toContain('## Framework\n\n- Next.js 15.0.3 (found in `package.json`)\n');
    expect(techStack).toContain(
      '## Database\n\n- Redis 7.4 (found in `docker-compose.yml`)\n- PostgreSQL 16 (found in `docker-compose.yml`)\n',
    );
    expect(techStack).toContain('## CI/CD\n\n- GitHub Actions (CI) (found in `.github/workflows/ci.yml`)\n');
  });

  it('with --from, writes mission.md and roadmap.md, and leaves the same tech-stack.md as it is', async () => {
    const result = await planProductCommand({ cwd: repo, from: 'docs/shiftboard.md', force: false });
    expect(result).toEqual({
      exitCode: 0,
      stdout: [
        `Wrote ${MISSION}`,
        `Wrote ${ROADMAP} (5 items)`,
        `Unchanged ${TECH_STACK}`,
        '',
        'Next: shape the first roadmap item into a spec (agent-os-github shape-spec ISSUE.md, or the shape-spec label on an issue).',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await productFiles(repo)).toEqual(['mission.md', 'roadmap.md', 'tech-stack.md']);
    const brief = parseProductBrief('Shiftboard', await readFile(join(BRIEFS, 'agent-os-sections.md'), 'utf8'));
    expect(await read(repo, MISSION)).toBe(renderMission(brief));
    expect(await read(repo, ROADMAP)).toBe(renderRoadmap(brief));
    expect(await read(repo, ROADMAP)).toContain(
      '\n1. [ ] Open shift board — managers post an open shift and see who can take it `S`\n',
    );
  });

  it('run again, writes nothing and says every file is unchanged', async () => {
    const result = await planProductCommand({ cwd: repo, from: 'docs/shiftboard.md', force: false });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `Unchanged ${MISSION}`,
      `Unchanged ${ROADMAP}`,
      `Unchanged ${TECH_STACK}`,
    ]);
  });

  it('refuses to replace a product file edited since, writes nothing, and suggests --force (exit 2)', async () => {
    const edited = `${await read(repo, MISSION)}\nOur own notes.\n`;
    await put(repo, MISSION, edited);
    await put(
      repo,
      'docs/shiftboard.md',
      (await shiftboardFile()).replace(
        '5. Dark mode',
        '5. Dark mode\n6. Offline mode: the app works without a connection',
      ),
    );
    const roadmapBefore = await read(repo, ROADMAP);

    const result = await planProductCommand({ cwd: repo, from: 'docs/shiftboard.md', force: false });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `agent-os-github: ${MISSION} and ${ROADMAP} already exist; nothing was written. Pass --force to replace them (changes made to them are lost).\n`,
    });
    expect(await read(repo, MISSION)).toBe(edited);
    expect(await read(repo, ROADMAP)).toBe(roadmapBefore);
  });

  it('with --force, replaces them', async () => {
    const result = await planProductCommand({ cwd: repo, from: 'docs/shiftboard.md', force: true });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `Wrote ${MISSION}`,
      `Wrote ${ROADMAP} (6 items)`,
      `Unchanged ${TECH_STACK}`,
    ]);
    expect(await read(repo, MISSION)).not.toContain('Our own notes.');
    expect(await read(repo, ROADMAP)).toContain('\n6. [ ] Offline mode — the app works without a connection `M`\n');
  });
});

describe('agent-os-github plan-product with a description that lacks what Agent OS needs', () => {
  it('prints the numbered questions, writes tech-stack.md only, exits 1', async () => {
    const repo = await repoWith('django-uv', 'django');
    await put(repo, 'PRODUCT.md', '# Dog walking\n\nAn app for dog walkers to run their day.\n\n- Booking calendar\n');
    const result = await planProductCommand({ cwd: repo, from: 'PRODUCT.md', force: false });
    expect(result).toEqual({
      exitCode: 1,
      stdout: [
        `Wrote ${TECH_STACK} (12 entries detected)`,
        '',
        'PRODUCT.md does not say all Agent OS needs to plan the product yet:',
        '',
        '1. Key features: The description names 1 key feature (“Booking calendar”); Agent OS plans a product from at least 3. What other key features should the first versions have? List them one per line, as `Feature: what it lets users do`.',
        '2. Users: Who is it for? Name at least one user segment (e.g. “engineering managers at 10–50 person startups”), one per line.',
        '3. The problem: What problem does Dog walking solve for them, and how do they deal with it today?',
        '',
        'Add the answers to PRODUCT.md (e.g. a "## Key Features" list, a "## Users" list), then run:',
        '',
        '  agent-os-github plan-product --from PRODUCT.md',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await productFiles(repo)).toEqual(['tech-stack.md']);
    expect(await read(repo, TECH_STACK)).toContain('## Framework\n\n- Django 5.1.3 (found in `pyproject.toml`)\n');

    // Answered in the file, the next run writes the rest (tech-stack.md, the same, is no conflict).
    await put(
      repo,
      'PRODUCT.md',
      [
        '# Dog walking',
        '',
        'An app for dog walkers to run their day.',
        '',
        '## Users',
        '',
        '- Independent dog walkers',
        '',
        '## Problem',
        '',
        'Bookings are spread over chats and paper diaries.',
        '',
        '## Key features',
        '',
        '- Booking calendar',
        '- Route planner',
        '- Card payments',
        '',
      ].join('\n'),
    );
    const second = await planProductCommand({ cwd: repo, from: 'PRODUCT.md', force: false });
    expect(second.exitCode).toBe(0);
    expect(second.stdout.split('\n').slice(0, 3)).toEqual([
      `Wrote ${MISSION}`,
      `Wrote ${ROADMAP} (3 items)`,
      `Unchanged ${TECH_STACK}`,
    ]);
  });
});

describe('agent-os-github plan-product: other repositories and settings', () => {
  it('in a folder without manifests, writes a tech-stack.md that says so', async () => {
    const repo = await repoWith(undefined, 'empty');
    const result = await planProductCommand({ cwd: repo, force: false });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Wrote ${TECH_STACK} (no manifests found: fill it in by hand)`);
    expect(await read(repo, TECH_STACK)).toBe(renderTechStack([]));
  });

  it('warns on stderr about a manifest it could not read, and uses the others', async () => {
    const repo = await repoWith('malformed', 'malformed');
    const result = await planProductCommand({ cwd: repo, force: false });
    expect(result.exitCode).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^agent-os-github: warning: package\.json is not valid JSON \(.+\); it was skipped\.$/),
      'agent-os-github: warning: pyproject.toml is not valid TOML (line 4: expected comma or end of structure); it was skipped.',
      'agent-os-github: warning: docker-compose.yml is not valid YAML (All mapping items must start at the same column at line 4, column 1); it was skipped.',
      '',
    ]);
    expect(await read(repo, TECH_STACK)).toContain('## Framework\n\n- Sinatra 4.0 (found in `Gemfile`)\n');
  });

  it('writes under the spec root of .github/agent-os.yml', async () => {
    const repo = await repoWith('go-service', 'custom-root');
    await put(repo, '.github/agent-os.yml', 'spec_root: docs/agent-os\n');
    const result = await planProductCommand({ cwd: repo, force: false });
    expect(result.stdout.split('\n')[0]).toBe('Wrote docs/agent-os/product/tech-stack.md (11 entries detected)');
    expect(result.stderr).toBe(
      'agent-os-github: warning: .github/workflows/broken.yml is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ] at line 5, column 1); it was skipped.\n',
    );
    expect(await productFiles(repo, 'docs/agent-os/product')).toEqual(['tech-stack.md']);
    expect(await productFiles(repo)).toEqual([]);
  });

  it('says which file it cannot read when --from names none', async () => {
    const repo = await repoWith(undefined, 'no-brief');
    await expect(planProductCommand({ cwd: repo, from: 'missing.md', force: false })).rejects.toEqual(
      new AgentOsError('user-input', 'Cannot read missing.md: no such file'),
    );
    expect(await productFiles(repo)).toEqual([]);
  });
});
