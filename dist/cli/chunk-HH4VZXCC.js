import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  QUIET_LOG,
  chooseCliModel,
  fsSpecWorkspace,
  inFolder,
  workspaceFolder
} from "./chunk-YRJPB7HU.js";
import {
  readLocalSettings,
  writeBase
} from "./chunk-ZDXQPSQJ.js";

// src/cli/spec-folder-adapters.ts
import { resolve } from "node:path";
async function specFolderAdapters(folder, options) {
  const shownFolder = workspaceFolder(options.cwd, folder);
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  return {
    folder: shownFolder,
    at: (name) => inFolder(shownFolder, name),
    workspace: fsSpecWorkspace({ cwd: options.cwd, base: writeBase(options.cwd, resolve(options.cwd, folder)) }),
    deps: { settings, log: QUIET_LOG, ...chosen.model === void 0 ? {} : { model: chosen.model } },
    warning: chosen.warning === void 0 ? "" : `agent-os-github: ${chosen.warning}
`
  };
}

export {
  specFolderAdapters
};
