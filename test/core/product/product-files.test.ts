import { describe, expect, it } from '@jest/globals';
import {
  isStackFile,
  PRODUCT_FILE_NAMES,
  productFilePaths,
  productFolder,
  STACK_FILE_PATHS,
} from '../../../src/core/product/product-files.js';

describe('product files', () => {
  it('live in <specRoot>/product', () => {
    expect(PRODUCT_FILE_NAMES).toEqual({ mission: 'mission.md', roadmap: 'roadmap.md', techStack: 'tech-stack.md' });
    expect(productFolder('agent-os')).toBe('agent-os/product');
    expect(productFolder('docs/agent-os/')).toBe('docs/agent-os/product');
    expect(productFilePaths('agent-os')).toEqual({
      mission: 'agent-os/product/mission.md',
      roadmap: 'agent-os/product/roadmap.md',
      techStack: 'agent-os/product/tech-stack.md',
    });
  });

  it('reads the manifests of every ecosystem at the root, and the workflows', () => {
    for (const path of [
      'package.json',
      'pnpm-lock.yaml',
      'go.mod',
      'pyproject.toml',
      'requirements.txt',
      'Pipfile',
      'Gemfile',
      'Cargo.toml',
      'composer.json',
      'Dockerfile',
      'compose.yaml',
      '.tool-versions',
    ]) {
      expect(STACK_FILE_PATHS).toContain(path);
      expect(isStackFile(path)).toBe(true);
    }
    expect(isStackFile('.github/workflows/ci.yml')).toBe(true);
    expect(isStackFile('./.github/workflows/deploy.yaml')).toBe(true);
    expect(new Set(STACK_FILE_PATHS).size).toBe(STACK_FILE_PATHS.length);
  });

  it('does not read files elsewhere', () => {
    for (const path of [
      'apps/web/package.json',
      'src/go.mod',
      '.github/workflows/README.md',
      '.github/workflows/nested/ci.yml',
      '.github/dependabot.yml',
      'README.md',
    ]) {
      expect(isStackFile(path)).toBe(false);
    }
  });
});
