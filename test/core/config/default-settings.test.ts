import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS } from '../../../src/core/config/default-settings.js';
import { parseConfig } from '../../../src/core/config/parse-config.js';

describe('DEFAULT_SETTINGS', () => {
  it('is exactly what the configuration schema gives for an empty file, key for key', () => {
    const parsed = parseConfig({});
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(DEFAULT_SETTINGS).toStrictEqual(parsed.settings);
  });
});
