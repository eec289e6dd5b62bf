/**
 * One MutationObserver for the whole page that re-renders the widgets when any `lang` or `dir`
 * attribute changes (on `<html>`, an ancestor, or the element itself). It runs only while at least one
 * widget is connected.
 */
interface Watcher {
  requestUpdate(): void;
}

const watchers = new Set<Watcher>();
let observer: MutationObserver | undefined;

export function watchLanguage(element: Watcher): void {
  watchers.add(element);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const watcher of watchers) watcher.requestUpdate();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang', 'dir'],
      subtree: true,
    });
  }
}

export function unwatchLanguage(element: Watcher): void {
  watchers.delete(element);
  if (watchers.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}
