import { agentOsTasks } from './support/task-files.js';
import { parseTaskFile } from '../src/core/tasks/parse-task-file.js';
const s = agentOsTasks(14000);
for (let i = 0; i < 15; i++) parseTaskFile(s);
