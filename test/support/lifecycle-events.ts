// Moved to support/lifecycle-events.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../support/lifecycle-events.js';
