import type { StackEntry } from '../product/stack-entry.js';

/** One answered question of the requirements discussion. */
export interface GroundingAnswer {
  number: number;
  question: string;
  answer: string;
  /** Says something new (not a bare "yes" or "no"): the draft must carry it somewhere. */
  behaviourChanging: boolean;
}

/** A requirement of the deterministic draft: the floor the model draft must cover. */
export interface FloorRequirement {
  number: number;
  name: string;
  details: string[];
}

/** A text the model reads besides the issue: product docs, standards, relevant source files. */
export interface GroundingDocument {
  path: string;
  text: string;
}

/** Everything the model drafts spec.md from; gathered by the phase, plain data. */
export interface SpecGrounding {
  title: string;
  /** The issue's text, line by line, as requirements.md keeps it. */
  issueLines: string[];
  requirements: FloorRequirement[];
  acceptance: string[];
  outOfScope: string[];
  answers: GroundingAnswer[];
  /** The repository's paths (files and folders) at the commit read; cited paths must be among them. */
  paths: string[];
  documents: GroundingDocument[];
  /** The tech stack detected from the repository's manifests (as plan-product detects it); empty when none. */
  stack?: StackEntry[];
}

const CONFIRMATION =
  /^(yes|yep|yeah|y|no|nope|n|ok|okay|correct|right|agreed|fine|sure|confirmed|none|n\/a|nothing|that'?s (right|fine|correct)|sounds good|looks good|go with the default|default|as proposed)[.!]*$/i;

/** Whether an answer says more than a bare confirmation or refusal of the proposed default. */
export function isBehaviourChanging(answer: string): boolean {
  const plain = answer
    .replace(/[*_`>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain !== '' && !CONFIRMATION.test(plain);
}
