import { isWorkflowFile } from './product-files.js';
import { parseYamlManifest, stringAt } from './parse-manifest.js';
import type { Detection, StackFiles, StackFinding } from './stack-entry.js';

/** Files whose presence names a CI service or a host. */
const PRESENCE_FILES: ReadonlyArray<readonly [path: string, category: string, name: string]> = [
  ['vercel.json', 'Hosting', 'Vercel'],
  ['netlify.toml', 'Hosting', 'Netlify'],
  ['fly.toml', 'Hosting', 'Fly.io'],
  ['render.yaml', 'Hosting', 'Render'],
  ['.gitlab-ci.yml', 'CI/CD', 'GitLab CI'],
  ['.circleci/config.yml', 'CI/CD', 'CircleCI'],
];

/** CI/CD and hosting: each GitHub Actions workflow (by its `name:`, else its file name), GitLab CI, CircleCI, and host configuration files. */
export function detectCiStack(files: StackFiles): Detection {
  const findings: StackFinding[] = [];
  const problems: Detection['problems'] = [];
  const workflows = [...files.keys()].filter((path) => isWorkflowFile(path)).sort();
  for (const path of workflows) {
    const parsed = parseYamlManifest(path, files.get(path) ?? '');
    if (!parsed.ok) {
      problems.push({ path, message: parsed.message });
      continue;
    }
    const name = stringAt(parsed.value, 'name')?.trim() || path.slice(path.lastIndexOf('/') + 1);
    findings.push({
      category: 'CI/CD',
      name: 'GitHub Actions',
      detail: name,
      key: `GitHub Actions ${path}`,
      source: path,
    });
  }
  for (const [path, category, name] of PRESENCE_FILES)
    if (files.has(path)) findings.push({ category, name, source: path });
  return { findings, problems };
}
