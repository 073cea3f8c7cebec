// Checks every request the fake GitHub receives against GitHub's own REST description (@octokit/openapi): the
// route (method and path template), the path parameters, the query parameters and the JSON body. A request that
// is not a route of the REST API (404), or that GitHub would refuse or misread (400), is answered with an error
// naming the operation and every problem, and recorded in the fake's `invalidRequests`, as is a real route the fake
// has no handler for; support/fake-github/no-invalid-requests.ts fails the test then. The fake's answers are shaped
// like GitHub's from the same description (see "Responses" below).
//
// Only `generated/api.github.com.json` (13 MB) is read, never the package's index (the package is 385 MB): once per
// process (see `shared`), on the first request. A validator is compiled per operation on its first use and kept.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FakeRequest, FakeResponse } from './fake-github.js';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
  'x-multi-segment'?: boolean;
}

export interface OpenApiOperation {
  /** `issues/get`. */
  operationId: string;
  method: string;
  /** `/repos/{owner}/{repo}/issues/{issue_number}`. */
  template: string;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  responses: Record<string, Json>;
}

/** A request the real GitHub would refuse, misread, or does not have a route for; or one the fake cannot answer. */
export interface InvalidRequest {
  /** `unknown-route`: no such route in GitHub's REST API. `invalid`: the route exists but the request breaks its
   * description. `unimplemented`: a real route the fake GitHub has no handler for. `response`: the fake's answer does
   * not fit the description (a field of the wrong type, a status GitHub does not answer with). */
  kind: 'unknown-route' | 'invalid' | 'unimplemented' | 'response';
  method: string;
  path: string;
  /** `issues/create-comment (POST /repos/{owner}/{repo}/issues/{issue_number}/comments)`. */
  operation?: string;
  problems: string[];
}

interface Route {
  operation: OpenApiOperation;
  pattern: RegExp;
  /** Characters of the template outside its parameters: the most specific route wins. */
  literal: number;
  names: string[];
}

interface Validators {
  path: ValidateFunction;
  query: ValidateFunction;
  body?: ValidateFunction;
  /** Top-level body fields the description knows (undefined: any), to catch fields GitHub would silently ignore. */
  bodyFields?: Set<string>;
}

interface ResponseShape {
  schema: Json;
  example: unknown;
}

interface Shared {
  spec: { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };
  routes: Map<string, Route[]>;
  validators: Map<string, Validators>;
  responses: Map<string, ResponseShape | null>;
  /** Schemas with `allOf` merged, and validators of single response fields, by the description's schema object. */
  flat: WeakMap<object, Json>;
  leaves: WeakMap<object, ValidateFunction>;
  matches: Map<string, { route: Route; params: Record<string, string> } | null>;
  ajv: { body: Ajv; params: Ajv; response: Ajv };
  /** The `github:X` component schemas added to each ajv. */
  added: WeakMap<Ajv, Set<string>>;
  loadMs: number;
  /** Time spent checking requests and shaping answers (loading excluded), and how many. */
  stats: { checkMs: number; checks: number; shapeMs: number; shapes: number };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

// Jest gives every test file a module registry of its own, so a module-level cache would parse the 13 MB file again
// for each file. Core modules are shared by the whole worker: the parsed description and the compiled validators
// hang off `fs` under a registered symbol, so they are built once per worker (or process).
const SHARED_KEY = Symbol.for('agent-os-github.fake-github.openapi');
const holder = fs as unknown as Record<symbol, Shared | undefined>;

function shared(): Shared {
  const existing = holder[SHARED_KEY];
  if (existing) return existing;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  // Resolving the package does not load it; only the one JSON file is read.
  const file = join(dirname(require.resolve('@octokit/openapi')), 'generated', 'api.github.com.json');
  const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as Shared['spec'];
  const routes = new Map<string, Route[]>();
  for (const [template, item] of Object.entries(spec.paths)) {
    const common = (item.parameters as Json[] | undefined) ?? [];
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const parameters = [...common, ...((raw.parameters as Json[] | undefined) ?? [])].map(
        (p) => resolve(spec, p) as unknown as Parameter,
      );
      const operation: OpenApiOperation = {
        operationId: String(raw.operationId),
        method: method.toUpperCase(),
        template,
        parameters,
        ...(raw.requestBody ? { requestBody: resolve(spec, raw.requestBody as Json) } : {}),
        responses: (raw.responses as Record<string, Json> | undefined) ?? {},
      };
      const names: string[] = [];
      let literal = 0;
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{(.+)\}$/.exec(part)?.[1];
          if (name === undefined) {
            literal += part.length;
            return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          }
          names.push(name);
          // Octokit sends `/` inside a parameter as %2F, which the fake has decoded by now: a ref, a file path or a
          // branch (which GitHub marks `x-multi-segment`), or a label's name, may span several segments. A file path
          // or a ref may also be empty: `contents/` lists the root folder, `git/matching-refs/` every ref.
          const multi =
            parameters.some((p) => p.name === name && p.in === 'path' && p['x-multi-segment']) ||
            (name === 'name' && /\/labels\/\{name\}$/.test(template));
          return multi ? (name === 'name' ? '(.+)' : '(.*)') : '([^/]+)';
        })
        .join('')
        // `contents/{path}` with an empty path is also sent without the slash (`…/contents`): the root folder.
        .replace(/\/\(\.\*\)$/, '(?:/(.*))?');
      const list = routes.get(operation.method) ?? [];
      list.push({ operation, pattern: new RegExp(`^${source}$`), literal, names });
      routes.set(operation.method, list);
    }
  }
  const body = new Ajv({ strict: false, allErrors: true, logger: false });
  // For the fields of responses, one small schema at a time (see `checkLeaf`).
  const response = new Ajv({ strict: false, allErrors: true, logger: false });
  const params = new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes: 'array' });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(body);
  addFormats(params);
  addFormats(response);
  const created: Shared = {
    spec,
    routes,
    validators: new Map(),
    responses: new Map(),
    flat: new WeakMap(),
    leaves: new WeakMap(),
    matches: new Map(),
    ajv: { body, params, response },
    added: new WeakMap(),
    loadMs: 0,
    stats: { checkMs: 0, checks: 0, shapeMs: 0, shapes: 0 },
  };
  created.loadMs = performance.now() - started;
  Object.defineProperty(holder, SHARED_KEY, { value: created, enumerable: false, configurable: true });
  return created;
}

