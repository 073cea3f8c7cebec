import { describe, expect, it } from '@jest/globals';
import { parseIssue } from '../../../src/core/issue/parse-issue.js';
import { embedVerbatim } from '../../../src/core/markdown/embed-verbatim.js';
import type { ClarifyingQuestion } from '../../../src/core/spec/clarifying-question.js';
import { deterministicDrafter } from '../../../src/core/spec/deterministic-drafter.js';
import { markFile, parseMarkedFile } from '../../../src/core/spec/file-marker.js';
import { foldAnswers, nextQuestionNumber } from '../../../src/core/spec/fold-answers.js';
import { parseReply } from '../../../src/core/spec/parse-answers.js';
import { parseRequirements } from '../../../src/core/spec/parse-requirements.js';
import { renderRequirements } from '../../../src/core/spec/render-requirements.js';
import { renderSpec, SPEC_SECTIONS } from '../../../src/core/spec/render-spec.js';
import { toShapingState, type ShapingState } from '../../../src/core/spec/shaping-state.js';

const BODY = [
  '## Problem',
  'Admins paste join links into Slack. Invites that expire cause errors.',
  '',
  '## Requirements',
  '- Admins can invite by **email**',
  '  - Up to 50 addresses at once',
  '- [ ] Invitees get a single-use link',
  '',
  '## Acceptance criteria',
  '- [ ] An invite expires after 7 days',
  '',
  '## Out of scope',
  '- SSO',
].join('\n');
const issue = parseIssue('Team invites by email', BODY);
const questions = deterministicDrafter.draftQuestions(issue) as ClarifyingQuestion[];
const empty: ShapingState = { issue: 12, questions, answers: {} };
const render = (state: ShapingState) =>
  renderRequirements({
    issue,
    issueNumber: 12,
    issueUrl: 'https://github.com/acme/app/issues/12',
    branch: 'agent-os/12-team-invites-by-email',
    state,
  });

describe('foldAnswers', () => {
  it('folds a reply once: the same reply again changes nothing', () => {
    const reply = parseReply('1. Only admins.\n2. not sure', questions);
    const first = foldAnswers(empty, reply, { id: 100, author: 'mara' });
    expect(first.changed).toEqual([1, 2]);
    expect(first.needFollowUp.map((f) => f.question.number)).toEqual([2]);
    const again = foldAnswers(first.state, reply, { id: 100, author: 'mara' });
    expect(again.changed).toEqual([]);
    expect(again.notesChanged).toBe(false);
    expect(render(again.state)).toBe(render(first.state));
  });

  it('lets an edited reply replace and withdraw its own answers, and a newer reply win over an older one', () => {
    const first = foldAnswers(empty, parseReply('1. Admins\n2. Yes', questions), { id: 100, author: 'mara' }).state;
    const edited = foldAnswers(first, parseReply('1. Admins and owners', questions), { id: 100, author: 'mara' });
    expect(edited.changed).toEqual([1, 2]);
    expect(edited.state.answers['1']?.text).toBe('Admins and owners');
    expect(edited.state.answers['2']).toBeUndefined();
    const newer = foldAnswers(edited.state, parseReply('1. Everyone', questions), { id: 200, author: 'lee' }).state;
    const olderEdit = foldAnswers(newer, parseReply('1. Admins only', questions), { id: 100, author: 'mara' });
    expect(olderEdit.state.answers['1']).toMatchObject({ text: 'Everyone', author: 'lee' });
  });

  it('asks at most three follow-ups in all, never twice for the same question', () => {
    const vague = questions
      .slice(0, 5)
      .map((q) => `${q.number}. not sure`)
      .join('\n');
    const folded = foldAnswers(empty, parseReply(vague, questions), { id: 100, author: 'mara' });
    expect(folded.needFollowUp).toHaveLength(3);
    const followUps = deterministicDrafter.draftFollowUps(
      questions,
      folded.needFollowUp,
      nextQuestionNumber(folded.state),
    ) as ClarifyingQuestion[];
    expect(followUps.map((q) => q.number)).toEqual([questions.length + 1, questions.length + 2, questions.length + 3]);
    expect(followUps[0]?.text).toContain('About question 1');
    const asked = { ...folded.state, questions: [...questions, ...followUps] };
    expect(foldAnswers(asked, parseReply(vague, questions), { id: 101, author: 'mara' }).needFollowUp).toEqual([]);
  });
});

