import { describe, expect, it } from '@jest/globals';
import { classifyChange } from '../../../src/core/issue/classify-change.js';
import { findIssueRequirements } from '../../../src/core/issue/find-issue-requirements.js';
import { traceRequirements } from '../../../src/core/spec/trace-requirements.js';
import { readFeatureRequests, sectionOf, shapeFeatureRequest } from '../../../support/feature-requests.js';

const requests = readFeatureRequests();

describe.each(requests)('feature request $name', (request) => {
  const shaped = shapeFeatureRequest(request);
  const { expected } = request;
  const asked = shaped.questions.map((q) => q.text);

  it('is recognised as the kind of change it is', () => {
    const { kinds } = classifyChange(request.meta.title, request.body);
    for (const kind of expected.kinds) expect(kinds).toContain(kind);
  });

  it('asks only what this kind of change leaves open, quoting the issue, never contradicting it', () => {
    expect(shaped.unasked).toEqual(expected.knownUnasked ?? []);
    // Each entry is a pattern (`\\bscreens?\\b` must not match "screenshot").
    for (const pattern of expected.notAsked) for (const q of asked) expect(q).not.toMatch(new RegExp(pattern, 'i'));
    for (const quote of expected.quoted ?? []) expect(asked.some((q) => q.includes(quote))).toBe(true);
  });

  it('finds the requirements in bullets, prose and examples, and leaves the noise out', () => {
    const found = findIssueRequirements(shaped.issue).requirements.map((r) => r.text);
    for (const text of expected.requirements) expect(found.some((r) => r.includes(text))).toBe(true);
    for (const text of expected.notRequirements ?? []) expect(found.some((r) => r.includes(text))).toBe(false);
    for (const contract of expected.contracts ?? [])
      expect(sectionOf(shaped.specMd, 'Specific Requirements')).toContain(contract);
  });

  it('puts each answer, as written, in the section it answers', () => {
    for (const [section, texts] of Object.entries(expected.sections)) {
      for (const text of texts) expect(sectionOf(shaped.specMd, section)).toContain(text);
    }
    expect(sectionOf(shaped.specMd, 'Out of Scope')).not.toContain('Anything not listed under Specific Requirements');
  });

  it('carries every behaviour-changing answer to a specific requirement that a task names', () => {
    for (const topic of expected.answersToTasks) {
      const answer = (request.answers as Record<string, string>)[topic] ?? '';
      const requirement = shaped.spec.requirements.find((r) =>
        r.bullets.some((b) => b.text.includes(answer.slice(0, 30))),
      );
      expect(requirement).toBeDefined();
      expect(shaped.tasksMd).toContain(`Implement Specific Requirement ${requirement?.number ?? 0}: `);
    }
  });

  it('groups the tasks by the kinds of work the spec contains, and traces every requirement to a task', () => {
    for (const group of expected.groups ?? [])
      expect(shaped.tasksMd).toMatch(new RegExp(`#### Task Group \\d+: ${group}\\n`));
    for (const heading of expected.notGroups ?? []) expect(shaped.tasksMd).not.toContain(`### ${heading}\n`);
    expect(traceRequirements(shaped.specMd, shaped.tasksMd).untraced).toEqual([]);
    expect(shaped.spec.requirements.length).toBeGreaterThan(0);
  });
});
