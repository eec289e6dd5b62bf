/** Anything dated: `time` in ms since the epoch (never NaN). */
export interface Dated {
  time: number;
}

/** Newest first; equal times keep their order (Array.prototype.sort is stable). */
export const byNewest = (a: Dated, b: Dated): number => b.time - a.time;

/**
 * The `k` newest of `entries`, newest first: the same as `[...entries].sort(byNewest).slice(0, k)`, ties
 * included, in one pass that compares most entries once with the k-th newest so far. For the first page of a
 * large list, which then needs no full sort before it is shown.
 */
export function newest<T extends Dated>(entries: readonly T[], k: number): T[] {
  const top: T[] = [];
  if (!(k >= 1)) return top;
  if (k >= entries.length) return [...entries].sort(byNewest);
  // Once k are kept, the k-th newest time: most entries are compared with it and nothing else (the loop runs
  // over a whole feed, in cold code).
  let floor = -Infinity;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const time = e.time;
    // Not newer than the k-th: a stable sort puts it after (an equal time came later in the list).
    if (time <= floor) continue;
    if (top.length === k) top.pop();
    let at = top.length;
    while (at > 0 && top[at - 1]!.time < time) at--;
    top.splice(at, 0, e);
    if (top.length === k) floor = top[k - 1]!.time;
  }
  return top;
}
