import { css } from 'lit';

/**
 * Layouts follow the widget's own width (container queries), never the viewport; only logical
 * properties, so that right-to-left pages mirror. Colours come from the shared tokens, which the dark
 * theme redefines.
 *
 * - Form controls take the muted text colour as border: it gives the 3:1 contrast controls need.
 * - Meta data: every item starts with a separator and the row is shifted back by one separator inside
 *   a clipping box, so the separator opening each line (after a wrap too) is never seen.
 * - list: rows divided by a rule, the image beside the text when there is room; grid: boxed cards,
 *   image on top, one column in a sidebar and up to three on a wide page; compact: titles and meta.
 * - The skeleton has the shape of a page of cards of the chosen layout: image boxes only in a grid of two or
 *   three columns, on every other row (a row is as tall as its tallest card; about a third of initiatives have
 *   an image, so about half the rows have one). A second title line below 480px, and in the compact layout
 *   (whose titles are smaller) only below 320px: measured on the sample feed, most compact titles take one line
 *   from 330px up. The skeleton's image box is an `.image` too: its order and aspect ratio come from that rule.
 * - Titles are divs (a heading role): no margin to undo.
 *
 * (Comments stay out of the CSS text: it ships as is.)
 */
export const initiativeFeedStyles = css`
  .feed {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 10px 12px;
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--_border);
  }
  .field {
    display: grid;
    gap: 4px;
    /* px and --_fs, not rem: the host page's root font size (html { font-size: 62.5% }) must not reflow the bar. */
    flex: 1 1 160px;
    min-inline-size: 0;
    font-size: calc(var(--_fs) * .875);
    font-weight: 600;
  }
  .field.search {
    flex: 2 1 224px;
  }
  .field input,
  .field select,
  .skeleton .control {
    inline-size: 100%;
    min-block-size: 40px;
    padding: 6px 10px;
    font: inherit;
    font-weight: 400;
    font-size: calc(var(--_fs) * .9375);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  .count {
    flex-basis: 100%;
    margin: 0;
    font-size: calc(var(--_fs) * .875);
    color: var(--_muted);
  }

  .list {
    display: grid;
    gap: var(--_gap);
  }
  .item {
    display: grid;
    min-inline-size: 0;
  }
  .card {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: 12px;
    border-radius: var(--_radius);
  }
  .body {
    display: grid;
    align-content: start;
    gap: 6px;
    min-inline-size: 0;
  }
  .image {
    order: -1;
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: var(--cities-image-ratio, 3 / 2);
    object-fit: cover;
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }
  .title {
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }
  .title a {
    color: var(--_accent);
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .meta {
    margin: 0;
    overflow: hidden;
    font-size: calc(var(--_fs) * .875);
    color: var(--_muted);
  }
  .meta .row {
    display: flex;
    flex-wrap: wrap;
    margin-inline-start: -1.2em;
  }
  /* Each item a flex box, its dot beside its text: a long item wraps within its own column, not back under the
     dot, where the row's negative margin would cut the start of each further line. */
  .meta .row > * {
    display: flex;
  }
  .meta .row > *::before {
    content: '·' / '';
    flex: none;
    inline-size: 1.2em;
    text-align: center;
  }
  .summary {
    display: -webkit-box;
    margin: 0;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--cities-summary-lines, 3);
    line-clamp: var(--cities-summary-lines, 3);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-block-start: 2px;
  }
  .tag {
    padding: 2px 10px;
    font-size: calc(var(--_fs) * .8125);
    line-height: 1.4;
    color: var(--_text);
    background: color-mix(in srgb, var(--_accent) 13%, var(--_surface));
    border-radius: 999px;
  }
  .more {
    justify-self: center;
  }
  .feed .state {
    padding: var(--_gap) 0;
  }

  .layout-list .item + .item {
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_border);
  }
  @container (min-width: 520px) {
    .layout-list .card.has-image {
      grid-template-columns: min(32%, 240px) minmax(0, 1fr);
      gap: var(--_gap);
    }
  }

  @container (min-width: 540px) {
    .layout-grid .list {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 840px) {
    .layout-grid .list {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  .layout-grid .card {
    gap: 0;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .layout-grid .body {
    padding: 14px;
  }
  .layout-grid .image {
    border-radius: calc(var(--_radius) - 1px);
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }

  .layout-compact .list {
    gap: 0;
  }
  .layout-compact .item {
    padding-block: 10px;
    border-block-end: 1px solid var(--_border);
  }
  .layout-compact .body {
    gap: 2px;
  }
  .layout-compact .title {
    font-size: 1em;
  }

  .skeleton .bone {
    inline-size: 55%;
  }
  .skeleton .bone.wide {
    inline-size: 85%;
  }
  .skeleton .bone.meta {
    inline-size: 14em;
    max-inline-size: 100%;
  }
  .skeleton .bone.tag {
    inline-size: 5em;
    block-size: auto;
  }
  .skeleton .control {
    border-color: var(--_skeleton);
  }
  .skeleton .bone.image {
    display: none;
    inline-size: 100%;
    block-size: auto;
  }
  .skeleton .bone.more {
    inline-size: 8.5em;
    border-color: transparent;
  }
  .skeleton .narrow {
    display: none;
  }
  @container (max-width: 479px) {
    .skeleton .narrow {
      display: inline;
    }
  }
  @container (320px <= width) {
    .skeleton.layout-compact .narrow {
      display: none;
    }
  }
  @container (min-width: 540px) {
    .skeleton.layout-grid .narrow {
      display: inline;
    }
  }
  @container (540px <= width < 840px) {
    .skeleton .item:is(:nth-child(4n + 1), :nth-child(4n + 2)) .bone.image {
      display: block;
    }
  }
  @container (min-width: 840px) {
    .skeleton.layout-grid .summary .narrow {
      display: none;
    }
    .skeleton .item:is(:nth-child(6n + 1), :nth-child(6n + 2), :nth-child(6n + 3)) .bone.image {
      display: block;
    }
  }
  /* Forced colours drop backgrounds: a tag, a background and nothing else, would be a bare word. */
  @media (forced-colors: active) {
    .tag {
      border: 1px solid;
    }
  }
`;
