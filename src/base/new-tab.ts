import { css, html, nothing } from 'lit';
import { msg } from '@lit/localize';

/**
 * The end of a link that opens a new tab (WCAG technique G201): a small "opens elsewhere" icon, and for
 * screen readers " (opens in a new tab)" in the widget's language, so the link's accessible name says so.
 * `lang` is for a link whose text is in another language than the widget (a feed title): the cue keeps the
 * widget's. A module of its own so that only the widgets with such links carry it (and its catalog string).
 */
export const newTab = (lang: string | typeof nothing = nothing) =>
  html`<svg class="icon new-tab" part="new-tab" viewBox="0 0 24 24" aria-hidden="true"><path d="M14 4h6v6m0-6-9 9m7 1v6H4V6h6" /></svg
    ><span class="visually-hidden" lang=${lang}> ${msg('(opens in a new tab)', {
      desc: 'Read by screen readers after the text of a link that opens a new browser tab, e.g. "Outlook (opens in a new tab)".',
    })}</span>`;

/**
 * The icon's look: as tall as a small letter, in the link's colour, mirrored in right-to-left text. `:dir()`
 * rather than `[dir='rtl']`: an English title (`dir="auto"`) in an Arabic widget keeps an icon that points out
 * of its own line's end.
 */
export const newTabStyles = css`
  .new-tab {
    inline-size: 0.75em;
    block-size: 0.75em;
    margin-inline-start: 0.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
  }
  .new-tab:dir(rtl) {
    transform: scaleX(-1);
  }
`;
