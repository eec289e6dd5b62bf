/**
 * Forces a full garbage collection without `gc()` (not exposed here): fills the old generation with large
 * arrays, kept for a few rounds so that they are promoted, until a detached DOM element (which only a full
 * collection frees, never a young-generation one) is finalized. Twice: the second time the junk of the
 * first is garbage too. WeakRefs are cleared by then (they clear between tasks).
 */
export async function forceGc(): Promise<void> {
  for (let pass = 0; pass < 2; pass++) {
    let finalized = false;
    const registry = new FinalizationRegistry(() => (finalized = true));
    // The canary is kept through a few young-generation collections first, so that it is old: only a
    // full collection frees it then.
    let canary: Element | undefined = document.createElement('div');
    registry.register(canary, 'canary');
    const keep: number[][] = [];
    for (let round = 0; round < 400 && !finalized; round++) {
      if (round === 12) canary = undefined;
      for (let i = 0; i < 8; i++) keep.push(new Array(1_000_000).fill(round + 0.5));
      while (keep.length > 48) keep.shift();
      await new Promise((r) => setTimeout(r, 0));
    }
    keep.length = 0;
    if (!finalized) throw new Error('could not provoke a full garbage collection');
  }
  await new Promise((r) => setTimeout(r, 0));
}
