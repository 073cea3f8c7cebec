// GitHub's REST routes as Octokit generates them from GitHub's OpenAPI description
// (@octokit/plugin-rest-endpoint-methods, already installed). Only the method and the path template are checked;
// request bodies are not (that would need @octokit/openapi, about 385 MB, not installed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const endpoints = readFileSync(join(dirname(require.resolve('@octokit/plugin-rest-endpoint-methods')), 'generated', 'endpoints.js'), 'utf8');

/** `POST /repos/{owner}/{repo}/git/refs` → a matcher for `POST /repos/acme/app/git/refs`. */
const ROUTES: RegExp[] = [...new Set([...endpoints.matchAll(/"((?:GET|POST|PUT|PATCH|DELETE) \/[^"\s]*)"/g)].map((m) => m[1] ?? ''))].map(
  (route) => new RegExp(`^${route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^?#]+')}$`),
);

export const DOCUMENTED_ROUTE_COUNT = ROUTES.length;

/** Whether `METHOD /path` (path as sent, percent-decoded) is a route of GitHub's REST API. */
export function isDocumentedRoute(method: string, path: string): boolean {
  const line = `${method} ${path}`;
  return ROUTES.some((route) => route.test(line));
}
