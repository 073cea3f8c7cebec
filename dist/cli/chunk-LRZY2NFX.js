import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  makeSlug
} from "./chunk-3O26EJHB.js";

// src/core/spec/spec-location.ts
function dateOf(createdAt) {
  const time = Date.parse(createdAt);
  if (Number.isNaN(time)) throw new RangeError(`not a timestamp: ${createdAt}`);
  return new Date(time).toISOString().slice(0, 10);
}
function locate(issueNumber, slug, date, settings) {
  const folder = `${settings.specRoot}/specs/${date}-${slug}`;
  return {
    issueNumber,
    slug,
    date,
    branch: `${settings.branchPrefix}${issueNumber}-${slug}`,
    folder,
    requirementsPath: `${folder}/planning/requirements.md`,
    specPath: `${folder}/spec.md`,
    tasksPath: `${folder}/tasks.md`
  };
}
function specLocationFor(subject, settings) {
  return locate(
    subject.issueNumber,
    makeSlug(subject.title, `issue-${subject.issueNumber}`),
    dateOf(subject.createdAt),
    settings
  );
}
function specPathBeside(tasksPath) {
  return /(^|\/)specs\/[^/]+\/tasks\.md$/.test(tasksPath) ? `${tasksPath.slice(0, -"tasks.md".length)}spec.md` : void 0;
}

export {
  specLocationFor,
  specPathBeside
};
