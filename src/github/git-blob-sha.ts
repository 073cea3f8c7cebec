import { createHash } from 'node:crypto';

/** The SHA git gives a file with this text: equal to GitHub's `sha` of a file exactly when the contents are equal. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
