// Moved to support/fake-github/openapi-validation.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../../support/fake-github/openapi-validation.js';
