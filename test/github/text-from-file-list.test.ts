import { describe, expect, it } from '@jest/globals';
import { gitBlobSha } from '../../src/github/git-blob-sha.js';
import { textFromFileList } from '../../src/github/list-changed-files.js';

const tasks = '# Tasks\n\n- [x] 1.0 Build it\n';
const patch = '@@ -0,0 +1,3 @@\n+# Tasks\n+\n+- [x] 1.0 Build it';

describe('textFromFileList', () => {
  it("takes an added file's text from its diff when the text's blob SHA is the one GitHub lists", () => {
    expect(textFromFileList({ path: 'tasks.md', removed: false, blobSha: gitBlobSha(tasks), addedPatch: patch })).toBe(
      tasks,
    );
  });

  it('gives nothing (the file is read instead) when the SHA differs, or GitHub left the diff out', () => {
    expect(
      textFromFileList({ path: 'tasks.md', removed: false, blobSha: gitBlobSha(`${tasks}more\n`), addedPatch: patch }),
    ).toBeUndefined();
    expect(textFromFileList({ path: 'tasks.md', removed: false, blobSha: gitBlobSha(tasks) })).toBeUndefined();
  });
});
