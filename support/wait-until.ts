/**
 * Conditions waited on without a clock: each pending `until(ready)` is checked again whenever `wake()` is called,
 * by whatever changes the state it reads (a request arriving or answered, a process printing). No timer and no
 * deadline: a test's own timeout ends a wait that never comes.
 */
export interface Waiter {
  /** Resolves once `ready()` is true: at once, or at the first `wake()` after which it is. */
  until: (ready: () => boolean) => Promise<void>;
  /** Checks every pending condition again. */
  wake: () => void;
}

export function createWaiter(): Waiter {
  const pending = new Set<() => void>();
  return {
    until: (ready) =>
      ready()
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const check = () => {
              if (!ready()) return;
              pending.delete(check);
              resolve();
            };
            pending.add(check);
          }),
    wake: () => {
      for (const check of [...pending]) check();
    },
  };
}
