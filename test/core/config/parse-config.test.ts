import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS, parseConfig, renderConfigProblems } from '../../../src/core/config/parse-config.js';

describe('parseConfig', () => {
  it('gives the defaults for no file, and ignores the loader’s _extends', () => {
    expect(parseConfig(null)).toMatchObject({ ok: true, settings: DEFAULT_SETTINGS });
    expect(parseConfig({ _extends: '.github' })).toMatchObject({ ok: true, settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS.lifecycle).toMatchObject({
      specRoot: 'agent-os',
      branchPrefix: 'agent-os/',
      draftPullRequests: true,
    });
    expect(DEFAULT_SETTINGS.gate.checkName).toBe('Agent OS: tasks');
  });

  it('merges given keys over the defaults, nested ones one by one', () => {
    const result = parseConfig({
      labels: { shape_spec: 'needs-spec' },
      permissions: { tick: 'maintain' },
      check_name: 'Spec tasks',
      draft_pull_requests: false,
    });
    expect(result.ok && result.settings.lifecycle.labels).toEqual({
      shapeSpec: 'needs-spec',
      shaping: 'agent-os: shaping',
      specWritten: 'agent-os: spec written',
      done: 'agent-os: done',
    });
    expect(result.ok && result.settings.lifecycle.permissions).toMatchObject({
      tick: 'maintain',
      'write-spec': 'write',
    });
    expect(result.ok && result.settings.gate.checkName).toBe('Spec tasks');
    expect(result.ok && result.settings.lifecycle.draftPullRequests).toBe(false);
  });

  it('reports every problem at once, each with its key, what was expected and what was found', () => {
    const result = parseConfig({
      labels: { shapping: 'x' },
      draft_pull_requests: 'yes',
      permissions: { 'write-spec': 'root' },
      task_files: [1],
      spec_root: '../etc',
      chek_name: 'x',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          key: 'labels.shapping',
          message:
            'unknown key (did you mean `shaping`?); known keys here: `shape_spec`, `shaping`, `spec_written`, `done`',
        },
        { key: 'draft_pull_requests', message: 'expected true or false, received the text "yes"' },
        {
          key: 'permissions.write-spec',
          message: 'expected one of `read`, `triage`, `write`, `maintain`, `admin`, received the text "root"',
        },
        { key: 'task_files[0]', message: 'expected text, received the number 1' },
        expect.objectContaining({
          key: 'spec_root',
          message: expect.stringContaining('received the text "../etc"') as unknown,
        }),
        expect.objectContaining({
          key: 'chek_name',
          message: expect.stringContaining('did you mean `check_name`?') as unknown,
        }),
      ]),
    );
    expect(renderConfigProblems('.github/agent-os.yml', problems)).toMatch(
      /^`.github\/agent-os.yml` has 6 problems, so nothing was done:\n- `/,
    );
  });

  it('reads the task rules: cancelled box markers and whether a BMAD story’s other checklists gate', () => {
    expect(DEFAULT_SETTINGS.gate).toMatchObject({ cancelledMarkers: [], storyChecklists: 'shown' });
    const result = parseConfig({ cancelled_markers: ['[~]', '[-]'], story_checklists: 'gated' });
    expect(result.ok && result.settings.gate).toMatchObject({ cancelledMarkers: ['~', '-'], storyChecklists: 'gated' });
    const bad = parseConfig({ cancelled_markers: ['~'], story_checklists: 'all' });
    expect(bad.ok ? [] : bad.problems).toEqual([
      { key: 'cancelled_markers[0]', message: 'expected one of `[-]`, `[~]`, received the text "~"' },
      { key: 'story_checklists', message: 'expected one of `shown`, `gated`, received the text "all"' },
    ]);
  });

  it('refuses a file that is not a mapping', () => {
    expect(parseConfig(['a'])).toEqual({
      ok: false,
      problems: [{ key: '(top level)', message: 'expected a mapping of keys, received a list' }],
    });
  });
});
