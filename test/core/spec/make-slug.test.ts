import { describe, expect, it } from '@jest/globals';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../src/core/config/lifecycle-settings.js';
import { makeSlug, MAX_SLUG_LENGTH } from '../../../src/core/spec/make-slug.js';
import {
  issueNumberOfSpecBranch,
  specLocationFor,
  specLocationOfBranch,
} from '../../../src/core/spec/spec-location.js';

/** What `git check-ref-format` refuses, for the parts our names can contain. */
function isSafeRef(ref: string): boolean {
  return (
    // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
    !/[\s~^:?*[\\\x00-\x1f\x7f]/.test(ref) &&
    !ref.includes('..') &&
    !ref.includes('@{') &&
    !ref.includes('//') &&
    !ref.endsWith('.') &&
    !ref.endsWith('.lock') &&
    !ref.split('/').some((part) => part.startsWith('.') || part === '')
  );
}

const HOSTILE = [
  ['emoji only', '🚀🎉✨'],
  ['300 characters', 'Make the thing faster '.repeat(14)],
  ['path traversal', '../../etc/passwd'],
  ['quotes', `"Quoted" 'title' with \`backticks\``],
  ['Cyrillic', 'Приглашения в команду по email'],
  ['Japanese', 'チーム招待をメールで送る'],
  ['git specials', 'HEAD.lock ~1 ^2 :refs @{u} a..b [x] *glob? back\\slash'],
  ['dots', '..'],
  ['whitespace', '   \t  '],
  ['accents', 'Café déjà vu: résumé upload'],
] as const;

describe('makeSlug', () => {
  it.each(HOSTILE)('gives a safe, non-empty slug and ref for a title with %s', (_name, title) => {
    const slug = makeSlug(title, 'issue-42');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).not.toMatch(/^\.+$/);
    const location = specLocationFor(
      { issueNumber: 42, title, createdAt: '2026-03-14T23:59:59Z' },
      DEFAULT_LIFECYCLE_SETTINGS,
    );
    expect(isSafeRef(location.branch)).toBe(true);
    expect(location.folder.split('/')).not.toContain('..');
    expect(location.folder.startsWith('agent-os/specs/2026-03-14-')).toBe(true);
  });

  it('transliterates what it can and falls back where nothing is left', () => {
    expect(makeSlug('Приглашения в команду', 'issue-1')).toBe('priglasheniya-v-komandu');
    expect(makeSlug('Café déjà vu', 'issue-1')).toBe('cafe-deja-vu');
    expect(makeSlug('チーム招待', 'issue-9')).toBe('issue-9');
    expect(makeSlug('🚀', 'issue-9')).toBe('issue-9');
    expect(makeSlug('Export & import', 'issue-9')).toBe('export-and-import');
  });

  it('cuts long titles at a hyphen, never mid-word when it can help it', () => {
    expect(makeSlug('Résumé upload: support PDFs and DOCX files larger than 10 MB', 'x')).toBe(
      'resume-upload-support-pdfs-and-docx',
    );
    expect(makeSlug('a'.repeat(60), 'x')).toBe('a'.repeat(40));
  });
});

describe('spec locations', () => {
  const settings = DEFAULT_LIFECYCLE_SETTINGS;

  it('names the branch by issue number and slug, and the folder by the creation date (UTC) and slug', () => {
    expect(
      specLocationFor({ issueNumber: 12, title: 'Team invites by email', createdAt: '2026-03-14T09:12:00Z' }, settings),
    ).toEqual({
      issueNumber: 12,
      slug: 'team-invites-by-email',
      date: '2026-03-14',
      branch: 'agent-os/12-team-invites-by-email',
      folder: 'agent-os/specs/2026-03-14-team-invites-by-email',
      requirementsPath: 'agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md',
      specPath: 'agent-os/specs/2026-03-14-team-invites-by-email/spec.md',
      tasksPath: 'agent-os/specs/2026-03-14-team-invites-by-email/tasks.md',
    });
  });

  it('finds the issue and folder again from the branch, whatever the title became', () => {
    expect(issueNumberOfSpecBranch('agent-os/12-team-invites', settings)).toBe(12);
    expect(issueNumberOfSpecBranch('agent-os/product', settings)).toBeUndefined();
    expect(issueNumberOfSpecBranch('feature/12-x', settings)).toBeUndefined();
    expect(specLocationOfBranch('agent-os/12-team-invites', '2026-03-14T09:12:00Z', settings)?.folder).toBe(
      'agent-os/specs/2026-03-14-team-invites',
    );
  });
});
