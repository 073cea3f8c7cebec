import type { FileLinker } from './gate-types.js';

/** Link files at one commit on GitHub: `<repo html url>/blob/<sha>/<path>#L<line>`. */
export function blobLinker(repoHtmlUrl: string, sha: string): FileLinker {
  const base = repoHtmlUrl.replace(/\/+$/, '');
  return (path, line) => {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${base}/blob/${sha}/${encoded}${line === undefined ? '' : `#L${line}`}`;
  };
}
