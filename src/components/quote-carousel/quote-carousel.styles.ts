import { css } from 'lit';

export const quoteCarouselStyles = css`
  .card {
    container-type: inline-size;
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas:
      'slides rotation'
      'nav nav';
    gap: 12px 8px;
    padding: var(--_gap);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .single {
    grid-template-areas: 'slides';
    grid-template-columns: minmax(0, 1fr);
  }

  /* Every slide sits in the same cell: the box is as tall as the tallest quote, so nothing jumps. */
  .slides {
    grid-area: slides;
    display: grid;
    min-width: 0;
    touch-action: pan-y;
  }
  .slide {
    grid-area: 1 / 1;
    display: flex;
    min-width: 0;
    visibility: hidden;
    opacity: 0;
  }
  /* The quote leaving goes at once (no overlapping text); the one arriving fades in. */
  .slide.current {
    visibility: visible;
    opacity: 1;
    transition: opacity 320ms ease-out;
  }

  .quote {
    display: flex;
    flex-direction: column;
    gap: 12px;
    flex: 1;
    min-width: 0;
    margin: 0;
  }
  .single .quote {
    grid-area: slides;
  }
  .mark {
    width: 32px;
    height: 24px;
    flex: none;
    color: var(--cities-quote-mark, var(--_accent));
    opacity: 0.85;
  }
  [dir='rtl'] .mark {
    transform: scaleX(-1);
  }
  blockquote,
  .skeleton .text {
    flex: 1;
    margin: 0;
    padding: 0;
    font-size: var(--cities-quote-font-size, 1.25em);
    line-height: 1.45;
    color: var(--_text);
  }
  /* About 75 characters a line at most: in a very wide column a quote ran on one 1,900 px line. */
  blockquote p {
    max-inline-size: 36em;
    margin: 0;
  }
  figcaption,
  .skeleton .caption {
    display: flex;
    align-items: center;
    gap: 12px;
    padding-block-start: 12px;
    border-block-start: 1px solid var(--_border);
    font-size: calc(var(--_fs) * .875);
    line-height: 1.4;
  }
  .portrait {
    flex: none;
    width: 48px;
    height: 48px;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: 50%;
    background: var(--_surface);
  }
  .who {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .author {
    font-weight: 700;
    color: var(--_text);
  }
  .details {
    color: var(--_muted);
  }
  .source {
    align-self: start;
    margin-block-start: 2px;
    font-size: calc(var(--_fs) * .8125);
  }

  /* Controls. */
  .rotation,
  .arrow {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 40px;
    height: 40px;
    padding: 0;
    font: inherit;
    color: var(--_accent);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 50%;
    cursor: pointer;
  }
  .rotation {
    grid-area: rotation;
    align-self: start;
  }
  .rotation:hover,
  .arrow:hover {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .icon {
    width: 20px;
    height: 20px;
  }
  [dir='rtl'] .icon.flip {
    transform: scaleX(-1);
  }
  .nav {
    grid-area: nav;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    min-width: 0;
  }
  .dot {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    padding: 0;
    font: inherit;
    background: transparent;
    border: 0;
    border-radius: 12px;
    cursor: pointer;
  }
  .dot::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 4px;
    /* No transition: a width transition laid the widget out on every frame of every rotation, 60 % of an
       autoplaying carousel's cost on an idle page; a colour transition still restyled it on every frame. */
    background: var(--_muted);
  }
  .dot:hover::before {
    background: var(--_text);
  }
  .dot[aria-selected='true']::before {
    width: 20px;
    background: var(--_accent);
  }

  /* Wider boxes: more air and a larger quote. */
  @container (min-width: 560px) {
    .quote {
      gap: 16px;
    }
    blockquote,
    .skeleton .text {
      font-size: var(--cities-quote-font-size, 1.4em);
    }
    .mark {
      width: 40px;
      height: 30px;
    }
    .portrait {
      width: 56px;
      height: 56px;
    }
  }
  /* Loading (see renderSkeleton): the same boxes, with bones for the text lines. */
  .skeleton .bone {
    inline-size: 70%;
  }
  .skeleton .line {
    display: block;
  }
  .skeleton .bone.wide {
    inline-size: 95%;
  }
  .skeleton .bone.name {
    inline-size: 9em;
  }
  .skeleton .bone.short {
    inline-size: 14em;
    max-inline-size: 100%;
  }
  .skeleton .bone.mark {
    display: block;
    inline-size: 32px;
    block-size: 24px;
  }
  .skeleton .bone.arrow,
  .skeleton .bone.rotation {
    display: block;
    inline-size: 40px;
    block-size: 40px;
    border-radius: 50%;
  }
  .skeleton .dot {
    cursor: default;
  }
  .skeleton .dot::before {
    background: var(--_skeleton);
  }
  .skeleton .line.narrow:last-child .bone {
    inline-size: 50%;
  }
  @container (min-width: 560px) {
    .skeleton .bone.mark {
      inline-size: 40px;
      block-size: 30px;
    }
    .skeleton .line.narrow {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .slide.current {
      transition: none;
    }
  }
  .motion-reduce .slide.current {
    transition: none;
  }
  @media (forced-colors: active) {
    .dot::before {
      background: ButtonText;
    }
    .dot[aria-selected='true']::before {
      background: Highlight;
    }
  }
`;
