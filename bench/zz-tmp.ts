import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTaskItems } from '../src/core/markdown/read-task-items.js';
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : n.endsWith('.md') ? [p] : []; });
const files = [...walk('test/fixtures'), ...walk('test/core').filter((p) => p.includes('/fixtures/'))];
let tree = 0;
for (const f of files) { const v = readTaskItems(readFileSync(f, 'utf8')).via; if (v === 'tree') { tree++; console.log('tree:', f); } }
console.log(files.length, 'files', tree, 'via tree');