/** A `$ref` to `#/components/...` resolved (one level). */
function resolve(spec: Shared['spec'], node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const [, , kind, name] = ref.split('/');
  const target = spec.components[kind ?? '']?.[name ?? ''];
  if (!target) throw new Error(`openapi: cannot resolve ${ref}`);
  return resolve(spec, target);
}

/**
 * An OpenAPI 3.0 schema as JSON Schema for ajv: `nullable` becomes a `null` type (dropped where there is no type to
 * add it to, as GitHub's description has a few), examples and descriptions are left out, and each
 * `#/components/schemas/X` it reaches is converted the same way and added to `ajv` once, as `github:X`: ajv then
 * compiles a schema shared by many operations (an issue, a user) once, however many validators use it.
 */
function toJsonSchema(spec: Shared['spec'], schema: Json, ajv: Ajv): Json {
  const addedSchemas = shared().added;
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (node === null || typeof node !== 'object') return node;
    const source = node as Json;
    if (typeof source.$ref === 'string') {
      const id = `github:${source.$ref.replace('#/components/schemas/', '')}`;
      // The component schemas already added to this ajv (`getSchema` would compile them to find out).
      const added = addedSchemas.get(ajv) ?? new Set<string>();
      addedSchemas.set(ajv, added);
      if (!added.has(id)) {
        added.add(id);
        ajv.addSchema(convert(spec.components.schemas?.[id.slice('github:'.length)] ?? {}) as Json, id);
      }
      return { $ref: id };
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(source)) {
      if (key === 'example' || key === 'examples' || key === 'description' || key === 'nullable') continue;
      // Under `properties` every key is a field name, not a keyword.
      out[key] =
        key === 'properties' && value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]))
          : convert(value);
    }
    if (source.nullable !== true) return out;
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    if (out.oneOf || out.anyOf || out.allOf || out.$ref) return { anyOf: [{ type: 'null' }, out] };
    return out;
  };
  return convert(schema) as Json;
}

function matchOperation(
  state: Shared,
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const key = `${method} ${path}`;
  const cached = state.matches.get(key);
  if (cached !== undefined) return cached;
  let best: { route: Route; params: Record<string, string> } | null = null;
  for (const route of state.routes.get(method) ?? []) {
    if (best && route.literal <= best.route.literal) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    best = { route, params: Object.fromEntries(route.names.map((name, i) => [name, match[i + 1] ?? ''])) };
  }
  if (state.matches.size > 20000) state.matches.clear();
  state.matches.set(key, best);
  return best;
}

