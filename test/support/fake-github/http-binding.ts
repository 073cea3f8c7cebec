// Moved to support/fake-github/http-binding.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../../support/fake-github/http-binding.js';
