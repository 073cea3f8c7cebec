import type { RequirementsDocument } from '../spec/parse-requirements.js';
import { parseSpec } from '../spec/parse-spec.js';
import type { StackEntry } from '../product/stack-entry.js';
import { isBehaviourChanging, type GroundingDocument, type SpecGrounding } from './spec-grounding.js';

/** Our own placeholder lines, which carry nothing. */
function real(texts: readonly string[]): string[] {
  return texts.filter(
    (t) =>
      !/^_.*_$/.test(t) &&
      !/^(No |None )/.test(t) &&
      t !== 'Anything not listed above.' &&
      t !== 'Anything not listed under Specific Requirements.',
  );
}

/** The visual assets requirements.md lists, as the deterministic spec carries them. */
export function visualsOf(doc: RequirementsDocument): string[] {
  return real(
    [...(doc.sections['Visual Assets/Files Provided'] ?? []), ...(doc.sections['Visual Assets/Visual Insights'] ?? [])]
      .filter((b) => b.depth === 0)
      .map((b) => b.text),
  );
}

/**
 * What the model drafts spec.md from: the issue's lines and answers from requirements.md, the floor's
 * requirements (the deterministic spec read back), and what was read of the repository.
 */
export function groundSpec(
  doc: RequirementsDocument,
  floorSpec: string,
  repository: { paths: readonly string[]; documents: readonly GroundingDocument[]; stack?: readonly StackEntry[] },
): SpecGrounding {
  const floor = parseSpec(floorSpec);
  return {
    title: doc.title,
    issueLines: doc.initialDescription.split('\n'),
    requirements: floor.requirements.map((r) => ({
      number: r.number,
      name: r.name,
      details: r.bullets.map((b) => `${'  '.repeat(b.depth)}${b.text}`),
    })),
    // The floor's criteria: the spec's own, and those it keeps under the requirement they name.
    acceptance: real(
      [...floor.acceptance, ...floor.requirements.flatMap((r) => r.acceptance)]
        .filter((b) => b.depth === 0)
        .map((b) => b.text),
    ),
    outOfScope: real(floor.outOfScope.filter((b) => b.depth === 0).map((b) => b.text)),
    answers: doc.discussion
      .filter((d) => !d.defaulted && d.answer.trim() !== '')
      .map((d) => ({
        number: d.number,
        question: d.question,
        answer: d.answer,
        behaviourChanging: isBehaviourChanging(d.answer),
      })),
    paths: [...repository.paths],
    documents: [...repository.documents],
    stack: [...(repository.stack ?? [])],
  };
}
