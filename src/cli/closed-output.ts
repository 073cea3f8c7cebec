/**
 * `agent-os-github validate | head`: when the reader closes the pipe, writing to it fails with EPIPE. That is the
 * reader's choice, not a failure: stop quietly (with the exit code the command chose) instead of a stack trace.
 */
export function quitQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}
