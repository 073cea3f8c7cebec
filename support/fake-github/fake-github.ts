import { createHash } from 'node:crypto';
import { blobSha, GitStore } from './git-store.js';
import { rejectInvalidRequest, shapeResponse, unimplementedRoute, type InvalidRequest } from './openapi-validation.js';

export interface FakeRequest {
  method: string;
  /** Path without the query, percent-decoded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
  created_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  user: FakeUser;
  created_at: string;
  labels: string[];
  /** `fork`: the head branch is in another repository (its name, and the commit its branch points at). */
  pull_request?: { head: string; base: string; draft: boolean; merged?: boolean; fork?: { repo: string; sha: string } };
  state: 'open' | 'closed';
  state_reason?: string | null;
  assignees?: string[];
  /** The number of this issue's parent, when it is a sub-issue. */
  parent?: number;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  output: { title: string; summary: string; annotations: unknown[] };
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests it fails (default 1). */
  times?: number;
}

type Body = Record<string, unknown>;

export const BOT: FakeUser = { login: 'agent-os[bot]', type: 'Bot' };

/**
 * An in-memory GitHub for one repository: git objects and refs, issues and pull requests sharing numbers,
 * comments, labels, reactions and collaborator permissions. It records every request and can fail requests on
 * purpose. Transport-free: tests bind it to nock or to an HTTP server.
 */
export class FakeGitHub {
  readonly git = new GitStore();
  readonly issues = new Map<number, FakeIssue>();
  readonly comments: FakeComment[] = [];
  readonly reactions: Array<{ comment: number; content: string }> = [];
  readonly permissions = new Map<string, string>();
  readonly checkRuns: FakeCheckRun[] = [];
  readonly requests: FakeRequest[] = [];
  /** Requests GitHub's REST description does not allow, or that no route of the fake answers (all answered loudly). */
  readonly invalidRequests: InvalidRequest[] = [];
  readonly faults: Fault[] = [];
  /** Files of the owner's `.github` repository (organisation-wide configuration), by path. */
  readonly orgFiles = new Map<string, string>();
  /** Draft pull requests are refused, as on plans without them. */
  draftsAllowed = true;
  /**
   * The repository setting "Allow GitHub Actions to create and approve pull requests". Off, GitHub refuses to open
   * a pull request for the workflow's token (the request's token is `workflowToken`) with the 403 it sends then.
   */
  actionsMayCreatePullRequests = true;
  workflowToken = 'ghs_workflowtoken';
  /** Folders listed so far, by tree SHA (what `GET /git/trees/{sha}` answers). */
  private readonly folders = new Map<string, ReadonlyMap<string, string>>();
  private readonly pullStates = new Map<number, { state: string; at: string }>();
  private nextId = 1000;
  private clock = Date.parse('2026-04-01T10:00:00Z');

  constructor(
    readonly owner = 'acme',
    readonly repo = 'app',
    readonly defaultBranch = 'main',
  ) {
    this.git.init(defaultBranch, { 'README.md': '# app\n', 'package.json': '{"name":"app"}\n' });
  }

