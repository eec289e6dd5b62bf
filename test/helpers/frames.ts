/** Waits for two real animation frames: IntersectionObserver delivers its answers in the frame's rendering steps. */
export const frames = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Moves `el` far below the viewport (a 5,000 px block before it), or back to where it was. */
export function farAway(el: HTMLElement, far: boolean): void {
  el.style.marginBlockStart = far ? '5000px' : '';
  if (!far) el.scrollIntoView({ block: 'nearest' });
}
