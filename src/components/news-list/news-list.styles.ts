import { css } from 'lit';

/** `<cities-news-list>`: no animation or transition anywhere, logical properties only. */
export const newsListStyles = css`
  .news,
  .ticker {
    container-type: inline-size;
  }
  .news {
    padding: var(--_gap);
  }
  .items {
    display: grid;
    gap: var(--_gap);
  }
  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 10px;
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--_border);
  }
  .item:last-child {
    padding-block-end: 0;
    border-block-end: 0;
  }
  .body {
    display: grid;
    gap: 4px;
    align-content: start;
    min-inline-size: 0;
  }
  .title {
    /* dir="auto", like the summary: feed text aligns by its own direction, an English headline in an Arabic
       list starting on the left. A div (a heading role): no margin to undo. */
    font-size: calc(var(--_fs) * 1.0625);
    font-weight: 700;
    line-height: 1.35;
  }
  .title a,
  .headline a {
    color: var(--_text);
    text-decoration: none;
  }
  .title a:hover,
  .headline a:hover,
  .title a:focus-visible,
  .headline a:focus-visible {
    color: var(--_accent);
    text-decoration: underline;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
    margin: 0;
    font-size: calc(var(--_fs) * .875);
    color: var(--_muted);
  }
  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--cities-news-summary-lines, 3);
    line-clamp: var(--cities-news-summary-lines, 3);
    overflow: hidden;
    margin: 0;
    font-size: calc(var(--_fs) * .9375);
  }
  /* The image comes after the text in reading order, but first on screen. */
  .image {
    order: -1;
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
  }
  @container (min-width: 480px) {
    .item.has-image {
      grid-template-columns: var(--cities-news-image-size, 160px) minmax(0, 1fr);
      gap: var(--_gap);
    }
  }

  /* compact: headlines and dates; on wide containers the date sits at the end of the line. */
  .compact .items {
    gap: 10px;
  }
  .compact .item {
    padding-block-end: 10px;
  }
  .compact .title {
    font-size: calc(var(--_fs) * .9375);
    font-weight: 600;
  }
  .compact .meta {
    font-size: calc(var(--_fs) * .8125);
  }
  @container (min-width: 480px) {
    .compact .body {
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: baseline;
      gap: 16px;
    }
  }

  .more {
    display: inline-block;
    margin-block-start: var(--_gap);
    font-weight: 600;
  }

  /* ticker: one static row; it changes only when a button is pressed. The headline wraps onto up to two lines
     beside the tools (WCAG 1.4.4 and 1.4.10: cut to one line, a 60-character headline at 800px, or any at 200 %
     text, left the rest only in its title tooltip, which keyboards and touch cannot reach), in a box two lines
     tall, so that the ticker keeps its height, and the buttons their place, from one headline to the next.
     Narrow: the tools go below, and the headline has up to three lines, in a box three lines tall. Narrow is below
     52em of the widget's text size (832px inside the padding at 16px), not a fixed px width: the tools grow with
     the text, and beside them at 760px (French) or at 200 % text in 1280px the headline had a few words' room.
     Below 480px the headline has a row of its own, and so has "More news" (beside a long date it would wrap or
     not from one headline to the next). */
  .ticker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    padding: 10px var(--_gap);
  }
  .label {
    flex: none;
    padding: 2px 8px;
    font-size: calc(var(--_fs) * .8125);
    font-weight: 700;
    color: var(--_on-accent);
    background: var(--_accent);
    border-radius: calc(var(--_radius) / 2);
  }
  .headline {
    display: flex;
    flex: 1 1 0;
    align-items: center;
    min-inline-size: 0;
    min-block-size: 2lh;
  }
  .headline a {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    flex: none;
  }
  .tools time,
  .position {
    font-size: calc(var(--_fs) * .8125);
    color: var(--_muted);
  }
  .position {
    font-variant-numeric: tabular-nums;
  }
  .nav {
    inline-size: 36px;
    padding: 0;
    font-size: calc(var(--_fs) * 1.25);
  }
  .ticker .more {
    margin: 0;
    font-size: calc(var(--_fs) * .875);
  }
  @container (width < 52em) {
    .tools {
      flex-basis: 100%;
    }
    .tools time {
      margin-inline-end: auto;
    }
    .headline {
      min-block-size: 3lh;
    }
    .headline a {
      -webkit-line-clamp: 3;
      line-clamp: 3;
    }
  }
  @container (max-width: 479px) {
    .headline,
    .tools .more {
      flex-basis: 100%;
    }
  }

  /* Loading: the boxes of the loaded layout, with bones for the text lines (see renderSkeleton). The ticker's
     skeleton is a .ticker, whose rule (after the base's .skeleton) already gives it its flex line and padding;
     the image bone is an .image, with that rule's aspect ratio. */
  .news.skeleton {
    display: block;
  }
  .skeleton .bone.wide {
    inline-size: 85%;
  }
  .skeleton .bone.short {
    inline-size: 45%;
  }
  .skeleton .bone.date {
    inline-size: 6em;
  }
  .skeleton .bone.authors {
    inline-size: 8em;
  }
  .skeleton .bone.count {
    inline-size: 3em;
  }
  .skeleton .bone.image {
    display: none;
    inline-size: 100%;
    block-size: auto;
    border-radius: calc(var(--_radius) / 2);
  }
  .skeleton .narrow {
    display: none;
  }
  @container (max-width: 479px) {
    .skeleton .narrow {
      display: inline;
    }
  }
  @container (min-width: 480px) {
    .skeleton .bone.image {
      display: block;
    }
  }
  .skeleton .bone.label {
    display: block;
    inline-size: 6.5em;
    block-size: auto;
  }
  .skeleton .headline .line {
    flex: 1 1 auto;
  }
  .skeleton .bone.nav {
    display: inline-flex;
    inline-size: 36px;
    block-size: auto;
    border-color: transparent;
    cursor: default;
  }
  .skeleton .time {
    font-size: calc(var(--_fs) * .8125);
  }
  @container (width < 52em) {
    .skeleton .tools .time {
      margin-inline-end: auto;
    }
  }
  /* Forced colours drop backgrounds: the ticker's label, a background and nothing else, would be a bare word. */
  @media (forced-colors: active) {
    .label {
      border: 1px solid;
    }
  }
`;
