// Moved to support/webhook-examples.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../support/webhook-examples.js';
