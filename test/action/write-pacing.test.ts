import { describe, expect, it } from '@jest/globals';
import { throttleOptions, WRITE_PACING_ENV } from '../../src/action/create-action-client.js';
import { isAgentOsError } from '../../src/core/errors.js';

/** The settings a Bottleneck group was created with (the library keeps them; its types do not say so). */
function settingsOf(group: unknown): unknown {
  return (group as { limiterOptions: unknown }).limiterOptions;
}

describe("the Action's pacing of writes (AGENT_OS_WRITE_PACING_MS)", () => {
  it('unset or empty: the throttling plugin keeps its own pacing (a write a second, a notifying write every three)', () => {
    for (const env of [{}, { [WRITE_PACING_ENV]: '' }]) {
      const options = throttleOptions(env) as Record<string, unknown>;
      expect(options.write).toBeUndefined();
      expect(options.notifications).toBeUndefined();
      expect(typeof options.onRateLimit).toBe('function');
      expect(typeof options.onSecondaryRateLimit).toBe('function');
    }
  });

  it('a number of milliseconds sets the gap between writes and between notifying writes; rate-limit handling stays', () => {
    const options = throttleOptions({ [WRITE_PACING_ENV]: '0' }) as Record<string, unknown>;
    expect(settingsOf(options.write)).toEqual({ id: 'octokit-write', maxConcurrent: 1, minTime: 0 });
    expect(settingsOf(options.notifications)).toEqual({ id: 'octokit-notifications', maxConcurrent: 1, minTime: 0 });
    expect(typeof options.onSecondaryRateLimit).toBe('function');
    const slower = throttleOptions({ [WRITE_PACING_ENV]: '250' }) as Record<string, unknown>;
    expect(settingsOf(slower.write)).toMatchObject({ minTime: 250 });
  });

  it.each(['fast', '-1', '1.5', '1e3'])(
    '"%s" is refused with a message naming the variable and what it expects',
    (value) => {
      let error: unknown;
      try {
        throttleOptions({ [WRITE_PACING_ENV]: value });
      } catch (caught) {
        error = caught;
      }
      expect(isAgentOsError(error)).toBe(true);
      expect((error as Error).message).toBe(
        `AGENT_OS_WRITE_PACING_MS must be a whole number of milliseconds (0 or more), got "${value}". Unset it to pace writes as GitHub advises.`,
      );
    },
  );
});
