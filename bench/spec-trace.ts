import { writeFileSync } from 'node:fs';
import { sectionOf, readFeatureRequests, shapeFeatureRequest } from '../support/feature-requests.js';
import { parseRequirements } from '../src/core/spec/parse-requirements.js';
import { routeAnswers } from '../src/core/spec/route-answers.js';
import { traceRequirements } from '../src/core/spec/trace-requirements.js';

/** Spec sections an answer can change (the Q&A list under Specific Requirements does not count). */
const SECTIONS = ['User Stories', 'Visual Design', 'Existing Code to Leverage', 'Out of Scope'];

interface Row {
  fixture: string;
  questions: number;
  quoting: number;
  answers: number;
  changedSection: number;
  behaviour: number;
  reachedTask: number;
  requirements: number;
  traced: number;
}

/**
 * The trace report of issue 13, per feature-request fixture: questions that quote the issue, answers that changed a
 * spec section, behaviour-changing answers that reached a task, requirements traced to tasks.
 */
export function specTraceReport(): Row[] {
  return readFeatureRequests().map((request) => {
    const shaped = shapeFeatureRequest(request);
    const clarifying = shaped.questions.filter((q) => q.topic !== 'reuse' && q.topic !== 'visuals');
    // A question quotes the issue when a “…” or `…` in it (other than the title) is the issue's own text.
    const plainBody = request.body.replace(/[*_`\\]/g, '');
    const quotes = (text: string) =>
      [...text.matchAll(/“([^”]+)”|`([^`]+)`/g)].map((m) =>
        (m[1] ?? m[2] ?? '')
          .replace(/[\\*_`]/g, '')
          .replace(/…$/, '')
          .slice(0, 20),
      );
    const quoting = clarifying.filter((q) =>
      quotes(q.text).some((t) => t !== '' && !request.meta.title.includes(t) && plainBody.includes(t)),
    ).length;
    const doc = parseRequirements(shaped.requirementsMd);
    const answered = doc.discussion.filter((d) => !d.defaulted);
    const routed = routeAnswers(doc.discussion, []);
    const specific =
      sectionOf(shaped.specMd, 'Specific Requirements').split('**Decisions from the requirements discussion**')[0] ??
      '';
    const placed = [
      ...routed.outOfScope,
      ...routed.reuse,
      ...routed.visuals,
      ...routed.users,
      ...routed.acceptance,
      ...routed.requirements,
    ];
    const changed = answered.filter((d) =>
      placed.some(
        (p) =>
          p.question === d.number &&
          [specific, ...SECTIONS.map((s) => sectionOf(shaped.specMd, s))].some((text) =>
            text.includes(p.text.slice(0, 25)),
          ),
      ),
    ).length;
    const behaviour = new Set([
      ...routed.requirements.map((r) => r.question),
      ...routed.acceptance.map((a) => a.question),
    ]);
    const reached = [...behaviour].filter((question) => {
      const text = doc.discussion.find((d) => d.number === question)?.answer.slice(0, 25) ?? '';
      const requirement = shaped.spec.requirements.find((r) =>
        [...r.bullets, ...r.acceptance].some((b) => b.text.includes(text)),
      );
      return requirement !== undefined && shaped.tasksMd.includes(`Specific Requirement ${requirement.number}:`);
    }).length;
    const trace = traceRequirements(shaped.specMd, shaped.tasksMd);
    return {
      fixture: request.name,
      questions: clarifying.length,
      quoting,
      answers: answered.length,
      changedSection: changed,
      behaviour: behaviour.size,
      reachedTask: reached,
      requirements: trace.requirements,
      traced: trace.requirements - trace.untraced.length,
    };
  });
}

const rows = specTraceReport();
const sum = (key: keyof Row) => rows.reduce((n, r) => n + Number(r[key]), 0);
const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
console.log('Spec trace report (deterministic drafter, test/fixtures/feature-requests)\n');
console.log(
  line([
    'fixture',
    'questions',
    'quoting the issue',
    'answers',
    'changed a section',
    'behaviour answers',
    'reached a task',
    'requirements',
    'traced to a task',
  ]),
);
console.log(line(Array.from({ length: 9 }, () => '---')));
for (const r of rows)
  console.log(
    line([
      r.fixture,
      r.questions,
      r.quoting,
      r.answers,
      r.changedSection,
      r.behaviour,
      r.reachedTask,
      r.requirements,
      r.traced,
    ]),
  );
console.log(
  line([
    '**all**',
    sum('questions'),
    sum('quoting'),
    sum('answers'),
    sum('changedSection'),
    sum('behaviour'),
    sum('reachedTask'),
    sum('requirements'),
    sum('traced'),
  ]),
);
writeFileSync('bench-results/spec-trace.json', `${JSON.stringify(rows, null, 2)}\n`);
