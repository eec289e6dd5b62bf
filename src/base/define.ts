/**
 * Guarded registration: loading the bundle twice, or the CDN bundle beside the npm build, throws
 * nothing. A tag that is already taken by another class is left alone, with one warning naming it.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`cities-widgets: <${tag}> is already defined on this page; this copy was not registered.`);
    return;
  }
  customElements.define(tag, constructor);
}
