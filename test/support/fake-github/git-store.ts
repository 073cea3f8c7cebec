// Moved to support/fake-github/git-store.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../../support/fake-github/git-store.js';
