// The product plan and the group prompts in `npm run eval`: per fixture, the guard's figures with a model, or the
// prompt sizes without one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGroupPromptRequest } from '../src/core/model/build-group-prompt-request.js';
import { buildProductPrompt } from '../src/core/model/build-product-prompt.js';
import { estimateTokens } from '../src/core/model/build-spec-prompt.js';
import type { ChatMessage, ChatModel } from '../src/core/model/chat-model.js';
import { groundGroupPrompt } from '../src/core/model/ground-group-prompt.js';
import { groundProduct } from '../src/core/model/product-grounding.js';
import type { DraftingNote } from '../src/core/model/render-drafting-note.js';
import { splitIssueFile } from '../src/core/issue/split-issue-file.js';
import { renderGroupPrompt } from '../src/core/orchestration/group-prompt.js';
import { missingProductInfo, parseProductBrief } from '../src/core/product/parse-product-brief.js';
import { renderMission, renderRoadmap } from '../src/core/product/render-product.js';
import { parseTaskFile } from '../src/core/tasks/parse-task-file.js';
import { draftGroupPrompt } from '../src/model/draft-group-prompt.js';
import { draftProductFiles } from '../src/model/draft-product-file.js';

const BRIEFS = 'test/fixtures/product/briefs';
const TASK_FILES = [
  'test/fixtures/orchestration/team-invites-tasks.md',
  'test/fixtures/orchestration/twelve-groups-tasks.md',
];
const BUDGET = 12_000;
const log = { info: () => undefined };
const tokens = (messages: readonly ChatMessage[]) => messages.reduce((n, m) => n + estimateTokens(m.content), 0);

/** The fixture briefs that say all plan-product needs (the others get questions, never a model call). */
function briefs() {
  return readdirSync(BRIEFS)
    .sort()
    .map((name) => {
      const split = splitIssueFile(readFileSync(join(BRIEFS, name), 'utf8'));
      const brief = parseProductBrief(split.title ?? name.replace(/\.md$/, ''), split.body);
      return { name, brief, body: split.body, complete: missingProductInfo(brief).length === 0 };
    });
}

/** Every task group of the fixture task files, with its deterministic prompt. */
function groups() {
  return TASK_FILES.flatMap((path) => {
    const source = readFileSync(path, 'utf8');
    const tasks = parseTaskFile(source, { path });
    const folder = 'agent-os/specs/2026-01-01-fixture';
    const links = {
      specFolder: folder,
      spec: `${folder}/spec.md`,
      requirements: `${folder}/planning/requirements.md`,
      tasks: `${folder}/tasks.md`,
      visuals: [],
    };
    return tasks.groups
      .filter((g) => g.tasks.length > 0)
      .map((group) => ({
        name: `${path.slice(path.lastIndexOf('/') + 1)} #${group.number ?? group.index + 1}`,
        floor: renderGroupPrompt({ tasks, tasksSource: source, group, links, specTitle: 'Fixture' }),
        // The fixtures have no repository or spec: the tasks and the detected stack (none) are the grounding.
        grounding: groundGroupPrompt({ tasks, group, specTitle: 'Fixture', spec: undefined, paths: [], stack: [] }),
      }));
  });
}

function figures(note: DraftingNote): Record<string, string> {
  if (note.by !== 'model')
    return {
      by: note.by === 'cached' ? 'cached' : `fallback: ${note.reason}`,
      carried: '-',
      'cited paths existing': '-',
      proposed: '-',
      'calls / tokens':
        note.by === 'cached'
          ? '0'
          : `${note.usage.calls} / ${note.usage.promptTokens} + ${note.usage.completionTokens}`,
    };
  const f = note.figures;
  return {
    by: `model${note.repaired ? ' (repaired)' : ''}`,
    carried: `${f.requirementsCovered}/${f.requirementsTotal}`,
    'cited paths existing': `${f.pathsExisting}/${f.pathsCited}`,
    proposed: String(f.proposed),
    'calls / tokens': `${note.usage.calls} / ${note.usage.promptTokens} + ${note.usage.completionTokens}`,
  };
}

/** Prompt sizes of the plans and the group prompts, as no model is configured. */
export function printPlanAndPromptSizes(): void {
  console.log('\nProduct plan (mission.md + roadmap.md, one call) per fixture brief:\n');
  console.table(
    briefs().map((b) => ({
      brief: b.name,
      'items to carry': b.complete
        ? String(groundProduct({ brief: b.brief, issueBody: b.body, paths: [], stack: [] }).floor.length)
        : '- (asks questions first)',
      'prompt tokens': b.complete
        ? String(
            tokens(
              buildProductPrompt(groundProduct({ brief: b.brief, issueBody: b.body, paths: [], stack: [] }), BUDGET),
            ),
          )
        : '-',
    })),
  );
  console.log('\nGroup prompt guidance (one call a group) per fixture task group:\n');
  console.table(
    groups().map((g) => ({
      group: g.name,
      tasks: String(g.grounding.tasks.length),
      'prompt tokens': String(tokens(buildGroupPromptRequest(g.grounding, BUDGET))),
    })),
  );
}

/** The model's plans and group guidance for the fixtures, with the guard's figures; returns the tokens spent. */
export async function evalPlanAndPrompts(model: ChatModel): Promise<{ prompt: number; completion: number }> {
  let prompt = 0;
  let completion = 0;
  const count = (note: DraftingNote) => {
    if (note.by === 'cached') return;
    prompt += note.usage.promptTokens;
    completion += note.usage.completionTokens;
  };
  const plans: Array<Record<string, string>> = [];
  for (const b of briefs().filter((x) => x.complete)) {
    const floor = { mission: renderMission(b.brief), roadmap: renderRoadmap(b.brief) };
    const drafted = await draftProductFiles(model, {
      brief: b.brief,
      issueBody: b.body,
      floor,
      existing: {},
      paths: [],
      stack: [],
      budgetTokens: BUDGET,
      log,
    });
    count(drafted.note);
    plans.push({ brief: b.name, ...figures(drafted.note) });
  }
  console.log(
    '\nProduct plans (carried: items of the description: pitch, users, problem, differentiators, key features):\n',
  );
  console.table(plans);
  const prompts: Array<Record<string, string>> = [];
  for (const g of groups()) {
    const drafted = await draftGroupPrompt(model, {
      grounding: g.grounding,
      floor: g.floor,
      existingText: undefined,
      budgetTokens: BUDGET,
      log,
    });
    count(drafted.note);
    prompts.push({ group: g.name, ...figures(drafted.note) });
  }
  console.log('\nGroup prompts (carried: tasks of the group addressed by a step):\n');
  console.table(prompts);
  return { prompt, completion };
}
