import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  specFolderAdapters
} from "./chunk-HH4VZXCC.js";
import {
  draftingLine,
  writeSpecFile
} from "./chunk-YRJPB7HU.js";
import "./chunk-ZNNRTZPP.js";
import "./chunk-4YIU4FYS.js";
import "./chunk-4JXO3V7L.js";
import "./chunk-ZDXQPSQJ.js";
import "./chunk-BSBV3LEP.js";
import "./chunk-TT3HGKZC.js";
import {
  AgentOsError
} from "./chunk-QIJ5KXJY.js";
import "./chunk-OF5DHQMO.js";
import "./chunk-TB6QAKHI.js";

// src/cli/write-spec-command.ts
async function writeSpecCommand(folder, options) {
  const run = await specFolderAdapters(folder, options);
  const requirementsPath = run.at("planning/requirements.md");
  const specPath = run.at("spec.md");
  const written = await writeSpecFile(run.workspace, run.deps, {
    folder: run.folder,
    requirementsPath,
    specPath,
    force: options.force,
    message: () => ""
  });
  if (written.status === "missing-requirements") {
    throw new AgentOsError(
      "user-input",
      `${requirementsPath} does not exist: SPEC_FOLDER must be a spec folder with planning/requirements.md (write one with \`agent-os-github shape-spec ISSUE.md\`).`
    );
  }
  if (written.status === "kept-edited") {
    throw new AgentOsError(
      "user-input",
      `${specPath} was edited since it was written; pass --force to write it again from requirements.md (the edits are lost).`
    );
  }
  const note = written.drafting === void 0 ? "" : `${draftingLine("spec.md", written.drafting)}
`;
  const said = {
    unchanged: `${specPath} is already up to date.`,
    written: `Wrote ${specPath}`,
    updated: `Rewrote ${specPath}`
  }[written.status];
  return { exitCode: 0, stdout: `${said}
${note}`, stderr: run.warning };
}
export {
  writeSpecCommand
};
