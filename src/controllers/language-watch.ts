/**
 * One MutationObserver for the whole page that re-renders the widgets when any `lang` or `dir`
 * attribute changes (on `<html>`, an ancestor, or the element itself), across shadow roots: a widget inside
 * another component's shadow DOM (a framework's) hears its ancestors there too. It runs only while at least one
 * widget is connected.
 */
interface Watcher {
  requestUpdate(): void;
  getRootNode(): Node;
}

const watchers = new Map<Watcher, ShadowRoot[]>();
/** The shadow roots above the watched widgets, with how many widgets each is above. */
const roots = new Map<ShadowRoot, number>();
let observer: MutationObserver | undefined;

const OPTIONS: MutationObserverInit = { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true };

function observe(): void {
  observer?.disconnect();
  observer = undefined;
  if (watchers.size === 0 || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const watcher of watchers.keys()) watcher.requestUpdate();
  });
  // (A MutationObserver sees no further than a shadow root's boundary: each one above a widget is watched too.)
  for (const node of [document.documentElement, ...roots.keys()]) observer.observe(node, OPTIONS);
}

export function watchLanguage(element: Watcher): void {
  if (watchers.has(element)) return;
  const above: ShadowRoot[] = [];
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) above.push(root);
  watchers.set(element, above);
  let added = false;
  for (const root of above) {
    const count = roots.get(root) ?? 0;
    added ||= count === 0;
    roots.set(root, count + 1);
  }
  if (!observer || added) observe();
}

export function unwatchLanguage(element: Watcher): void {
  const above = watchers.get(element);
  if (!above) return;
  watchers.delete(element);
  let gone = false;
  for (const root of above) {
    const count = roots.get(root)! - 1;
    if (count > 0) roots.set(root, count);
    else gone = roots.delete(root);
  }
  if (watchers.size === 0 || gone) observe();
}
