// Moved to support/test-probot.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../support/test-probot.js';
