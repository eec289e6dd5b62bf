import { css } from 'lit';

export const eventCountdownStyles = css`
  .event {
    container-type: inline-size;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    --_live: var(--cities-live, #d92d20);
  }
  .body {
    display: grid;
    gap: 10px;
  }
  .theme-dark .event {
    --_live: var(--cities-live, #ff8a80);
  }
  @media (prefers-color-scheme: dark) {
    .theme-auto .event {
      --_live: var(--cities-live, #ff8a80);
    }
  }
  .event p {
    margin: 0;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: calc(var(--_fs) * .8125);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_muted);
  }
  .dot {
    display: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_live);
  }
  .is-live .status {
    color: var(--_live);
  }
  .is-live .dot {
    display: inline-block;
    animation: blink 1.6s ease-in-out infinite;
  }
  /* Forced colors drop author backgrounds: the dot, a background and nothing else, would leave a gap, and the
     units' boxes would go. */
  @media (forced-colors: active) {
    .dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .layout-full .unit {
      border: 1px solid;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.3;
    }
  }

  .title {
    font-size: calc(var(--_fs) * 1.125);
    font-weight: 700;
    line-height: 1.3;
  }
  .title a {
    color: inherit;
    text-decoration-color: var(--_accent);
    text-underline-offset: 3px;
  }
  .title a:hover {
    color: var(--_accent);
  }

  /* The digits. */
  .countdown {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    font-variant-numeric: tabular-nums;
  }
  .unit {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: 4.5em;
    padding-block: 8px;
    padding-inline: 10px;
    background: var(--cities-countdown-unit-background, var(--_surface-alt));
    border-radius: calc(var(--_radius) * 0.75);
  }
  .number {
    font-size: var(--cities-countdown-digit-size, calc(var(--_fs) * 2));
    font-weight: 700;
    line-height: 1.1;
    color: var(--_text);
  }
  /* A unit's label breaks only between words ("segundos", not "segund|os"): its box grows instead. */
  .label {
    font-size: calc(var(--_fs) * .8125);
    color: var(--_muted);
    overflow-wrap: normal;
  }

  .when,
  .location,
  .message {
    font-size: calc(var(--_fs) * .9375);
    color: var(--_muted);
  }
  .message {
    color: var(--_text);
  }
  .live .button {
    text-decoration: none;
  }
  .is-live .button.primary {
    background: var(--_live);
    border-color: var(--_live);
    color: var(--_surface);
  }

  /* Loading: the same boxes as the content, with bones for text. */
  .event.skeleton {
    display: block;
  }
  /* Wide bones too are one line of text here (the base draws them taller). */
  .event.skeleton .bone {
    block-size: 0.9em;
  }
  .event.skeleton .bone.wide {
    inline-size: 85%;
  }
  .event.skeleton .bone.short {
    inline-size: 35%;
  }
  /* The status line is as tall as its text (a line box), not as its bone. */
  .event.skeleton .status {
    min-block-size: 1lh;
  }
  /* The date and time wrap onto a third line in narrow boxes. */
  .event.skeleton .narrow {
    display: none;
  }
  .calendar-line {
    font-size: calc(var(--_fs) * .875);
  }

  /* Add to calendar. */
  .calendar summary {
    inline-size: fit-content;
    cursor: pointer;
    font-size: calc(var(--_fs) * .875);
    font-weight: 600;
    color: var(--_accent);
    border-radius: 4px;
  }
  .calendar ul {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    margin-block-start: 8px;
    font-size: calc(var(--_fs) * .875);
  }
  .calendar a {
    display: inline-block;
    padding-block: 4px;
  }

  /* Narrow boxes: smaller digits, four units on one line. */
  @container (max-width: 360px) {
    .event.skeleton .narrow {
      display: inline;
    }
    .countdown {
      gap: 4px;
    }
    .unit {
      flex: 1 1 0;
      min-inline-size: min-content;
      padding-inline: 4px;
    }
    .number {
      font-size: calc(var(--cities-countdown-digit-size, calc(var(--_fs) * 2)) * 0.75);
    }
    .label {
      font-size: calc(var(--_fs) * .75);
    }
  }

  /* Compact: one short block, digits inline. */
  .layout-compact {
    padding-block: 10px;
    padding-inline: 12px;
  }
  .layout-compact .body {
    gap: 4px;
  }
  .layout-compact .title {
    font-size: calc(var(--_fs) * .9375);
  }
  .layout-compact .countdown {
    gap: 2px 10px;
  }
  .layout-compact .unit {
    flex: none;
    flex-direction: row;
    align-items: baseline;
    gap: 1px;
    min-inline-size: 0;
    padding: 0;
    background: none;
  }
  .layout-compact .number {
    font-size: calc(var(--_fs) * 1.25);
  }
  .layout-compact .label {
    font-size: calc(var(--_fs) * .875);
  }
  .layout-compact .when {
    font-size: calc(var(--_fs) * .8125);
  }
  @container (min-width: 480px) {
    .layout-compact .body {
      grid-template-columns: 1fr auto;
      align-items: center;
      column-gap: var(--_gap);
    }
    .layout-compact .status,
    .layout-compact .title,
    .layout-compact .when,
    .layout-compact .message {
      grid-column: 1;
    }
    .layout-compact .countdown,
    .layout-compact .live {
      grid-column: 2;
      grid-row: 1 / span 3;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .is-live .dot {
      animation: none;
    }
  }
  .motion-reduce .is-live .dot {
    animation: none;
  }
`;
