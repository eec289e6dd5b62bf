import { executeServerCommand } from '@web/test-runner-commands';

export interface Accessible {
  /** Chromium's role ("link", "timer", "StaticText"…). */
  role: string;
  /** The accessible name, as a screen reader says it for the element. */
  name: string;
  /** Its text nodes that assistive technology gets (none under `aria-hidden`), joined with spaces. */
  text: string;
}

const realSetTimeout = window.setTimeout;
const realClearTimeout = window.clearTimeout;

/**
 * What a screen reader gets for `el`, read from Chromium's accessibility tree (web-test-runner.config.mjs, command
 * `accessible`), not computed by hand. Any white space comes back as a plain space: Intl and French typography
 * put no-break spaces in ("12 minutes", "En direct : rejoindre"). Runs with the real timers while a test's fake
 * clock is on; one call at a time (the element is handed over in a global).
 */
export async function accessibleOf(el: Element): Promise<Accessible> {
  const [fakeSet, fakeClear] = [window.setTimeout, window.clearTimeout];
  const probe = window as unknown as { __accessibleProbe?: Element };
  window.setTimeout = realSetTimeout;
  window.clearTimeout = realClearTimeout;
  probe.__accessibleProbe = el;
  try {
    const result = await executeServerCommand<Accessible | null, undefined>('accessible');
    if (!result) throw new Error('accessibleOf: no element to read');
    const spaces = (value: string) => value.replace(/\s/g, ' ');
    return { role: result.role, name: spaces(result.name), text: spaces(result.text) };
  } finally {
    delete probe.__accessibleProbe;
    window.setTimeout = fakeSet;
    window.clearTimeout = fakeClear;
  }
}
