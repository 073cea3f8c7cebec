// `npm run eval`: the model drafter over the fixture issues, with whatever endpoint the environment names, and the
// guard's figures per fixture. With no endpoint it says so, shows the prompt sizes, and exits 0.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateTokens } from '../src/core/model/build-spec-prompt.js';
import { groundSpec, visualsOf } from '../src/core/model/ground-spec.js';
import { parseIssue } from '../src/core/issue/parse-issue.js';
import { deterministicDrafter } from '../src/core/spec/deterministic-drafter.js';
import { findCodePaths } from '../src/core/spec/find-code-paths.js';
import { foldAnswers } from '../src/core/spec/fold-answers.js';
import { parseReply } from '../src/core/spec/parse-answers.js';
import { parseRequirements } from '../src/core/spec/parse-requirements.js';
import { renderRequirements } from '../src/core/spec/render-requirements.js';
import { renderSpec } from '../src/core/spec/render-spec.js';
import { draftSpecWithModel, prepareSpecDraft } from '../src/model/draft-spec-with-model.js';
import { modelFromEnvironment } from '../src/model/model-from-environment.js';
import { evalPlanAndPrompts, printPlanAndPromptSizes } from './plan-and-prompts-eval.js';

const ROOT = 'test/fixtures/issues';
const BUDGET = 12_000;

interface Meta {
  title: string;
  number: number;
  author: string;
}

/** A fixture shaped as the App shapes it: the questions asked, the answers folded into requirements.md. */
async function shape(name: string) {
  const read = (file: string) => readFileSync(join(ROOT, name, file), 'utf8');
  const meta = JSON.parse(read('meta.json')) as Meta;
  const body = read('issue.md');
  const answers = read('answers.md');
  const issue = parseIssue(meta.title, body);
  const questions = await deterministicDrafter.draftQuestions(issue);
  const reply = parseReply(answers, questions);
  const { state } = foldAnswers({ issue: meta.number, questions, answers: {} }, reply, { id: 1, author: meta.author });
  const requirements = renderRequirements({
    issue,
    issueNumber: meta.number,
    issueUrl: `#${meta.number}`,
    branch: `agent-os/${meta.number}-x`,
    state,
  });
  const doc = parseRequirements(requirements);
  const floor = renderSpec(doc);
  // The fixtures have no repository: the paths the issue and the answers name stand for its tree.
  const paths = [...new Set(findCodePaths(`${body}\n${answers}`))];
  return { doc, floor, grounding: groundSpec(doc, floor, { paths, documents: [] }) };
}

const configured = modelFromEnvironment(process.env);
const fixtures = readdirSync(ROOT).sort();
const rows: string[][] = [];
if (configured.model === undefined) {
  console.log(
    `npm run eval: no model endpoint is configured${configured.problem === undefined ? '' : ` (${configured.problem})`}, so nothing was sent.\n` +
      'Set AGENT_OS_MODEL (and AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN) to run the drafter; see docs/model-drafter.md.\n\nPrompt size per fixture (estimated at 4 characters a token):\n',
  );
  for (const name of fixtures) {
    const { grounding } = await shape(name);
    const prepared = prepareSpecDraft(grounding, 'none', BUDGET);
    rows.push([
      name,
      String(grounding.requirements.length),
      String(grounding.answers.filter((a) => a.behaviourChanging).length),
      String(prepared.messages.reduce((n, m) => n + estimateTokens(m.content), 0)),
    ]);
  }
  console.table(
    rows.map(([fixture, requirements, answers, tokens]) => ({
      fixture,
      requirements,
      answers,
      'prompt tokens': tokens,
    })),
  );
  printPlanAndPromptSizes();
  process.exit(0);
}

const { model } = configured;
console.log(`npm run eval: drafting ${fixtures.length} fixture issues with ${configured.description ?? model.name}\n`);
let prompt = 0;
let completion = 0;
for (const name of fixtures) {
  const { doc, floor, grounding } = await shape(name);
  const prepared = prepareSpecDraft(grounding, model.name, BUDGET);
  const drafted = await draftSpecWithModel({ model, grounding, prepared, floor, visuals: visualsOf(doc) });
  prompt += drafted.usage.promptTokens;
  completion += drafted.usage.completionTokens;
  const f = drafted.by === 'model' ? drafted.figures : undefined;
  rows.push([
    name,
    drafted.by === 'model' ? `model${drafted.repaired ? ' (repaired)' : ''}` : `fallback: ${drafted.reason}`,
    f ? `${f.requirementsCovered}/${f.requirementsTotal}` : '-',
    f ? `${f.answersCarried}/${f.answersTotal}` : '-',
    f ? `${f.pathsExisting}/${f.pathsCited}` : '-',
    f ? String(f.proposed) : '-',
    `${drafted.usage.calls} / ${drafted.usage.promptTokens} + ${drafted.usage.completionTokens}`,
  ]);
}
console.table(
  rows.map(([fixture, by, requirements, answers, paths, proposed, usage]) => ({
    fixture,
    by,
    'requirements covered': requirements,
    'answers carried': answers,
    'cited paths existing': paths,
    proposed,
    'calls / tokens': usage,
  })),
);
console.log(
  `\nTotal: ${prompt} prompt + ${completion} completion tokens; ${Math.round((prompt + completion) / fixtures.length)} a spec on average.`,
);
const more = await evalPlanAndPrompts(model);
console.log(`Plans and group prompts: ${more.prompt} prompt + ${more.completion} completion tokens.`);
