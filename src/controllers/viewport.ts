/**
 * One IntersectionObserver for every widget on the page that cares where it is: `watchViewport` tells a widget each
 * time it comes within 300px of the viewport or goes further away (a countdown's seconds, relative dates and a
 * carousel's rotation rest while nobody sees them), and `whenNearViewport`, built on it, calls back once, when a
 * lazily loading widget first comes near.
 */
/** How near counts as near, in CSS px: the observer's root margin, and the early read's. */
const MARGIN = 300;

interface Watched {
  /** What the observer last said of the element (undefined until its first answer). */
  near: boolean | undefined;
  callbacks: Set<(near: boolean) => void>;
}

const watched = new Map<Element, Watched>();
let observer: IntersectionObserver | undefined;

/**
 * Calls `onChange(near)` whenever `element` comes within 300px of the viewport or goes further, and once it is
 * known where the element is (the observer's first answer; a watcher that comes later is told what it said).
 * Returns a function that stops. Callers take an element as near until told otherwise (without
 * IntersectionObserver, for good).
 */
export function watchViewport(element: Element, onChange: (near: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const state = watched.get(entry.target);
        if (!state) continue;
        state.near = entry.isIntersecting;
        for (const callback of [...state.callbacks]) callback(entry.isIntersecting);
      }
    },
    { rootMargin: `${MARGIN}px` },
  );
  let entry = watched.get(element);
  if (!entry) {
    watched.set(element, (entry = { near: undefined, callbacks: new Set() }));
    observer.observe(element);
  }
  const { callbacks, near } = entry;
  callbacks.add(onChange);
  if (near !== undefined) queueMicrotask(() => callbacks.has(onChange) && onChange(near));
  return () => {
    if (!callbacks.delete(onChange) || callbacks.size) return;
    watched.delete(element);
    observer?.unobserve(element);
    if (watched.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/**
 * Calls back once, when `element` comes within 300px of the viewport; returns a function that cancels.
 * `soon`: the element has nothing to show until then (no copy from an earlier visit), so it is worth reading its
 * box before the next frame rather than waiting for the observer's first answer, which comes after that frame.
 */
export function whenNearViewport(element: Element, callback: () => void, soon = false): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => undefined;
  }
  let waiting = true;
  const near = (): void => {
    if (!waiting) return;
    waiting = false;
    unwatch();
    callback();
  };
  const unwatch = watchViewport(element, (isNear) => {
    if (isNear) near();
  });
  // The observer's first answer comes after the next frame, so a widget already in view would request its feed
  // only then. Once the updates of this turn are done (the skeletons rendered), its box is read: the layout the
  // frame would do anyway, done once for all of them (cheap while they show skeletons; a widget showing a copy
  // has no need to hurry). A widget hidden, or skipped by `content-visibility`, waits for the observer. (Unlike
  // the observer, this does not see an ancestor's overflow clip: a widget scrolled out of a clipping box near
  // the viewport requests its feed a little early. In a tab opened in the background, where the observer does
  // not answer until the tab is shown, a widget in view loads at once and is ready when the visitor comes.)
  if (soon) {
    queueMicrotask(() => {
      if (!waiting || !element.checkVisibility?.({ contentVisibilityAuto: true })) return;
      const box = element.getBoundingClientRect();
      if (box.bottom > -MARGIN && box.right > -MARGIN && box.top < innerHeight + MARGIN && box.left < innerWidth + MARGIN) {
        near();
      }
    });
  }
  return () => {
    waiting = false;
    unwatch();
  };
}
