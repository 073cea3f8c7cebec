import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runNode } from '../../support/run-node.js';

// The release workflow's script, run as `npm run release -- --dry-run`: it builds afresh into a temporary folder,
// compares with the committed dist/, and says what it would tag; it writes nothing and pushes nothing.
describe('scripts/release.mjs --dry-run', () => {
  it('finds dist/ fresh and plans the version tag and the move of the major tag, or finds the version released', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const major = version.split('.')[0] ?? '';
    const tagsBefore = execFileSync('git', ['tag', '--list', 'v*'], { encoding: 'utf8' });

    const result = await runNode(['scripts/release.mjs', '--dry-run']);

    expect(result.stderr).not.toContain('release:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dist/ equals a fresh build of the sources.');
    if (tagsBefore.split('\n').includes(`v${version}`)) {
      expect(result.stdout).toContain(`v${version} already exists`);
    } else {
      expect(result.stdout).toMatch(new RegExp(`Would release v${version} at [0-9a-f]{7} and move v${major} to it:`));
      expect(result.stdout).toContain(`git push origin refs/tags/v${version}`);
      expect(result.stdout).toContain(`git push --force origin refs/tags/v${major}`);
      expect(result.stdout).toContain(`Release notes (CHANGELOG.md, ${version}):`);
    }
    expect(execFileSync('git', ['tag', '--list', 'v*'], { encoding: 'utf8' })).toBe(tagsBefore);
  });

  it('keeps a CHANGELOG section for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(readFileSync('CHANGELOG.md', 'utf8')).toContain(`\n## ${version}\n`);
  });
});
