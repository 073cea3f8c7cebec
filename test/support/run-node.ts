// Moved to support/run-node.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../support/run-node.js';
