import { css } from 'lit';

/**
 * Shared by every widget: the host reset, the design tokens and the state blocks.
 * Public custom properties (`--cities-*`) map to private ones (`--_*`) used inside. A token that no rule reads
 * ships in every bundle for nothing: test/node/styles.test.mjs keeps every private property both set and read.
 */
export const baseStyles = css`
  /* The width it is given, in every layout: a widget lays itself out by its own width (container queries), so
     its content gives it no width of its own, and in a flex row, a float or a centred column (which size their
     children to content) it shrank to about 32 px. "stretch" fills the space as a block does, margins included;
     the page's own width on the element wins. (A parent that is itself sized to content, inline-block, still
     needs a width.) */
  :host {
    display: block;
    inline-size: -webkit-fill-available;
    inline-size: stretch;
  }
  :host([hidden]) {
    display: none;
  }
  /* The root undoes what a host page's inherited styles would break, while inheriting its font. (It is a div, so
     display: block, and the * rule below gives it box-sizing: neither is written here again.) */
  .root {
    --_accent: var(--cities-accent, #0a5bc4);
    --_on-accent: var(--cities-on-accent, #ffffff);
    --_text: var(--cities-text, #1b2430);
    --_muted: var(--cities-text-muted, #566272);
    --_surface: var(--cities-surface, #ffffff);
    --_surface-alt: var(--cities-surface-alt, #f2f5f9);
    --_border: var(--cities-border, #d3dae3);
    --_focus: var(--cities-focus, #0a5bc4);
    --_radius: var(--cities-radius, 8px);
    --_gap: var(--cities-gap, 16px);
    --_skeleton: #e4e9ef;
    color-scheme: light;
    color: var(--_text);
    background: var(--_surface);
    border-radius: var(--_radius);
    font-family: var(--cities-font, inherit);
    /* Every text size is a multiple of this one (calc, not em: no compounding in nested boxes; not rem: the
       host page's root font size must not reach in), so --cities-font-size scales the whole widget. */
    --_fs: var(--cities-font-size, 16px);
    font-size: var(--_fs);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
    font-variant: normal;
    overflow-wrap: anywhere;
    visibility: visible;
  }
  /* Dark: designed for dark surfaces (lighter accent, softer text), not an inversion. The same values
     serve theme="dark" and theme="auto" under prefers-color-scheme: dark (kept in step by hand). */
  .root.theme-dark {
    --_accent: var(--cities-accent, #8ab8ff);
    --_on-accent: var(--cities-on-accent, #0b1526);
    --_text: var(--cities-text, #e7ecf2);
    --_muted: var(--cities-text-muted, #a7b3c2);
    --_surface: var(--cities-surface, #161b22);
    --_surface-alt: var(--cities-surface-alt, #212833);
    --_border: var(--cities-border, #364150);
    --_focus: var(--cities-focus, #ffd166);
    --_skeleton: #2a323d;
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .root.theme-auto {
      --_accent: var(--cities-accent, #8ab8ff);
      --_on-accent: var(--cities-on-accent, #0b1526);
      --_text: var(--cities-text, #e7ecf2);
      --_muted: var(--cities-text-muted, #a7b3c2);
      --_surface: var(--cities-surface, #161b22);
      --_surface-alt: var(--cities-surface-alt, #212833);
      --_border: var(--cities-border, #364150);
      --_focus: var(--cities-focus, #ffd166);
      --_skeleton: #2a323d;
      color-scheme: dark;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  [hidden] {
    display: none !important;
  }
  /* Every list in the widgets is a layout list: no bullets or indentation (list semantics come from role=list). */
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Buttons share one look. */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 36px;
    padding: 6px 14px;
    font: inherit;
    font-size: calc(var(--_fs) * .875);
    font-weight: 600;
    line-height: 1.2;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
    text-transform: none;
    letter-spacing: normal;
  }
  .button:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .button.primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  /* States. */
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 10px;
    padding: var(--_gap);
    color: var(--_muted);
    font-size: calc(var(--_fs) * .9375);
  }
  .state p {
    margin: 0;
  }
  .state.error p {
    color: var(--_text);
  }
  .stale-note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 0;
    padding: 8px var(--_gap) 0;
    font-size: calc(var(--_fs) * .8125);
    color: var(--_muted);
  }
  .stale-note .button {
    min-height: 28px;
    padding: 2px 10px;
    font-size: calc(var(--_fs) * .8125);
  }
  .skeleton {
    display: grid;
    gap: 12px;
    padding: var(--_gap);
  }
  /* A bone is one line of placeholder text (bone() in the base class): an inline box in a line of the text's own
     font, so the line keeps the height of the text it stands for. */
  .skeleton .bone {
    display: inline-block;
    vertical-align: middle;
    inline-size: 60%;
    block-size: 0.9em;
    border-radius: 4px;
    background: var(--_skeleton);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton .bone.wide {
    height: 20px;
    width: 70%;
  }
  .skeleton .bone.short {
    width: 40%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .bone {
      animation: none;
    }
  }
  .motion-reduce .skeleton .bone {
    animation: none;
  }
  /* Forced colours drop backgrounds: the bones would vanish and a loading widget would be a blank box. */
  @media (forced-colors: active) {
    .skeleton .bone {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
`;
