import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { HANDLED_EVENTS, INSTALLATION_EVENTS } from '../src/app/index.js';
import { CONFIG_SCHEMA } from '../src/core/config/config-schema.js';

interface ActionManifest {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

interface AppManifest {
  default_events: string[];
  default_permissions: Record<string, string>;
}

const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));

describe('action.yml', () => {
  const action = readYaml('action.yml') as ActionManifest;

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync('dist/index.js')).toBe(true);
    expect(JSON.parse(readFileSync('dist/package.json', 'utf8'))).toEqual({ type: 'module' });
  });

  it('defaults the token to the workflow token and declares every output the Action sets', () => {
    expect(action.inputs['github-token']).toMatchObject({ default: '${{ github.token }}', required: false });
    expect(Object.keys(action.outputs).sort()).toEqual([
      'complete',
      'conclusion',
      'incomplete',
      'phase',
      'required',
      'status',
      'tasks',
    ]);
  });
});

describe('app.yml', () => {
  const app = readYaml('app.yml') as AppManifest;

  it('subscribes to exactly the events the App handles', () => {
    const handled = [...new Set(HANDLED_EVENTS.map((e) => e.split('.')[0]))].sort();
    expect([...app.default_events].sort()).toEqual(handled);
  });

  it('asks for the least permissions the gate and the lifecycle phases need', () => {
    expect(app.default_permissions).toEqual({
      checks: 'write',
      contents: 'write',
      issues: 'write',
      pull_requests: 'write',
      metadata: 'read',
      merge_queues: 'read',
    });
  });
});

describe('the configuration reference (docs/configuration.md)', () => {
  /** `key` → default, from the table of keys in docs/configuration.md. */
  function readmeTable(): Map<string, string> {
    const section = readFileSync('docs/configuration.md', 'utf8');
    const rows = [...section.matchAll(/^\| `([\w.-]+)` \| `([^`]*)` \|/gm)];
    return new Map(rows.map((m) => [m[1] ?? '', m[2] ?? '']));
  }

  /** Every key of the schema with its default, flattened (`labels.shaping`). */
  function schemaDefaults(): Map<string, string> {
    const defaults = CONFIG_SCHEMA.parse({}) as Record<string, unknown>;
    const out = new Map<string, string>();
    for (const [key, value] of Object.entries(defaults)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [inner, v] of Object.entries(value)) out.set(`${key}.${inner}`, String(v));
      } else {
        out.set(key, Array.isArray(value) ? JSON.stringify(value).replace(/,/g, ', ') : String(value));
      }
    }
    return out;
  }

  it('lists exactly the keys of the schema, each with its real default', () => {
    expect(readmeTable()).toEqual(schemaDefaults());
  });
});

describe('installation events', () => {
  it('are handled without being subscribed (GitHub sends them to every App)', () => {
    const app = readYaml('app.yml') as AppManifest;
    for (const event of INSTALLATION_EVENTS) expect(app.default_events).not.toContain(event.split('.')[0]);
  });
});
