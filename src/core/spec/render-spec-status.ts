import { markerLine, type SpecLinks } from './render-comments.js';

/** The hidden first line of the one comment per issue that says where its spec stands (edited in place). */
export const SPEC_STATUS_MARKER = 'agent-os-github:spec-status';

/** Where an issue's spec stands, read from the files on its spec branch. */
export type SpecPhase =
  | { phase: 'shaping'; questionsUrl?: string }
  | { phase: 'spec-written'; specUrl: string }
  | { phase: 'tasks-created'; tasksUrl: string; required: number; complete: number; orchestrated: boolean };

function whereItIs(links: SpecLinks): string {
  const pr = links.pullRequest;
  const prText = pr === undefined ? '' : `, in ${pr.draft ? 'draft ' : ''}pull request [#${pr.number}](${pr.url})`;
  return `[\`${links.location.folder}\`](${links.folderUrl}) on the branch [\`${links.location.branch}\`](${links.branchUrl})${prText}`;
}

/** What is true of the spec now, and the command that moves it on. */
function phaseLines(status: SpecPhase, checkName: string): string[] {
  if (status.phase === 'shaping') {
    const questions =
      status.questionsUrl === undefined
        ? 'the clarifying questions'
        : `[the clarifying questions](${status.questionsUrl})`;
    return [
      `**Phase: shaping.** \`planning/requirements.md\` holds the issue; \`spec.md\` is not written yet.`,
      '',
      `**Next:** answer ${questions} in a reply (anything left unanswered keeps its proposed default), then comment \`/write-spec\`.`,
    ];
  }
  if (status.phase === 'spec-written') {
    return [
      `**Phase: spec written.** [\`spec.md\`](${status.specUrl}) is written; \`tasks.md\` is not yet.`,
      '',
      '**Next:** review `spec.md` in the pull request, then comment `/create-tasks`. (Answers given since it was written? Comment `/write-spec` first.)',
    ];
  }
  const progress = `${status.complete} of ${status.required} required task${status.required === 1 ? '' : 's'} complete`;
  const done = status.required > 0 && status.complete === status.required;
  return [
    `**Phase: ${done ? 'tasks complete' : 'implementing'}.** [\`tasks.md\`](${status.tasksUrl}) is written: ${progress}.`,
    '',
    done
      ? `**Next:** every required task is complete, so the \`${checkName}\` check passes: review and merge the pull request.`
      : status.orchestrated
        ? `**Next:** implement the task groups (one sub-issue each) and tick their tasks; the \`${checkName}\` check passes once every required task is complete.`
        : `**Next:** comment \`/orchestrate-tasks\` for one sub-issue and implementation prompt per task group, or implement the tasks and tick them; the \`${checkName}\` check passes once every required task is complete.`,
  ];
}

/**
 * The reply to a second shaping request (the label added again, or `/shape-spec`) on an issue whose spec exists:
 * where it is, the phase it is in, and the next command. Kept as one comment per issue for the label, rewritten in
 * place, so adding the label again never piles up replies and never says something no longer true.
 */
export function renderSpecStatus(
  eventKey: string | undefined,
  links: SpecLinks,
  status: SpecPhase,
  checkName: string,
): string {
  return [
    ...(eventKey === undefined ? [] : [markerLine(SPEC_STATUS_MARKER, eventKey)]),
    `The spec for this issue already exists: ${whereItIs(links)}.`,
    '',
    ...phaseLines(status, checkName),
    '',
    'To rebuild `requirements.md` from the issue and every answer on it, comment `/shape-spec --force`.',
  ].join('\n');
}

/** The same comment for a spec already merged into the default branch: where it is, and how to change it. */
export function renderSpecMerged(eventKey: string, message: string): string {
  return [markerLine(SPEC_STATUS_MARKER, eventKey), message].join('\n');
}
