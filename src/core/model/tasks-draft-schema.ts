import { z } from 'zod';
import { SOURCES } from './spec-draft-schema.js';

const line = z.string().trim().min(1);

/** tasks.md as the model drafts it: task groups whose tasks name the specific requirements they implement. */
export const TASKS_DRAFT_SCHEMA = z.object({
  groups: z
    .array(
      z.object({
        title: line.describe('what the group builds, e.g. "Invite model and migration"'),
        depends_on: z
          .array(z.number().int())
          .default([])
          .describe('numbers of earlier groups (1-based) this one needs'),
        tasks: z
          .array(
            z.object({
              text: line.describe('one concrete step an engineer can do and tick'),
              requirements: SOURCES.requirements.describe(
                'numbers of the specific requirements of spec.md this task implements',
              ),
              files: SOURCES.files,
            }),
          )
          .min(1),
        acceptance: z.array(line).default([]).describe('what is true when the group is done'),
      }),
    )
    .min(1),
});

export type TasksDraft = z.output<typeof TASKS_DRAFT_SCHEMA>;
