// The files a newcomer and a security researcher look for first, held to what package.json and app.yml say.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(path, 'utf8');

describe('repository files', () => {
  it('LICENSE is the MIT licence package.json claims', () => {
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT');
    const license = read('LICENSE');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('SECURITY.md says how to report privately and explains every permission app.yml asks for', () => {
    const security = read('SECURITY.md');
    expect(security).toContain('Report a vulnerability');
    const { default_permissions: permissions } = parse(read('app.yml')) as {
      default_permissions: Record<string, string>;
    };
    for (const [name, level] of Object.entries(permissions)) {
      const label = name.replace(/_/g, ' ');
      // `| checks: write |`, or several permissions sharing a row: `| metadata, merge queues: read |`.
      expect(security).toMatch(new RegExp(`${label}(, [a-z ]+)?: ${level} \\|`));
    }
  });

  it('CONTRIBUTING.md gives the set-up commands and how dist/ is built', () => {
    const contributing = read('CONTRIBUTING.md');
    expect(contributing).toContain('npm ci\nnpm test');
    expect(contributing).toContain('npm run bundle');
  });

  it('issue forms and the pull request template exist and the forms are valid YAML with a body', () => {
    expect(existsSync('.github/pull_request_template.md')).toBe(true);
    for (const form of ['bug_report.yml', 'feature_request.yml']) {
      const parsed = parse(read(`.github/ISSUE_TEMPLATE/${form}`)) as {
        name: string;
        description: string;
        body: unknown[];
      };
      expect(parsed.name).toEqual(expect.any(String));
      expect(parsed.description).toEqual(expect.any(String));
      expect(parsed.body.length).toBeGreaterThan(0);
    }
  });
});
