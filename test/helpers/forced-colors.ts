import { executeServerCommand } from '@web/test-runner-commands';

/** A CSS colour (a system colour such as `CanvasText`) as the page computes it: `rgb(…)`. */
export function computedColour(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  return rgb;
}

/**
 * Runs `fn` with forced colours emulated (Windows contrast themes; the `forced-colors` command of
 * web-test-runner.config.mjs), and ends the emulation whatever happens.
 */
export async function withForcedColors(fn: () => void | Promise<void>): Promise<void> {
  await executeServerCommand('forced-colors', true);
  try {
    if (!matchMedia('(forced-colors: active)').matches) throw new Error('forced colours are not emulated');
    await fn();
  } finally {
    await executeServerCommand('forced-colors', false);
  }
}
