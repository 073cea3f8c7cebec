// Moved to support/feature-requests.ts; this path stays for tests written before the move (the lead removes it).
export * from '../../support/feature-requests.js';
