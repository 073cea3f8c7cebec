// Moved to support/fake-github/nock-binding.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../../support/fake-github/nock-binding.js';
