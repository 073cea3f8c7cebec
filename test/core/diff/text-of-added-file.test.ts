import { describe, expect, it } from '@jest/globals';
import { textOfAddedFile } from '../../../src/core/diff/text-of-added-file.js';

describe('textOfAddedFile', () => {
  it('gives an added file its whole text, with the final line break it has', () => {
    expect(textOfAddedFile('@@ -0,0 +1,3 @@\n+# Tasks\n+\n+- [ ] 1.0 Build it')).toBe(
      '# Tasks\n\n- [ ] 1.0 Build it\n',
    );
    expect(textOfAddedFile('@@ -0,0 +1 @@\n+one line')).toBe('one line\n');
  });

  it('keeps a file without a final line break without one, and carriage returns as they are', () => {
    expect(textOfAddedFile('@@ -0,0 +1,2 @@\n+a\r\n+b\n\\ No newline at end of file')).toBe('a\r\nb');
  });

  it('gives nothing for a modified file, a cut patch or a count that does not add up', () => {
    expect(textOfAddedFile('@@ -1,2 +1,2 @@\n-a\n+b\n c')).toBeUndefined();
    expect(textOfAddedFile('@@ -0,0 +1,3 @@\n+a\n+b')).toBeUndefined();
    expect(textOfAddedFile('@@ -0,0 +1,2 @@\n+a\n b')).toBeUndefined();
    expect(textOfAddedFile('')).toBeUndefined();
  });
});