  get html(): string {
    return `https://github.com/${this.owner}/${this.repo}`;
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  addIssue(issue: Partial<FakeIssue> & { title: string; body: string }): FakeIssue {
    const number = issue.number ?? this.nextNumber();
    const full: FakeIssue = {
      number,
      user: { login: 'mara', type: 'User' },
      created_at: '2026-03-14T09:12:00Z',
      labels: [],
      state: 'open',
      ...issue,
    };
    this.issues.set(number, full);
    return full;
  }

  addComment(issue: number, body: string, user: FakeUser): FakeComment {
    const comment = { id: this.nextId++, issue, body, user, created_at: this.now() };
    this.comments.push(comment);
    return comment;
  }

  /** Merge a pull request as the merge button would: its base branch gets a merge commit of the head's files. */
  mergePull(number: number): FakeIssue {
    const issue = this.issues.get(number);
    const pr = issue?.pull_request;
    if (!issue || !pr) throw new Error(`no pull request #${number}`);
    const head = this.git.resolve(pr.head);
    const base = this.git.resolve(pr.base);
    if (!head || !base) throw new Error(`pull request #${number} has no branches`);
    // A three-way merge without conflicts: the base's files, with what the head changed since they parted.
    let parted = head;
    while (!this.git.isAncestor(parted.sha, base.sha) && parted.parents[0] !== undefined)
      parted = this.git.commits.get(parted.parents[0]) ?? parted;
    const from = this.git.trees.get(parted.tree) ?? new Map<string, string>();
    const to = this.git.trees.get(head.tree) ?? new Map<string, string>();
    const merged = new Map(this.git.trees.get(base.tree));
    for (const path of new Set([...from.keys(), ...to.keys()])) {
      const text = to.get(path);
      if (text === from.get(path)) continue;
      if (text === undefined) merged.delete(path);
      else merged.set(path, text);
    }
    const commit = this.git.addCommit(this.git.addTree(merged), [base.sha, head.sha], `Merge pull request #${number}`);
    this.git.refs.set(`heads/${pr.base}`, commit.sha);
    issue.state = 'closed';
    pr.merged = true;
    return issue;
  }

  private nextNumber(): number {
    return Math.max(0, ...this.issues.keys()) + 1;
  }

  /** Requests that change something. */
  writes(): FakeRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** `POST /repos/acme/app/git/trees` style summaries of the requests, for exact assertions. */
  log(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path.replace(`/repos/${this.owner}/${this.repo}`, '')}`);
  }

  /**
   * Answer a request as GitHub would, including its conditional requests: every successful read carries an
   * `ETag` (a hash of what it returns, so an unchanged resource keeps its tag), and a read whose `If-None-Match`
   * names the current tag gets `304 Not Modified` without a body. Errors (a 404 too) carry no tag, as on GitHub.
   */
  handle(request: FakeRequest): FakeResponse {
    return withEntityTag(request, this.answer(request));
  }

  private answer(request: FakeRequest): FakeResponse {
    this.requests.push(request);
    const rejected = rejectInvalidRequest(request, this.invalidRequests);
    if (rejected) return rejected;
    const fault = this.faults.find(
      (f) => f.method === request.method && f.path.test(request.path) && (f.times ?? 1) > 0,
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return {
        status: fault.status,
        body: fault.body ?? { message: `Injected ${fault.status}` },
        ...(fault.headers ? { headers: fault.headers } : {}),
      };
    }
    if (request.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(request.path)) {
      return shapeResponse(
        request,
        { status: 201, body: { token: 'ghs_fake', expires_at: '2099-01-01T00:00:00Z', permissions: {} } },
        this.invalidRequests,
      );
    }
    const orgFile = new RegExp(`^/repos/${this.owner}/\\.github/contents/(.+)$`).exec(request.path);
    if (request.method === 'GET' && orgFile?.[1] !== undefined) {
      const text = this.orgFiles.get(orgFile[1]);
      return text === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body: text };
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    // Another repository: GitHub answers 404 for one that does not exist (or the App is not installed on).
    if (!request.path.startsWith(prefix))
      return request.path.startsWith('/repos/') ? notFound(request) : unimplementedRoute(request, this.invalidRequests);
    const route = `${request.method} ${request.path.slice(prefix.length)}`;
    for (const [pattern, handler] of this.routes) {
      const match = pattern.exec(route);
      if (match)
        return shapeResponse(
          request,
          handler(
            request,
            match.slice(1).map((p) => p),
          ),
          this.invalidRequests,
        );
    }
    return unimplementedRoute(request, this.invalidRequests);
  }

  private readonly routes: Array<[RegExp, (r: FakeRequest, params: string[]) => FakeResponse]> = [
    [/^GET \/issues\/(\d+)$/, (_r, [n]) => this.getIssue(Number(n))],
    [/^GET \/issues\/(\d+)\/comments$/, (r, [n]) => this.listComments(Number(n), r)],
    [/^POST \/issues\/(\d+)\/comments$/, (r, [n]) => this.createComment(Number(n), r.body as Body)],
    [/^GET \/issues\/comments\/(\d+)$/, (_r, [id]) => this.getComment(Number(id))],
    [/^PATCH \/issues\/comments\/(\d+)$/, (r, [id]) => this.updateComment(Number(id), r.body as Body)],
    [/^DELETE \/issues\/comments\/(\d+)$/, (_r, [id]) => this.deleteComment(Number(id))],
    [/^POST \/issues\/comments\/(\d+)\/reactions$/, (r, [id]) => this.react(Number(id), r.body as Body)],
    [/^POST \/issues\/(\d+)\/labels$/, (r, [n]) => this.addLabels(Number(n), r.body as Body)],
    [/^DELETE \/issues\/(\d+)\/labels\/(.+)$/, (_r, [n, name]) => this.removeLabel(Number(n), name ?? '')],
    [/^POST \/issues$/, (r) => this.createIssue(r.body as Body)],
    [/^GET \/issues$/, (r) => this.listIssues(r)],
    [/^PATCH \/issues\/(\d+)$/, (r, [n]) => this.updateIssue(Number(n), r.body as Body)],
    [/^GET \/issues\/(\d+)\/sub_issues$/, (_r, [n]) => this.listSubIssues(Number(n))],
    [/^POST \/issues\/(\d+)\/sub_issues$/, (r, [n]) => this.addSubIssue(Number(n), r.body as Body)],
    [/^GET \/issues\/(\d+)\/parent$/, (_r, [n]) => this.getParent(Number(n))],
    [/^PATCH \/git\/refs\/heads\/(.+)$/, (r, [branch]) => this.updateRef(branch ?? '', r.body as Body)],
    [/^GET \/contents\/?$/, (r) => this.getContents('', r)],
    [/^GET \/git\/matching-refs\/(.+)$/, (_r, [ref]) => this.matchingRefs(ref ?? '')],
    [/^GET \/branches\/(.+)$/, (_r, [branch]) => this.getBranch(branch ?? '')],
    [/^POST \/git\/trees$/, (r) => this.createTree(r.body as Body)],
    // A folder's tree SHA (from a listing) answers with that folder; a branch or commit with its root tree.
    [
      /^GET \/git\/trees\/(.+)$/,
      (r, [ref]) => (this.folders.has(ref ?? '') ? this.getFolderTree(ref ?? '') : this.getTree(ref ?? '', r)),
    ],
    [/^GET \/git\/blobs\/([0-9a-f]{40})$/, (r, [sha]) => this.getBlob(sha ?? '', r)],
    [/^POST \/git\/commits$/, (r) => this.createCommit(r.body as Body)],
    [/^POST \/git\/refs$/, (r) => this.createRef(r.body as Body)],
    [/^GET \/contents\/(.+)$/, (r, [path]) => this.getContents(path ?? '', r)],
    [/^PUT \/contents\/(.+)$/, (r, [path]) => this.putContents(path ?? '', r.body as Body)],
    [/^GET \/pulls$/, (r) => this.listPulls(r)],
    [/^POST \/pulls$/, (r) => this.createPull(r.body as Body, r.headers)],
    [/^GET \/pulls\/(\d+)$/, (_r, [n]) => this.getPull(Number(n))],
    [/^PATCH \/pulls\/(\d+)$/, (r, [n]) => this.updatePull(Number(n), r.body as Body)],
    [/^GET \/pulls\/(\d+)\/files$/, (_r, [n]) => this.pullFiles(Number(n))],
    [/^GET \/commits\/([^/]+)\/check-runs$/, (r, [sha]) => this.listCheckRuns(sha ?? '', r)],
    [/^POST \/check-runs$/, (r) => this.createCheckRun(r.body as Body)],
    [/^PATCH \/check-runs\/(\d+)$/, (r, [id]) => this.updateCheckRun(Number(id), r.body as Body)],
    [/^GET \/collaborators\/([^/]+)\/permission$/, (_r, [user]) => this.getPermission(user ?? '')],
  ];

  private issueJson(issue: FakeIssue) {
    return {
      id: issue.number * 10,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      user: { login: issue.user.login, type: issue.user.type },
      labels: issue.labels.map((name) => ({ name })),
      state: issue.state,
      state_reason: issue.state_reason ?? null,
      assignees: (issue.assignees ?? []).map((login) => ({ login })),
      created_at: issue.created_at,
      html_url: `${this.html}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`,
      ...(issue.pull_request
        ? { pull_request: { url: `https://api.github.com/repos/${this.owner}/${this.repo}/pulls/${issue.number}` } }
        : {}),
    };
  }

  private createIssue(body: Body): FakeResponse {
    const issue = this.addIssue({
      title: str(body.title),
      body: str(body.body),
      user: BOT,
      created_at: this.now(),
      labels: [...((body.labels as string[] | undefined) ?? [])],
      assignees: [...((body.assignees as string[] | undefined) ?? [])],
    });
    return { status: 201, body: this.issueJson(issue) };
  }

  private listIssues(r: FakeRequest): FakeResponse {
    const labels = (r.query.get('labels') ?? '').split(',').filter((l) => l !== '');
    const state = r.query.get('state') ?? 'open';
    const issues = [...this.issues.values()]
      .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
      .sort((a, b) => b.number - a.number)
      .slice(0, Number(r.query.get('per_page') ?? 30));
    return { status: 200, body: issues.map((i) => this.issueJson(i)) };
  }

  private updateIssue(number: number, body: Body): FakeResponse {
    const issue = this.issues.get(number);
    if (!issue) return { status: 404, body: { message: 'Not Found' } };
    if (body.title !== undefined) issue.title = str(body.title);
    if (body.body !== undefined) issue.body = str(body.body);
    if (body.labels !== undefined) issue.labels = [...(body.labels as string[])];
    if (body.assignees !== undefined) issue.assignees = [...(body.assignees as string[])];
    if (body.state !== undefined) {
      issue.state = body.state === 'closed' ? 'closed' : 'open';
      issue.state_reason =
        issue.state === 'closed'
          ? body.state_reason === undefined
            ? 'completed'
            : str(body.state_reason)
          : 'reopened';
    }
    return { status: 200, body: this.issueJson(issue) };
  }

  private listSubIssues(number: number): FakeResponse {
    if (!this.issues.has(number)) return { status: 404, body: { message: 'Not Found' } };
    const children = [...this.issues.values()].filter((i) => i.parent === number).sort((a, b) => a.number - b.number);
    return { status: 200, body: children.map((i) => this.issueJson(i)) };
  }

  private addSubIssue(number: number, body: Body): FakeResponse {
    const parent = this.issues.get(number);
    const child = [...this.issues.values()].find((i) => i.number * 10 === Number(body.sub_issue_id));
    if (!parent || !child) return { status: 404, body: { message: 'Not Found' } };
    if (child.parent !== undefined)
      return {
        status: 422,
        body: { message: 'Validation Failed', errors: [{ message: 'Issue may not contain duplicate sub-issues' }] },
      };
    child.parent = number;
    return { status: 201, body: this.issueJson(parent) };
  }

  private getParent(number: number): FakeResponse {
    const parent = this.issues.get(this.issues.get(number)?.parent ?? -1);
    return parent ? { status: 200, body: this.issueJson(parent) } : { status: 404, body: { message: 'Not Found' } };
  }

  private updateRef(branch: string, body: Body): FakeResponse {
    const current = this.git.refs.get(`heads/${branch}`);
    if (current === undefined) return { status: 422, body: { message: 'Reference does not exist' } };
    const next = str(body.sha);
    if (!this.git.commits.has(next)) return { status: 422, body: { message: 'Object does not exist' } };
    if (body.force !== true && !this.git.isAncestor(current, next))
      return { status: 422, body: { message: 'Update is not a fast forward' } };
    this.git.refs.set(`heads/${branch}`, next);
    return { status: 200, body: { ref: `refs/heads/${branch}`, object: { sha: next, type: 'commit' } } };
  }

  private getIssue(number: number): FakeResponse {
    const issue = this.issues.get(number);
    return issue ? { status: 200, body: this.issueJson(issue) } : { status: 404, body: { message: 'Not Found' } };
  }

  private commentJson(c: FakeComment) {
    return {
      id: c.id,
      body: c.body,
      user: { login: c.user.login, type: c.user.type },
      created_at: c.created_at,
      html_url: `${this.html}/issues/${c.issue}#issuecomment-${c.id}`,
    };
  }

  private listComments(number: number, r: FakeRequest): FakeResponse {
    const perPage = Number(r.query.get('per_page') ?? 30);
    const page = Number(r.query.get('page') ?? 1);
    const all = this.comments.filter((c) => c.issue === number);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) {
      headers.link = `<https://api.github.com/repos/${this.owner}/${this.repo}/issues/${number}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    }
    return { status: 200, body: slice.map((c) => this.commentJson(c)), headers };
  }

  private createComment(number: number, body: Body): FakeResponse {
    if (!this.issues.has(number)) return { status: 404, body: { message: 'Not Found' } };
    return { status: 201, body: this.commentJson(this.addComment(number, str(body.body), BOT)) };
  }

  private getComment(id: number): FakeResponse {
    const comment = this.comments.find((c) => c.id === id);
    return comment ? { status: 200, body: this.commentJson(comment) } : { status: 404, body: { message: 'Not Found' } };
  }

  private updateComment(id: number, body: Body): FakeResponse {
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    comment.body = str(body.body);
    return { status: 200, body: this.commentJson(comment) };
  }

  private deleteComment(id: number): FakeResponse {
    const index = this.comments.findIndex((c) => c.id === id);
    if (index < 0) return { status: 404, body: { message: 'Not Found' } };
    this.comments.splice(index, 1);
    return { status: 204 };
  }

  private react(id: number, body: Body): FakeResponse {
    const content = str(body.content);
    const exists = this.reactions.some((r) => r.comment === id && r.content === content);
    if (!exists) this.reactions.push({ comment: id, content });
    return { status: exists ? 200 : 201, body: { id: 1, content } };
  }

  private addLabels(number: number, body: Body): FakeResponse {
    const issue = this.issues.get(number);
    if (!issue) return { status: 404, body: { message: 'Not Found' } };
    for (const label of body.labels as string[]) if (!issue.labels.includes(label)) issue.labels.push(label);
    return { status: 200, body: issue.labels.map((name) => ({ name })) };
  }

  private removeLabel(number: number, name: string): FakeResponse {
    const issue = this.issues.get(number);
    if (!issue?.labels.includes(name)) return { status: 404, body: { message: 'Label does not exist' } };
    issue.labels = issue.labels.filter((l) => l !== name);
    return { status: 200, body: issue.labels.map((l) => ({ name: l })) };
  }

  private matchingRefs(ref: string): FakeResponse {
    const refs = [...this.git.refs.entries()].filter(([name]) => name.startsWith(ref));
    return { status: 200, body: refs.map(([name, sha]) => ({ ref: `refs/${name}`, object: { sha, type: 'commit' } })) };
  }

  private getBranch(branch: string): FakeResponse {
    const commit = this.git.resolve(branch);
    if (!commit || !this.git.refs.has(`heads/${branch}`)) return { status: 404, body: { message: 'Branch not found' } };
    return {
      status: 200,
      body: {
        name: branch,
        commit: { sha: commit.sha, commit: { tree: { sha: commit.tree }, message: commit.message } },
      },
    };
  }

  private createTree(body: Body): FakeResponse {
    const base = body.base_tree === undefined ? new Map<string, string>() : this.git.trees.get(str(body.base_tree));
    if (!base) return { status: 422, body: { message: 'Invalid tree info' } };
    const files = new Map(base);
    for (const entry of body.tree as Array<{ path: string; content?: string }>)
      files.set(entry.path, entry.content ?? '');
    return { status: 201, body: { sha: this.git.addTree(files), tree: [] } };
  }

  private createCommit(body: Body): FakeResponse {
    if (!this.git.trees.has(str(body.tree))) return { status: 422, body: { message: 'Tree SHA does not exist' } };
    const commit = this.git.addCommit(str(body.tree), body.parents as string[], str(body.message));
    return { status: 201, body: { sha: commit.sha, tree: { sha: commit.tree }, message: commit.message } };
  }

  private createRef(body: Body): FakeResponse {
    const ref = str(body.ref).replace(/^refs\//, '');
    if (this.git.refs.has(ref)) return { status: 422, body: { message: 'Reference already exists' } };
    if (!this.git.commits.has(str(body.sha))) return { status: 422, body: { message: 'Object does not exist' } };
    this.git.refs.set(ref, str(body.sha));
    return { status: 201, body: { ref: `refs/${ref}`, object: { sha: body.sha, type: 'commit' } } };
  }

  /** A branch's (or commit's) tree; with `recursive`, every file and folder, as the git trees API lists them. */
  private getTree(ref: string, r: FakeRequest): FakeResponse {
    const commit = this.git.resolve(decodeURIComponent(ref));
    const files = commit === undefined ? undefined : this.git.trees.get(commit.tree);
    if (commit === undefined || files === undefined) return { status: 404, body: { message: 'Not Found' } };
    const recursive = r.query.get('recursive') !== null;
    const folders = new Set<string>();
    const blobs: Array<{ path: string; text: string }> = [];
    for (const [path, text] of files) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
      if (recursive || parts.length === 1) blobs.push({ path, text });
    }
    const url = (type: string, sha: string) =>
      `https://api.github.com/repos/${this.owner}/${this.repo}/git/${type}/${sha}`;
    const tree = [
      ...[...folders]
        .filter((f) => recursive || !f.includes('/'))
        .map((path) => ({
          path,
          mode: '040000',
          type: 'tree',
          sha: blobSha(`tree ${path}`),
          url: url('trees', blobSha(`tree ${path}`)),
        })),
      ...blobs.map(({ path, text }) => ({
        path,
        mode: '100644',
        type: 'blob',
        sha: blobSha(text),
        size: Buffer.byteLength(text),
        url: url('blobs', blobSha(text)),
      })),
    ].sort((a, b) => a.path.localeCompare(b.path));
    return { status: 200, body: { sha: commit.tree, url: url('trees', commit.tree), tree, truncated: false } };
  }

  private getContents(path: string, r: FakeRequest): FakeResponse {
    const files = this.git.filesAt(r.query.get('ref') ?? this.defaultBranch);
    const text = files?.get(path);
    if (files !== undefined && text === undefined) {
      const listing = this.listFolder(files, path);
      if (listing.length > 0) return { status: 200, body: listing };
    }
    if (files === undefined || text === undefined) return { status: 404, body: { message: 'Not Found' } };
    if (String(r.headers.accept ?? '').includes('raw')) return { status: 200, body: text };
    const name = path.slice(path.lastIndexOf('/') + 1);
    return {
      status: 200,
      body: {
        type: 'file',
        name,
        path,
        sha: blobSha(text),
        size: Buffer.byteLength(text),
        encoding: 'base64',
        content: Buffer.from(text).toString('base64'),
      },
    };
  }

  /** A folder's entries as the contents API lists them: files with their blob SHA, then sub-folders. */
  private listFolder(files: ReadonlyMap<string, string>, folder: string) {
    const prefix = folder === '' ? '' : `${folder.replace(/\/$/, '')}/`;
    const entries = new Map<string, { type: 'file' | 'dir'; sha: string; size: number }>();
    for (const [path, text] of files) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) entries.set(rest, { type: 'file', sha: blobSha(text), size: Buffer.byteLength(text) });
      else if (!entries.has(rest.slice(0, slash)))
        entries.set(rest.slice(0, slash), {
          type: 'dir',
          sha: this.folderSha(files, `${prefix}${rest.slice(0, slash)}`),
          size: 0,
        });
    }
    return [...entries.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, e]) => {
        const path = `${prefix}${name}`;
        const url = `https://api.github.com/repos/${this.owner}/${this.repo}/contents/${path}`;
        const html = `${this.html}/${e.type === 'dir' ? 'tree' : 'blob'}/${this.defaultBranch}/${path}`;
        const git = `https://api.github.com/repos/${this.owner}/${this.repo}/git/${e.type === 'dir' ? 'trees' : 'blobs'}/${e.sha}`;
        return {
          type: e.type,
          name,
          path,
          sha: e.sha,
          size: e.size,
          url,
          html_url: html,
          git_url: git,
          download_url: null,
          _links: { self: url, git, html },
        };
      });
  }

  /** A folder's tree SHA: from what it holds, so it changes exactly when a file under it does (as git's). */
  private folderSha(files: ReadonlyMap<string, string>, folder: string): string {
    const prefix = `${folder}/`;
    const inside = new Map(
      [...files].filter(([path]) => path.startsWith(prefix)).map(([path, text]) => [path.slice(prefix.length), text]),
    );
    const sha = createHash('sha1')
      .update(`tree ${JSON.stringify([...inside.keys()].sort().map((p) => [p, blobSha(inside.get(p) ?? '')]))}`)
      .digest('hex');
    this.folders.set(sha, inside);
    return sha;
  }

  /** `GET /git/trees/{sha}` of a folder listed before (not recursive: files, then sub-folders once each). */
  private getFolderTree(sha: string): FakeResponse {
    const files = this.folders.get(sha);
    if (!files) return { status: 404, body: { message: 'Not Found' } };
    const tree = new Map<string, { type: 'blob' | 'tree'; sha: string }>();
    for (const [path, text] of files) {
      const slash = path.indexOf('/');
      if (slash < 0) tree.set(path, { type: 'blob', sha: blobSha(text) });
      else if (!tree.has(path.slice(0, slash)))
        tree.set(path.slice(0, slash), { type: 'tree', sha: this.folderSha(files, path.slice(0, slash)) });
    }
    const entries = [...tree]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, e]) => ({ path, mode: e.type === 'tree' ? '040000' : '100644', type: e.type, sha: e.sha }));
    return {
      status: 200,
      body: {
        sha,
        url: `https://api.github.com/repos/${this.owner}/${this.repo}/git/trees/${sha}`,
        tree: entries,
        truncated: false,
      },
    };
  }

  /** `GET /git/blobs/{sha}`: any file of any commit, raw when asked so. */
  private getBlob(sha: string, r: FakeRequest): FakeResponse {
    for (const tree of this.git.trees.values()) {
      for (const text of tree.values()) {
        if (blobSha(text) !== sha) continue;
        if (String(r.headers.accept ?? '').includes('raw')) return { status: 200, body: text };
        return {
          status: 200,
          body: {
            sha,
            size: Buffer.byteLength(text),
            encoding: 'base64',
            content: Buffer.from(text).toString('base64'),
            url: `https://api.github.com/repos/${this.owner}/${this.repo}/git/blobs/${sha}`,
            node_id: `B_${sha}`,
          },
        };
      }
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  private putContents(path: string, body: Body): FakeResponse {
    const branch = str(body.branch) || this.defaultBranch;
    const files = this.git.filesAt(branch);
    if (!files) return { status: 404, body: { message: 'Branch not found' } };
    const current = files.get(path);
    if (current !== undefined && body.sha === undefined)
      return { status: 422, body: { message: '"sha" wasn\'t supplied.' } };
    if (current !== undefined && body.sha !== blobSha(current))
      return { status: 409, body: { message: `${path} does not match ${str(body.sha)}` } };
    const text = Buffer.from(str(body.content), 'base64').toString('utf8');
    const commit = this.git.commitOnBranch(branch, (f) => f.set(path, text), str(body.message));
    return {
      status: current === undefined ? 201 : 200,
      body: { content: { path, sha: blobSha(text) }, commit: { sha: commit.sha, message: commit.message } },
    };
  }

  /** This repository as a pull request's head and base name it. */
  private repoJson() {
    return {
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      owner: { login: this.owner },
      html_url: this.html,
    };
  }

  /**
   * A pull request's `updated_at`, moved (as GitHub moves it) whenever its head, title or description changed
   * since it was last asked for.
   */
  pullUpdatedAt(number: number): string {
    const issue = this.issues.get(number);
    const state = JSON.stringify([this.git.resolve(issue?.pull_request?.head ?? '')?.sha, issue?.title, issue?.body]);
    const last = this.pullStates.get(number);
    if (last?.state === state) return last.at;
    const at = this.now().replace(/\.\d{3}Z$/, 'Z');
    this.pullStates.set(number, { state, at });
    return at;
  }

  private pullJson(issue: FakeIssue) {
    const pr = issue.pull_request;
    return {
      updated_at: this.pullUpdatedAt(issue.number),
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      merged: pr?.merged === true,
      draft: pr?.draft ?? false,
      html_url: `${this.html}/pull/${issue.number}`,
      head: pr?.fork
        ? {
            ref: pr.head,
            sha: pr.fork.sha,
            repo: {
              ...this.repoJson(),
              name: pr.fork.repo.split('/')[1] ?? '',
              full_name: pr.fork.repo,
              owner: { login: pr.fork.repo.split('/')[0] ?? '' },
            },
          }
        : { ref: pr?.head ?? '', sha: this.git.resolve(pr?.head ?? '')?.sha ?? '', repo: this.repoJson() },
      base: { ref: pr?.base ?? '', repo: this.repoJson() },
    };
  }

  private listPulls(r: FakeRequest): FakeResponse {
    const head = r.query.get('head')?.split(':')[1];
    const pulls = [...this.issues.values()].filter(
      (i) =>
        i.pull_request && (head === undefined || (i.pull_request.head === head && i.pull_request.fork === undefined)),
    );
    return { status: 200, body: pulls.map((p) => this.pullJson(p)) };
  }

  private createPull(body: Body, headers: FakeRequest['headers']): FakeResponse {
    if (!this.actionsMayCreatePullRequests && headers.authorization === `token ${this.workflowToken}`) {
      return {
        status: 403,
        body: {
          message: 'GitHub Actions is not permitted to create or approve pull requests.',
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
          status: '403',
        },
      };
    }
    const head = str(body.head);
    if (!this.git.refs.has(`heads/${head}`))
      return {
        status: 422,
        body: { message: 'Validation Failed', errors: [{ message: `head ${head} does not exist` }] },
      };
    if (body.draft === true && !this.draftsAllowed) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ message: 'Draft pull requests are not supported in this repository.' }],
        },
      };
    }
    if ([...this.issues.values()].some((i) => i.pull_request?.head === head && i.state === 'open')) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ message: `A pull request already exists for ${this.owner}:${head}.` }],
        },
      };
    }
    const issue = this.addIssue({
      number: this.nextNumber(),
      title: str(body.title),
      body: str(body.body),
      user: BOT,
      pull_request: { head, base: str(body.base), draft: body.draft === true },
    });
    return { status: 201, body: this.pullJson(issue) };
  }

  private getPull(number: number): FakeResponse {
    const issue = this.issues.get(number);
    return issue?.pull_request
      ? { status: 200, body: this.pullJson(issue) }
      : { status: 404, body: { message: 'Not Found' } };
  }

  private updatePull(number: number, body: Body): FakeResponse {
    const issue = this.issues.get(number);
    if (!issue?.pull_request) return { status: 404, body: { message: 'Not Found' } };
    if (body.body !== undefined) issue.body = str(body.body);
    if (body.title !== undefined) issue.title = str(body.title);
    return { status: 200, body: this.pullJson(issue) };
  }

  /** The files a pull request changes: its head's tree against its base branch's. */
  private pullFiles(number: number): FakeResponse {
    const pr = this.issues.get(number)?.pull_request;
    if (!pr) return { status: 404, body: { message: 'Not Found' } };
    const base = this.git.filesAt(pr.base) ?? new Map<string, string>();
    const head = this.git.filesAt(pr.fork?.sha ?? pr.head) ?? new Map<string, string>();
    const files = [...new Set([...base.keys(), ...head.keys()])]
      .filter((path) => base.get(path) !== head.get(path))
      .sort()
      .map((filename) => ({
        filename,
        status: !base.has(filename) ? 'added' : !head.has(filename) ? 'removed' : 'modified',
        sha: blobSha(head.get(filename) ?? base.get(filename) ?? ''),
        ...(base.has(filename) ? {} : addedFilePatch(head.get(filename) ?? '')),
      }));
    return { status: 200, body: files };
  }

  private listCheckRuns(sha: string, r: FakeRequest): FakeResponse {
    const name = r.query.get('check_name');
    const runs = this.checkRuns.filter((c) => c.head_sha === sha && (name === null || c.name === name)).reverse();
    return {
      status: 200,
      body: {
        total_count: runs.length,
        check_runs: runs.map((c) => ({
          ...c,
          output: { ...c.output, annotations_count: c.output.annotations.length },
        })),
      },
    };
  }

  private createCheckRun(body: Body): FakeResponse {
    const output = (body.output ?? {}) as { title?: string; summary?: string; annotations?: unknown[] };
    const run: FakeCheckRun = {
      id: this.nextId++,
      name: str(body.name),
      head_sha: str(body.head_sha),
      status: str(body.status) || 'queued',
      conclusion: body.conclusion === undefined ? null : str(body.conclusion),
      external_id: body.external_id === undefined ? null : str(body.external_id),
      output: { title: output.title ?? '', summary: output.summary ?? '', annotations: output.annotations ?? [] },
    };
    this.checkRuns.push(run);
    return { status: 201, body: run };
  }

  private updateCheckRun(id: number, body: Body): FakeResponse {
    const run = this.checkRuns.find((c) => c.id === id);
    if (!run) return { status: 404, body: { message: 'Not Found' } };
    if (body.status !== undefined) run.status = str(body.status);
    if (body.conclusion !== undefined) run.conclusion = str(body.conclusion);
    if (body.external_id !== undefined) run.external_id = str(body.external_id);
    const output = body.output as { title?: string; summary?: string; annotations?: unknown[] } | undefined;
    if (output) {
      run.output.title = output.title ?? run.output.title;
      run.output.summary = output.summary ?? run.output.summary;
      run.output.annotations.push(...(output.annotations ?? []));
    }
    return { status: 200, body: run };
  }

  private getPermission(user: string): FakeResponse {
    const permission = this.permissions.get(user);
    if (permission === undefined) return { status: 404, body: { message: `${user} is not a user` } };
    const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
    return { status: 200, body: { permission: legacy, role_name: permission, user: { login: user } } };
  }
}

