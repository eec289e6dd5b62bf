/**
 * One IntersectionObserver for every lazily loading widget on the page: `whenNearViewport` calls back
 * once, when the element comes within 300px of the viewport.
 */
const callbacks = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

export function whenNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const cb = callbacks.get(entry.target);
        stop(entry.target);
        cb?.();
      }
    },
    { rootMargin: '300px' },
  );
  callbacks.set(element, callback);
  observer.observe(element);
  return () => stop(element);
}

function stop(element: Element) {
  if (!callbacks.delete(element)) return;
  observer?.unobserve(element);
  if (callbacks.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}
