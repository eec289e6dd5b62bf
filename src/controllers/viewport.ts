/**
 * One IntersectionObserver for every lazily loading widget on the page: `whenNearViewport` calls back
 * once, when the element comes within 300px of the viewport. And one for the widgets whose work goes on over
 * time (a countdown's seconds, relative dates, a carousel's rotation): `watchViewport` tells them each time
 * they come within 300px of the viewport or go further away, so that they can rest while nobody sees them.
 */
const callbacks = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;
/** How near counts as near, in CSS px: the observer's root margin, and the early read's. */
const MARGIN = 300;

/**
 * `soon`: the element has nothing to show until then (no copy from an earlier visit), so it is worth reading its
 * box before the next frame rather than waiting for the observer's first answer, which comes after that frame.
 */
export function whenNearViewport(element: Element, callback: () => void, soon = false): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) near(entry.target);
    },
    { rootMargin: `${MARGIN}px` },
  );
  callbacks.set(element, callback);
  observer.observe(element);
  // The observer's first answer comes after the next frame, so a widget already in view would request its feed
  // only then. Once the updates of this turn are done (the skeletons rendered), its box is read: the layout the
  // frame would do anyway, done once for all of them (cheap while they show skeletons; a widget showing a copy
  // has no need to hurry). A widget hidden, or skipped by `content-visibility`, waits for the observer. (Unlike
  // the observer, this does not see an ancestor's overflow clip: a widget scrolled out of a clipping box near
  // the viewport requests its feed a little early. In a tab opened in the background, where the observer does
  // not answer until the tab is shown, a widget in view loads at once and is ready when the visitor comes.)
  if (soon) {
    queueMicrotask(() => {
      if (callbacks.get(element) !== callback || !element.checkVisibility?.({ contentVisibilityAuto: true })) return;
      const box = element.getBoundingClientRect();
      if (box.bottom > -MARGIN && box.right > -MARGIN && box.top < innerHeight + MARGIN && box.left < innerWidth + MARGIN) {
        near(element);
      }
    });
  }
  return () => stop(element);
}

function near(element: Element) {
  const callback = callbacks.get(element);
  stop(element);
  callback?.();
}

function stop(element: Element) {
  if (!callbacks.delete(element)) return;
  observer?.unobserve(element);
  if (callbacks.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

const watchers = new Map<Element, Set<(near: boolean) => void>>();
let watcher: IntersectionObserver | undefined;

/**
 * Calls `onChange(near)` whenever `element` comes within 300px of the viewport or goes further (and just after
 * it is first observed, whatever it is then). Returns a function that stops. Callers take an element as near until
 * told otherwise (without IntersectionObserver, for good).
 */
export function watchViewport(element: Element, onChange: (near: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  watcher ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) for (const callback of [...(watchers.get(entry.target) ?? [])]) callback(entry.isIntersecting);
    },
    { rootMargin: `${MARGIN}px` },
  );
  let callbacks = watchers.get(element);
  if (!callbacks) {
    watchers.set(element, (callbacks = new Set()));
    watcher.observe(element);
  }
  callbacks.add(onChange);
  return () => {
    if (!callbacks.delete(onChange) || callbacks.size) return;
    watchers.delete(element);
    watcher?.unobserve(element);
    if (watchers.size === 0) {
      watcher?.disconnect();
      watcher = undefined;
    }
  };
}
