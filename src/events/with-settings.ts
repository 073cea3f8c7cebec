import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import type { EventBase, LifecycleContext } from '../phases/lifecycle-context.js';
import { loadSettings } from '../phases/load-settings.js';

/** The defaults, for saying something when the repository's settings cannot be read. */
export const DEFAULT_CONTEXT_SETTINGS = { settings: DEFAULT_SETTINGS.lifecycle, gateSettings: DEFAULT_SETTINGS.gate };

/** The event's base with the repository's settings (`.github/agent-os.yml` over the defaults). */
export async function withSettings(base: EventBase): Promise<LifecycleContext> {
  const settings = await loadSettings(base.client, base.repo);
  return { ...base, settings: settings.lifecycle, gateSettings: settings.gate };
}
