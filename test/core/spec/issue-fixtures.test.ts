import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemsOfKind, parseIssue } from '../../../src/core/issue/parse-issue.js';
import type { ClarifyingQuestion } from '../../../src/core/spec/clarifying-question.js';
import { deterministicDrafter, MAX_QUESTIONS, MIN_QUESTIONS } from '../../../src/core/spec/deterministic-drafter.js';
import { foldAnswers } from '../../../src/core/spec/fold-answers.js';
import { makeSlug } from '../../../src/core/spec/make-slug.js';
import { parseAnswers, parseReply } from '../../../src/core/spec/parse-answers.js';
import { parseRequirements } from '../../../src/core/spec/parse-requirements.js';
import { FUNCTIONAL_KINDS, renderRequirements } from '../../../src/core/spec/render-requirements.js';
import { renderSpec } from '../../../src/core/spec/render-spec.js';

const ROOT = 'test/fixtures/issues';

interface Expected {
  slug: string | null;
  requirements: string[];
  acceptance: string[];
  outOfScope: string[];
  answers: Record<string, string>;
  unclear: number[];
  images: string[];
}

interface Meta {
  title: string;
  number: number;
  createdAt: string;
  author: string;
}

const fixtures = readdirSync(ROOT).map((name) => {
  const read = (file: string) => readFileSync(join(ROOT, name, file), 'utf8');
  return {
    name,
    body: read('issue.md'),
    answers: read('answers.md'),
    meta: JSON.parse(read('meta.json')) as Meta,
    expected: JSON.parse(read('expected.json')) as Expected,
  };
});

/** Whitespace-insensitive: the same words in the same order. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The bot asked six clarifying questions and the two standing requests; answers are read against those numbers. */
const ASKED: ClarifyingQuestion[] = Array.from({ length: 8 }, (_, i) => ({
  number: i + 1,
  topic: 'scope',
  text: `Question ${i + 1}`,
  default: `Default ${i + 1}`,
}));

function shaped(f: (typeof fixtures)[number]) {
  const issue = parseIssue(f.meta.title, f.body);
  const questions = deterministicDrafter.draftQuestions(issue) as ClarifyingQuestion[];
  const reply = parseReply(f.answers, questions);
  const { answers } = reply;
  const { state } = foldAnswers({ issue: f.meta.number, questions, answers: {} }, reply, {
    id: 1000,
    author: f.meta.author,
  });
  const requirements = renderRequirements({
    issue,
    issueNumber: f.meta.number,
    issueUrl: `https://github.com/acme/app/issues/${f.meta.number}`,
    branch: `agent-os/${f.meta.number}-x`,
    state,
  });
  return { issue, questions, answers, requirements, spec: renderSpec(parseRequirements(requirements)) };
}

/**
 * Each fixture shaped once for the tests that only read the result (plain data, never changed by a test); the
 * test of determinism shapes it again itself.
 */
const shapedOnce = new Map<string, ReturnType<typeof shaped>>();
function shapedFixture(f: (typeof fixtures)[number]): ReturnType<typeof shaped> {
  const known = shapedOnce.get(f.name);
  if (known !== undefined) return known;
  const result = shaped(f);
  shapedOnce.set(f.name, result);
  return result;
}

describe.each(fixtures)('issue fixture $name', (f) => {
  it('has a safe slug that matches the hand-written one', () => {
    expect(makeSlug(f.meta.title, `issue-${f.meta.number}`)).toBe(f.expected.slug ?? `issue-${f.meta.number}`);
  });

  it('finds exactly the requirement, acceptance and out-of-scope items (none from code or HTML comments)', () => {
    const { issue } = shapedFixture(f);
    expect(itemsOfKind(issue, FUNCTIONAL_KINDS).map((i) => i.text)).toEqual(f.expected.requirements);
    expect(itemsOfKind(issue, ['acceptance']).map((i) => i.text)).toEqual(f.expected.acceptance);
    expect(itemsOfKind(issue, ['out-of-scope']).map((i) => i.text)).toEqual(f.expected.outOfScope);
  });

  it('carries every requirement, acceptance criterion and out-of-scope item into requirements.md and spec.md', () => {
    const { requirements, spec } = shapedFixture(f);
    for (const item of [...f.expected.requirements, ...f.expected.acceptance, ...f.expected.outOfScope]) {
      expect(requirements).toContain(`- ${item}\n`);
      expect(spec).toContain(`- ${item}\n`);
    }
    expect(requirements).toContain(f.body.replace(/\r\n/g, '\n').trimEnd());
  });

  it('reads the answers verbatim, with the unclear ones and the images', () => {
    const answers = parseAnswers(f.answers, ASKED);
    expect(Object.fromEntries(answers.map((a) => [String(a.number), a.text]))).toEqual(f.expected.answers);
    expect(answers.filter((a) => a.unclear).map((a) => a.number)).toEqual(f.expected.unclear);
    expect(parseReply(f.answers, ASKED).images).toEqual(f.expected.images);
  });

  it('asks 4 to 8 clarifying questions as assumptions with defaults, then the reuse and visuals requests', () => {
    const { questions } = shapedFixture(f);
    const clarifying = questions.filter((q) => q.topic !== 'reuse' && q.topic !== 'visuals');
    expect(clarifying.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
    expect(clarifying.length).toBeLessThanOrEqual(MAX_QUESTIONS);
    for (const q of clarifying) {
      // An assumption with a way to disagree; it may open by quoting the issue.
      expect(q.text).toMatch(/\bI assume\b.+\?$/);
      expect(q.default).not.toBe('');
    }
    expect(questions.slice(-2).map((q) => q.topic)).toEqual(['reuse', 'visuals']);
    expect(questions.map((q) => q.number)).toEqual(questions.map((_, i) => i + 1));
    expect(shaped(f).questions).toEqual(questions);
  });

  it('puts every answer, word for word, into requirements.md and spec.md', () => {
    const { answers, requirements, spec } = shapedFixture(f);
    for (const answer of answers.filter((a) => a.text !== '')) {
      expect(squash(requirements)).toContain(squash(answer.text));
      expect(squash(spec)).toContain(squash(answer.text));
    }
  });
});
