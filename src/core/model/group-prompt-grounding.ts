import type { StackEntry } from '../product/stack-entry.js';
import type { FloorRequirement } from './spec-grounding.js';

/** One task of the group, by the reference the model cites it with (`1.2`, or `T3` for a task without an ID). */
export interface GroupTask {
  ref: string;
  text: string;
  /** 0 for a parent task, 1 for its sub-tasks, … */
  depth: number;
}

/** Everything the model drafts one group's implementation guidance from; gathered by the phase, plain data. */
export interface GroupPromptGrounding {
  specTitle: string;
  groupKey: string;
  groupName: string;
  tasks: GroupTask[];
  /** The other groups (`2: API endpoints`), so the model keeps to this one. */
  otherGroups: string[];
  goal: string;
  /** spec.md's specific requirements. */
  requirements: FloorRequirement[];
  /** The repository's paths at the spec branch; cited paths must be among them. */
  paths: string[];
  stack: StackEntry[];
}
