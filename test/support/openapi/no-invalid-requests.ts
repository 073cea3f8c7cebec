// Moved to support/fake-github/no-invalid-requests.ts; this path stays for tests written before the move (the lead removes it).
import '../../../support/fake-github/no-invalid-requests.js';