describe('requirements.md', () => {
  it('records each answer verbatim, and the default for each unanswered question', () => {
    const state = foldAnswers(empty, parseReply('1. Only *admins*.\n\n   Members never.', questions), {
      id: 100,
      author: 'mara',
    }).state;
    const text = render(state);
    expect(text).toContain(
      `**Q1:** ${questions[0]?.text ?? ''}\n**Answer:**\n\n<!-- agent-os-github:verbatim -->\n\nOnly *admins*.\n\nMembers never.\n\n<!-- /agent-os-github:verbatim -->\n`,
    );
    expect(text).toContain(
      `**Q2:** ${questions[1]?.text ?? ''}\n**Answer:** _No answer yet: the proposed default stands._ ${questions[1]?.default ?? ''}\n`,
    );
  });

  it('keeps an answer with headings and lists to its own question: later answers are not cut off', () => {
    const reply = parseReply(
      '1. Admins only.\n\n   ### Details\n   Owners too.\n\n   ## More\n2. Yes exactly',
      questions,
    );
    const state = foldAnswers(empty, reply, { id: 100, author: 'mara' }).state;
    const doc = parseRequirements(render(state));
    expect(doc.discussion.find((d) => d.number === 1)?.answer).toBe(
      'Admins only.\n\n### Details\nOwners too.\n\n## More',
    );
    expect(doc.discussion.find((d) => d.number === 2)).toMatchObject({ answer: 'Yes exactly', defaulted: false });
    expect(doc.discussion).toHaveLength(questions.length);
    expect(renderSpec(doc)).toContain('**Answer:** Yes exactly');
  });

  it('keeps its state in a hidden last line, and tells a hand edit apart', () => {
    const text = render(empty);
    const marked = parseMarkedFile('requirements', text);
    expect(marked).toMatchObject({ marked: true, intact: true });
    expect(marked.marked && toShapingState(marked.data)).toEqual({ ...empty, notes: {} });
    expect(parseMarkedFile('requirements', text.replace('- SSO', '- SSO and SCIM'))).toMatchObject({
      marked: true,
      intact: false,
    });
    expect(parseMarkedFile('requirements', text.replace(/\n/g, '\r\n'))).toMatchObject({ intact: true });
    expect(parseMarkedFile('requirements', '# Hand-written\n')).toEqual({ marked: false });
  });

  it('keeps the marker safe from text that would end an HTML comment', () => {
    const state = foldAnswers(empty, parseReply('1. a --> b <!-- c', questions), { id: 1, author: 'x' }).state;
    const text = markFile('requirements', 'x', state);
    expect(text.trimEnd().split('\n').pop()).toMatch(/^<!-- agent-os-github:requirements \{.*\} -->$/);
    expect(parseMarkedFile('requirements', text)).toMatchObject({ marked: true, intact: true });
  });

  it('survives an issue body with an unclosed fence or comment: the sections after it stay sections', () => {
    for (const body of [
      '- a requirement\n\n```js\nconst x = 1;',
      '- a requirement\n\n<!-- unfinished comment',
      '<pre>\n- raw',
    ]) {
      const text = renderRequirements({
        issue: parseIssue('Odd', body),
        issueNumber: 1,
        issueUrl: 'u',
        branch: 'b',
        state: { issue: 1, questions, answers: {} },
      });
      const doc = parseRequirements(text);
      expect(doc.discussion.map((d) => d.number)).toEqual(questions.map((q) => q.number));
      expect(renderSpec(doc)).toContain('## Out of Scope');
    }
    expect(embedVerbatim('```js\nx')).toBe('```js\nx\n```');
    expect(embedVerbatim('<!-- open')).toBe('```markdown\n<!-- open\n```');
  });

  it('handles a 1 MB issue body', () => {
    const big = '- requirement line with some words in it\n'.repeat(25_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const parsed = parseIssue('Huge', big);
    const text = renderRequirements({
      issue: parsed,
      issueNumber: 1,
      issueUrl: 'u',
      branch: 'b',
      state: { issue: 1, questions, answers: {} },
    });
    expect(parseMarkedFile('requirements', text)).toMatchObject({ marked: true, intact: true });
    expect(renderSpec(parseRequirements(text))).toContain('**25000. requirement line with some words in it**');
  });
});

describe('spec.md', () => {
  it('has the Agent OS sections in order and carries requirements, criteria, answers and exclusions over', () => {
    const state = foldAnswers(empty, parseReply('1. Only admins.\n\nQ2: Resend replaces the old link.', questions), {
      id: 100,
      author: 'mara',
    }).state;
    const spec = renderSpec(parseRequirements(render(state)));
    const headings = spec.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(SPEC_SECTIONS.map((s) => `## ${s}`));
    for (const line of [
      '- Admins can invite by **email**',
      '  - Up to 50 addresses at once',
      '- Invitees get a single-use link',
      '- An invite expires after 7 days',
      '- SSO',
    ]) {
      expect(spec).toContain(`${line}\n`);
    }
    expect(spec).toContain('**Answer:** Only admins.');
    expect(spec).toContain('**Answer:** Resend replaces the old link.');
    expect(spec).toContain('**1. Admins can invite by email**');
    expect(spec).toMatch(/## Goal\n\nAdmins paste join links into Slack\. Invites that expire cause errors\./);
  });

  it('follows edits people made to requirements.md', () => {
    const edited = render(empty).replace('**Out of Scope:**\n\n- SSO', '**Out of Scope:**\n\n- SSO\n- Bulk CSV import');
    expect(renderSpec(parseRequirements(edited))).toContain('## Out of Scope\n\n- SSO\n- Bulk CSV import\n');
  });
});
