import { PRODUCT_FILES, renderDraftingNote, type DraftingNote } from '../model/render-drafting-note.js';

// The reply to `/plan-product`, from what the phase did (plain values in, the comment's markdown out).

export type PlannedProduct =
  | { status: 'asked'; questions: number; comment: 'created' | 'updated' | 'unchanged'; commentId: number }
  | { status: 'exists'; folderUrl: string }
  | {
      status: 'opened' | 'updated' | 'unchanged' | 'kept';
      pullRequest: { number: number };
      branch: string;
      stack: number;
      features: number;
      drafting?: DraftingNote | undefined;
    };

/** The reply's text, or `undefined` when the questions comment written for this command is the reply. */
export function renderPlanProductReply(result: PlannedProduct, issueHtmlUrl: string): string | undefined {
  if (result.status === 'asked') {
    if (result.comment !== 'unchanged') return undefined;
    const one = result.questions === 1;
    const which = one ? 'The question' : `The ${result.questions} questions`;
    return `${which} [above](${issueHtmlUrl}#issuecomment-${result.commentId}) ${one ? 'is' : 'are'} still open: Agent OS needs ${one ? 'its answer' : 'their answers'} before it can plan the product. Answer in a reply (or edit the issue), then comment \`/plan-product\` again.`;
  }
  if (result.status === 'exists') {
    return `This repository already has [product docs](${result.folderUrl}), so nothing was written. Comment \`/plan-product --force\` to write them again from this issue (the pull request then replaces them).`;
  }
  const stack =
    result.stack === 0
      ? 'no manifests were found, so `tech-stack.md` says so'
      : `${result.stack} tech stack entries were detected from the repository`;
  const verb = {
    opened: 'opened in',
    updated: 'updated in',
    unchanged: 'already up to date in',
    kept: 'already open in',
  }[result.status];
  const kept =
    result.status === 'kept'
      ? ` Its files were left as they are; comment \`/plan-product --force\` to write them again from this issue.`
      : '';
  return `The product plan is ${verb} #${result.pullRequest.number} (branch \`${result.branch}\`): mission, a roadmap of ${result.features} items, and the tech stack (${stack}).${kept}${result.drafting === undefined ? '' : `\n\n${renderDraftingNote(PRODUCT_FILES, result.drafting)}`}`;
}