/** The operation of GitHub's REST API that `METHOD /path` (percent-decoded, no query) is, if any. */
export function findOperation(method: string, path: string): OpenApiOperation | undefined {
  return matchOperation(shared(), method.toUpperCase(), path)?.route.operation;
}

function objectOf(parameters: Parameter[], where: 'path' | 'query'): Json {
  const mine = parameters.filter((p) => p.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(mine.map((p) => [p.name, p.schema ?? {}])),
    required: mine.filter((p) => p.required === true || where === 'path').map((p) => p.name),
    additionalProperties: false,
  };
}

function validatorsFor(state: Shared, operation: OpenApiOperation): Validators {
  const key = `${operation.method} ${operation.template}`;
  const cached = state.validators.get(key);
  if (cached) return cached;
  const compile = (ajv: Ajv, schema: Json) => ajv.compile(toJsonSchema(state.spec, schema, ajv));
  const jsonBody = operation.requestBody?.content?.['application/json']?.schema;
  const resolvedBody = jsonBody ? resolve(state.spec, jsonBody) : undefined;
  const plainObject =
    resolvedBody &&
    resolvedBody.properties &&
    !resolvedBody.oneOf &&
    !resolvedBody.anyOf &&
    !resolvedBody.allOf &&
    resolvedBody.additionalProperties === undefined;
  const validators: Validators = {
    path: compile(state.ajv.params, objectOf(operation.parameters, 'path')),
    query: compile(state.ajv.params, objectOf(operation.parameters, 'query')),
    ...(jsonBody ? { body: compile(state.ajv.body, jsonBody) } : {}),
    ...(plainObject ? { bodyFields: new Set(Object.keys(resolvedBody.properties as Json)) } : {}),
  };
  state.validators.set(key, validators);
  return validators;
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath.replace(/\//g, '.')}`;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${at} ${e.message ?? e.keyword}${extra}`;
  });
}

function operationName(operation: OpenApiOperation): string {
  return `${operation.operationId} (${operation.method} ${operation.template})`;
}

/** What is wrong with a request by GitHub's REST description; `undefined` when GitHub would accept it. */
export function checkRequest(request: FakeRequest): InvalidRequest | undefined {
  const state = shared();
  const method = request.method.toUpperCase();
  const matched = matchOperation(state, method, request.path);
  if (!matched) {
    return {
      kind: 'unknown-route',
      method,
      path: request.path,
      problems: [`${method} ${request.path} is not a route of GitHub's REST API`],
    };
  }
  const { operation } = matched.route;
  const validators = validatorsFor(state, operation);
  const problems: string[] = [];
  if (!validators.path({ ...matched.params })) problems.push(...describeErrors('path', validators.path.errors));
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(request.query.keys())) {
    const values = request.query.getAll(name);
    query[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  if (!validators.query(query)) problems.push(...describeErrors('query', validators.query.errors));
  const body = request.body;
  if (validators.body) {
    if (body === undefined) {
      if (operation.requestBody?.required === true) problems.push('body is required');
    } else {
      if (!validators.body(body)) problems.push(...describeErrors('body', validators.body.errors));
      if (validators.bodyFields && body !== null && typeof body === 'object' && !Array.isArray(body)) {
        for (const field of Object.keys(body)) {
          if (!validators.bodyFields.has(field))
            problems.push(`body.${field} is not a field of this operation (GitHub ignores it)`);
        }
      }
    }
  } else if (
    body !== undefined &&
    body !== '' &&
    !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)
  ) {
    problems.push(`body given, but ${operation.operationId} takes no JSON body`);
  }
  if (problems.length === 0) return undefined;
  return { kind: 'invalid', method, path: request.path, operation: operationName(operation), problems };
}

/**
 * `FAKE_GITHUB_OPENAPI=off` turns the checks and the shaping off (the fake answers as it did before), for
 * benchmarks that time the App against the fake, and to tell whether a failure comes from the checks.
 */
function enabled(): boolean {
  return process.env.FAKE_GITHUB_OPENAPI !== 'off';
}

/** Every invalid request any fake GitHub of this test file recorded and nobody took yet (see `takeInvalidRequests`). */
const pending: InvalidRequest[] = [];

