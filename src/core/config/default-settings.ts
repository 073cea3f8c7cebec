import { DEFAULT_LIFECYCLE_SETTINGS } from './lifecycle-settings.js';
import type { Settings } from './parse-config.js';
import { DEFAULT_GATE_SETTINGS } from './settings.js';

/**
 * The defaults: what a repository without `.github/agent-os.yml` runs with. Plain data rather than the schema's
 * output, so that an event on such a repository never builds the configuration schema (the Action's start-up);
 * test/core/config/default-settings.test.ts holds it equal to what the schema gives for an empty file.
 */
export const DEFAULT_SETTINGS: Settings = { lifecycle: DEFAULT_LIFECYCLE_SETTINGS, gate: DEFAULT_GATE_SETTINGS };
