import { z } from 'zod';

// The fields of each webhook payload the App reads, checked before a delivery is accepted. A payload that is signed
// but lacks them (a hand-made test delivery, a proxy that rewrote it) is answered 400 with the reason: a 500 would
// make the sender retry something that can never work.

const user = z.object({ login: z.string(), type: z.string().optional() });
const repository = z.object({
  name: z.string(),
  full_name: z.string(),
  html_url: z.string(),
  default_branch: z.string(),
  owner: z.object({ login: z.string() }),
});
const issue = z.object({
  number: z.number().int(),
  body: z.string().nullish(),
  labels: z.array(z.object({ name: z.string() })).optional(),
  state_reason: z.string().nullish(),
});
const pullRequest = z.object({
  number: z.number().int(),
  html_url: z.string(),
  merged: z.boolean().nullish(),
  head: z.object({ sha: z.string(), ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
});
const commitRef = z.object({ head_sha: z.string(), pull_requests: z.array(z.object({ number: z.number().int() })) });

const SCHEMAS: Record<string, z.ZodType> = {
  issues: z.object({ repository, issue, sender: user }),
  issue_comment: z.object({
    repository,
    sender: user,
    issue: issue.extend({ labels: z.array(z.object({ name: z.string() })) }),
    comment: z.object({ id: z.number().int(), body: z.string(), user: user.nullable() }),
  }),
  pull_request: z.object({ repository, pull_request: pullRequest }),
  check_run: z.object({ repository, check_run: commitRef.extend({ name: z.string() }) }),
  check_suite: z.object({ repository, check_suite: commitRef }),
  merge_group: z.object({
    repository,
    merge_group: z.object({ head_sha: z.string(), base_sha: z.string(), head_ref: z.string() }),
  }),
  installation: z.object({ installation: z.object({ id: z.number().int() }) }),
  installation_repositories: z.object({
    installation: z.object({ id: z.number().int() }),
    repositories_added: z.array(z.object({ name: z.string(), full_name: z.string() })),
  }),
};

/** Why a payload of `event` cannot be handled (each missing or mistyped field by its path), or `undefined`. */
export function checkPayload(event: string, payload: unknown): string | undefined {
  const schema = SCHEMAS[event];
  if (schema === undefined) return undefined;
  const result = schema.safeParse(payload);
  if (result.success) return undefined;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`);
  return `The ${event} payload lacks what the App reads: ${problems.join('; ')}${result.error.issues.length > 5 ? '; …' : ''}.`;
}

/** An error Probot's webhook middleware answers with its `status` (400: the sender should not retry). */
export class MalformedPayloadError extends Error {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPayloadError';
  }
}