function record(list: InvalidRequest[], invalid: InvalidRequest): void {
  list.push(invalid);
  pending.push(invalid);
}

/** How an invalid request is reported in a message. */
export function describeInvalidRequest(invalid: InvalidRequest): string {
  const heads = {
    unimplemented: 'the fake GitHub does not implement',
    'unknown-route': 'not a GitHub REST route:',
    invalid: 'invalid request for',
    response: "the fake GitHub's answer does not match",
  };
  const head = heads[invalid.kind];
  return (
    `${invalid.method} ${invalid.path}: ${head} ${invalid.operation ?? ''}`.trimEnd() +
    (invalid.problems.length ? `\n    - ${invalid.problems.join('\n    - ')}` : '')
  );
}

/**
 * The hook at the top of `FakeGitHub.handle`: `undefined` for a request GitHub would accept, else the loud answer
 * (404 for a route GitHub does not have, 400 naming the operation and every problem), recorded in `list`.
 */
export function rejectInvalidRequest(request: FakeRequest, list: InvalidRequest[]): FakeResponse | undefined {
  if (!enabled()) return undefined;
  const state = shared();
  const started = performance.now();
  const invalid = checkRequest(request);
  state.stats.checkMs += performance.now() - started;
  state.stats.checks += 1;
  if (!invalid) return undefined;
  record(list, invalid);
  const status = invalid.kind === 'unknown-route' ? 404 : 400;
  return {
    status,
    body: {
      message: `The fake GitHub refused this request, checked against GitHub's REST description: ${describeInvalidRequest(invalid)}`,
      errors: invalid.problems,
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}

/**
 * The answer for a real GitHub route that the fake has no handler for: recorded, and answered 404 as before (not a
 * 5xx, which Octokit's retry plugin would send again and again, holding the test up instead of failing it).
 */
export function unimplementedRoute(request: FakeRequest, list: InvalidRequest[]): FakeResponse {
  const operation = findOperation(request.method, request.path);
  const invalid: InvalidRequest = {
    kind: 'unimplemented',
    method: request.method,
    path: request.path,
    ...(operation ? { operation: operationName(operation) } : {}),
    problems: [],
  };
  record(list, invalid);
  return {
    status: 404,
    body: {
      message: `Not Found: ${describeInvalidRequest(invalid)} (add a route to support/fake-github/fake-github.ts)`,
    },
  };
}

/** Take (and forget) the invalid requests recorded since the last call, by every fake GitHub of this test file. */
export function takeInvalidRequests(): InvalidRequest[] {
  return pending.splice(0);
}

/** Throws, listing them, if any fake GitHub received a request GitHub would refuse since the last call. */
export function assertNoInvalidRequests(list: InvalidRequest[] = takeInvalidRequests()): void {
  if (list.length === 0) return;
  throw new Error(
    `The fake GitHub received ${String(list.length)} request(s) GitHub's REST description does not allow:\n  ${list.map(describeInvalidRequest).join('\n  ')}`,
  );
}

/** Time this process spent loading the description, checking requests and shaping answers (compiling included). */
export function openApiStats(): { loadMs: number; checkMs: number; checks: number; shapeMs: number; shapes: number } {
  const state = holder[SHARED_KEY];
  return { loadMs: state?.loadMs ?? 0, checkMs: 0, checks: 0, shapeMs: 0, shapes: 0, ...state?.stats };
}

/** How many operations GitHub's REST description has. */
export function operationCount(): number {
  let count = 0;
  for (const list of shared().routes.values()) count += list.length;
  return count;
}

// Responses. The fake builds small bodies with the fields it models; `shapeResponse` completes them the way GitHub
// answers: every field the description says a response always has is added, from the operation's own example in the
// description (a nullable field as `null`, a list as empty, a flag as false, a number as 0, `octocat/Hello-World` as
// the request's repository), recursively (a comment's `user`, a check run's `output`); a field GitHub does not send
// there is left out. The fake's own values are kept, and checked against their field's schema (a string's type, enum
// and format, an object or a list where one belongs). Checking field by field compiles only the small schemas of the
// fields the fake sends, not a whole issue with its repository, app and reactions, which would cost seconds per
// process. A mismatch is a bug in the fake, recorded as `response`.

/** A schema with its `$ref`s followed and its `allOf` parts merged into one object schema (cached per schema). */
function flatten(state: Shared, node: Json | undefined): Json {
  if (!node) return {};
  const cached = state.flat.get(node);
  if (cached) return cached;
  const schema = resolve(state.spec, node);
  let flat = schema;
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Json[]).map((part) => flatten(state, part));
    const merged: Json = { ...schema, type: 'object', properties: {}, required: [] };
    delete merged.allOf;
    for (const part of parts) {
      Object.assign(merged.properties as Json, part.properties ?? {});
      (merged.required as string[]).push(...((part.required as string[] | undefined) ?? []));
    }
    flat = merged;
  }
  state.flat.set(node, flat);
  return flat;
}