/** GitHub's weak entity tag of a read: its representation (the body, in the media type asked for) hashed. */
function withEntityTag(request: FakeRequest, response: FakeResponse): FakeResponse {
  if (request.method !== 'GET' || response.status !== 200) return response;
  const accept = String(request.headers.accept ?? '');
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  const etag = `W/"${createHash('sha256').update(accept).update('\0').update(body).digest('hex').slice(0, 40)}"`;
  const asked = String(request.headers['if-none-match'] ?? '');
  const headers = { ...response.headers, etag };
  if (asked.split(',').some((tag) => tag.trim() === etag)) return { status: 304, headers };
  return { ...response, headers };
}

function notFound(request: FakeRequest): FakeResponse {
  return {
    status: 404,
    body: { message: `Not Found (the fake GitHub has no route for ${request.method} ${request.path})` },
  };
}

/** A request body's field as text. */
function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The diff GitHub lists for an added file: one hunk of `+` lines, `\ No newline at end of file` when the text has
 * none, and no patch at all for an empty file or one too large to show (GitHub leaves those out).
 */
function addedFilePatch(text: string): { patch?: string } {
  if (text === '' || text.length > 100_000) return {};
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const end = text.endsWith('\n') ? '' : '\n\\ No newline at end of file';
  return {
    patch: `@@ -0,0 +1${lines.length === 1 ? '' : `,${lines.length}`} @@\n${lines.map((l) => `+${l}`).join('\n')}${end}`,
  };
}
