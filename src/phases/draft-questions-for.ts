import type { LifecycleSettings } from '../core/config/lifecycle-settings.js';
import type { ParsedIssue } from '../core/issue/parse-issue.js';
import type { ChatModel } from '../core/model/chat-model.js';
import type { ClarifyingQuestion, SpecDrafter } from '../core/spec/clarifying-question.js';
import type { QuestionsDrafted } from '../core/spec/shaping-state.js';
import { draftQuestionsWithModel } from '../model/draft-questions-with-model.js';
import type { EventLog } from './lifecycle-context.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';
import { readStackInWorkspace } from './read-stack-in-tree.js';

/** What asking the questions needs: the rules' drafter, the model when one is configured, the `drafter` setting. */
export interface QuestionDrafting {
  drafter: SpecDrafter;
  model?: ChatModel;
  settings: Pick<LifecycleSettings, 'drafter'>;
  log: EventLog;
  /** Where the repository's paths were read: the model's grounding reads the stack's manifests there. */
  workspace?: Pick<SpecWorkspace, 'readFile'>;
}

/**
 * The clarifying questions for an issue: by the configured model when the repository's `drafter` setting is
 * `model` (held to the check, the deterministic questions as the floor), else by the deterministic drafter.
 * `note` says who asked (empty without a model).
 */
export async function draftQuestionsFor(
  ctx: QuestionDrafting,
  issue: ParsedIssue,
  /** The repository's paths, when the caller read its tree. */
  repositoryPaths: readonly string[] = [],
): Promise<{ questions: ClarifyingQuestion[]; drafted?: QuestionsDrafted; note: string }> {
  const floor = await ctx.drafter.draftQuestions(issue, repositoryPaths);
  if (ctx.model === undefined || ctx.settings.drafter !== 'model') return { questions: floor, note: '' };
  // The stack from the manifests the tree shows (read only when a model asks, and only when the tree was read).
  const stack =
    repositoryPaths.length === 0 || ctx.workspace === undefined
      ? []
      : await readStackInWorkspace(ctx.workspace, repositoryPaths);
  return draftQuestionsWithModel(ctx.model, {
    grounding: { title: issue.title, issueLines: issue.body.split('\n'), floor, stack },
    log: ctx.log,
  });
}