function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function branches(schema: Json): Json[] | undefined {
  return (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
}

function isObjectSchema(schema: Json): boolean {
  return schema.type === 'object' || (schema.type === undefined && schema.properties !== undefined);
}

function isNullable(state: Shared, schema: Json): boolean {
  return (
    schema.nullable === true ||
    (branches(schema) ?? []).some((o) => o.type === 'null' || flatten(state, o).nullable === true)
  );
}

/** The `oneOf`/`anyOf` branch a value is: one whose fixed fields (an enum, e.g. `type: file`) it matches, else by type. */
function chooseBranch(state: Shared, options: Json[], value: unknown): Json | undefined {
  const flat = options.map((o) => flatten(state, o)).filter((o) => o.type !== 'null');
  if (Array.isArray(value)) return flat.find((o) => o.type === 'array');
  if (isPlainObject(value)) {
    const objects = flat.filter(isObjectSchema);
    const fits = (o: Json) =>
      Object.entries((o.properties ?? {}) as Record<string, Json>).every(([name, prop]) => {
        const enumValues = resolve(state.spec, prop).enum as unknown[] | undefined;
        return !(name in value) || !enumValues || enumValues.includes(value[name]);
      });
    return objects.find(fits) ?? objects[0];
  }
  const type =
    typeof value === 'number' ? (Number.isInteger(value) ? ['integer', 'number'] : ['number']) : [typeof value];
  return flat.find((o) => type.includes(String(o.type))) ?? (value === undefined ? flat[0] : undefined);
}

interface Fill {
  state: Shared;
  rename: (text: string) => string;
  problems: string[];
}

/** A value for a field the fake left out that GitHub always sends. */
function fillMissing(fill: Fill, node: Json | undefined, example: unknown): unknown {
  const schema = flatten(fill.state, node);
  if (isNullable(fill.state, schema)) return null;
  const options = branches(schema);
  if (options) return fillMissing(fill, chooseBranch(fill.state, options, example) ?? {}, example);
  if (schema.type === 'array') return [];
  if (isObjectSchema(schema)) return complete(fill, schema, {}, isPlainObject(example) ? example : undefined, '');
  if (schema.type === 'boolean') return false;
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).includes(example) ? example : schema.enum[0];
  // A count or a size from an example would be wrong (and an id the fake does not model is never read).
  if (schema.type === 'integer' || schema.type === 'number') return 0;
  if (schema.type === 'string') {
    if (typeof example === 'string') return fill.rename(example);
    return schema.format === 'date-time'
      ? '2026-01-01T00:00:00Z'
      : schema.format === 'uri'
        ? fill.rename('https://github.com/octocat/Hello-World')
        : '';
  }
  return example === undefined ? null : example;
}

/** Check one value the fake sent against its field's (small) schema, compiled once per schema. */
function checkLeaf(fill: Fill, node: Json, value: unknown, at: string): void {
  const { state } = fill;
  let validate = state.leaves.get(node);
  if (!validate) {
    validate = state.ajv.response.compile(toJsonSchema(state.spec, node, state.ajv.response));
    state.leaves.set(node, validate);
  }
  if (!validate(value)) fill.problems.push(...describeErrors(at, validate.errors));
}

