// What the App and the Action say on an issue when an event is refused or fails (plain values in, markdown out).

/** A command the author may not run. */
export function renderPermissionRefused(author: string, commandLabel: string, needed: string, held: string): string {
  return `@${author} ${commandLabel} needs ${needed} permission on this repository, and you have ${held}. Nothing was changed.`;
}

/** A command that failed; `retryable` failures (not the person's input) say how to finish. */
export function renderCommandFailed(commandLabel: string, message: string, retryable: boolean): string {
  const retry = retryable ? ' Anything already done is kept; comment the command again to finish.' : '';
  return `${commandLabel} failed: ${message}${retry}`;
}

/**
 * Shaping failed. A fault in what the issue says (`userInput`: its text too complex to read, say) is fixed in the
 * issue first; anything else (GitHub failing, a rate limit) is finished by trying again.
 */
export function renderShapingFailed(message: string, label: string, userInput = false): string {
  const again = `remove and add the \`${label}\` label again, or comment \`/shape-spec\``;
  const next = userInput
    ? `Edit the issue's description as this says, then ${again}, to shape it.`
    : `Anything already done is kept; ${again}, to finish.`;
  return `Could not shape this issue into a spec: ${message}\n\n${next}`;
}

export function renderSubIssueFailed(action: 'closed' | 'reopened', message: string): string {
  return action === 'closed'
    ? `Could not tick this task group in \`tasks.md\`: ${message} Reopen and close the issue again to retry.`
    : `Could not follow the reopening of this task group: ${message}`;
}

export function renderTicksRefused(sender: string, needed: string, held: string): string {
  return `@${sender} ticking tasks here needs ${needed} permission on this repository, and you have ${held}, so the checklist was put back as it was. Nothing was changed.`;
}

export function renderTicksOnFork(sender: string): string {
  return `@${sender} your ticks were not committed, and the checklist was put back as it was.`;
}

export function renderTicksMissing(sender: string, missing: number): string {
  return `@${sender} the task file changed since this checklist was written, so ${missing} of your ticks could not be matched to a task; the checklist now shows the task file as it is. Tick them again there.`;
}

export function renderAnswersEditedByHand(author: string, path: string): string {
  return `@${author} \`${path}\` was changed by hand since the App last wrote it, so these answers were not folded in (nothing is overwritten). Add them to the file yourself, or comment \`/shape-spec --force\` to rebuild it from the issue and every answer on it.`;
}

export function renderAnswersAfterSpec(author: string): string {
  return `@${author} your answers are in \`requirements.md\`. \`spec.md\` was written before them: comment \`/write-spec\` to bring it up to date.`;
}

export function renderAnswersFailed(author: string, message: string): string {
  return `@${author} your answers could not be folded into the requirements: ${message} Edit your reply (any small change) to try again.`;
}
