// Moved to support/fake-github/fake-github.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../../support/fake-github/fake-github.js';