/** The fake's value, checked, with what GitHub always sends added wherever it is an object (in lists too). */
function complete(
  fill: Fill,
  node: Json | undefined,
  value: unknown,
  example: unknown,
  at: string,
  viaBranch = false,
): unknown {
  if (!node) return value;
  const schema = flatten(fill.state, node);
  if (value === null) {
    if (!isNullable(fill.state, schema)) fill.problems.push(`${at} must not be null`);
    return value;
  }
  const options = branches(schema);
  if (options) {
    const branch = chooseBranch(fill.state, options, value);
    if (branch) return complete(fill, branch, value, example, at, true);
    fill.problems.push(`${at} matches none of its schemas`);
    return value;
  }
  if (schema.type === 'array' || schema.items !== undefined) {
    if (!Array.isArray(value)) {
      fill.problems.push(`${at} must be array`);
      return value;
    }
    const items = schema.items as Json | undefined;
    return value.map((item, i) =>
      complete(fill, items, item, Array.isArray(example) ? example[0] : undefined, `${at}.${String(i)}`),
    );
  }
  if (!isObjectSchema(schema) || !schema.properties) {
    checkLeaf(fill, node, value, at);
    return value;
  }
  if (!isPlainObject(value)) {
    fill.problems.push(`${at} must be object`);
    return value;
  }
  const properties = schema.properties as Record<string, Json>;
  const extra = isPlainObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  const ex = isPlainObject(example) ? example : undefined;
  const out: Json = {};
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (!(name in value)) out[name] = fillMissing(fill, properties[name], ex?.[name]);
  }
  for (const [name, field] of Object.entries(value)) {
    // A field GitHub does not send here (a check run's annotations, `merged` in a list of pull requests) is left
    // out, so no code can come to rely on it against the fake. Not where a branch of a `oneOf` was guessed.
    if (!properties[name] && !extra && schema.additionalProperties !== true && !viaBranch) continue;
    out[name] = complete(fill, properties[name] ?? extra, field, ex?.[name], `${at}.${name}`);
  }
  return out;
}

function responseShape(state: Shared, operation: OpenApiOperation, status: number): ResponseShape | null {
  const key = `${operation.method} ${operation.template} ${String(status)}`;
  const cached = state.responses.get(key);
  if (cached !== undefined) return cached;
  const raw = operation.responses[String(status)];
  const content = raw
    ? (resolve(state.spec, raw).content as
        Record<string, { schema?: Json; examples?: Record<string, Json>; example?: unknown }> | undefined)
    : undefined;
  const json = content?.['application/json'];
  let shape: ResponseShape | null = null;
  if (json?.schema) {
    const first = json.examples ? Object.values(json.examples)[0] : undefined;
    // An example's `value` may itself be a `$ref` to `#/components/examples/…`.
    let example: unknown = first ? resolve(state.spec, first).value : json.example;
    while (isPlainObject(example) && typeof example.$ref === 'string') example = resolve(state.spec, example).value;
    shape = { schema: json.schema, example };
  }
  state.responses.set(key, shape);
  return shape;
}

/**
 * The fake's answer to a request, shaped like GitHub's and checked against the description (see above); what does
 * not fit is recorded in `list`. Text bodies (raw file contents), errors and answers without a JSON body pass as they are.
 */
export function shapeResponse(request: FakeRequest, response: FakeResponse, list: InvalidRequest[]): FakeResponse {
  if (!enabled()) return response;
  const { stats } = shared();
  const started = performance.now();
  const shaped = shapeChecked(request, response, list);
  stats.shapeMs += performance.now() - started;
  stats.shapes += 1;
  return shaped;
}

function shapeChecked(request: FakeRequest, response: FakeResponse, list: InvalidRequest[]): FakeResponse {
  if (
    response.status < 200 ||
    response.status >= 300 ||
    response.body === undefined ||
    typeof response.body === 'string'
  )
    return response;
  const state = shared();
  const matched = matchOperation(state, request.method.toUpperCase(), request.path);
  if (!matched) return response;
  const { operation } = matched.route;
  const problem = (problems: string[]) => {
    record(list, {
      kind: 'response',
      method: request.method,
      path: request.path,
      operation: operationName(operation),
      problems,
    });
  };
  if (!(String(response.status) in operation.responses)) {
    problem([
      `status ${String(response.status)} is not an answer GitHub documents (${Object.keys(operation.responses).join(', ')})`,
    ]);
    return response;
  }
  const shape = responseShape(state, operation, response.status);
  if (!shape) return response;
  const { owner, repo } = matched.params;
  const rename =
    owner !== undefined && repo !== undefined
      ? (text: string) => text.replace(/\b(?:octocat|github)\/hello-world\b/gi, `${owner}/${repo}`)
      : (text: string) => text;
  const fill: Fill = { state, rename, problems: [] };
  const body = complete(fill, shape.schema, response.body, shape.example, 'response');
  if (fill.problems.length > 0) problem(fill.problems);
  return { ...response, body };
}
