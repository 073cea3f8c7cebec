import type { Probot } from 'probot';
import { INSTALLATION_EVENTS } from '../events/event-names.js';
import { installationRepositories, onInstallation } from '../events/on-installation.js';
import { forgetSettingsRepoAbsent } from '../github/owner-settings-absence.js';
import { eventOf, type AppWiring } from './app-wiring.js';

/** Installed, or repositories added: the App's labels are created there. */
export function registerInstallationEvents(app: Probot, wiring: AppWiring): void {
  app.on([...INSTALLATION_EVENTS], (context) =>
    wiring.desk.accept(context, async () => {
      const event = eventOf(context, 'installation');
      if (event === undefined) return true;
      // The App may now read the owner's `.github` repository: its settings are asked for again.
      if (event.account !== undefined) await forgetSettingsRepoAbsent(wiring.store, event.account);
      const repos = await installationRepositories(context.octokit, event);
      const result = await wiring.queue.run(`installation ${String(event.installationId)}`, () =>
        onInstallation(context.octokit, repos),
      );
      context.log.info({ ...result, failed: result.failed.length }, 'labels ensured');
      for (const failure of result.failed) context.log.warn(failure, 'could not create the labels of a repository');
      return result.failed.length === 0;
    }),
  );
}
