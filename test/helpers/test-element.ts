/**
 * A minimal concrete widget for testing the shared base class on its own: it lists news titles.
 */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { CitiesElement } from '../../src/base/cities-element.js';
import { defineElement } from '../../src/base/define.js';
import type { ParseResult } from '../../src/data/parse.js';

/**
 * The base class's attributes, for lit-analyzer (`npm run lint`), which cannot read a `static properties`
 * field; the real widgets get theirs from custom-elements.json.
 * @attr src
 * @attr {'light' | 'dark' | 'auto'} theme
 * @attr {number} refresh
 * @attr {'lazy' | 'eager'} loading
 * @attr {'auto' | 'reduce'} motion
 */
export class TestWidget extends CitiesElement {
  protected readonly list = 'news' as const;
  renders = 0;
  /** Calls of the base's hook for work done while the feed is on the way. */
  whileLoadingCalls = 0;

  protected override whileLoading(): void {
    this.whileLoadingCalls++;
    super.whileLoading();
  }

  protected renderContent(result: ParseResult) {
    this.renders++;
    return html`<ul>
      ${result.feed.news.map((item) => {
        const title = this.text(item.title);
        return html`<li><a href=${item.url} lang=${this.langOf(title)}>${title.text}</a></li>`;
      })}
    </ul>`;
  }

  /** Exposes the state for assertions. */
  get state() {
    return {
      status: this.feed.status,
      stale: this.feed.stale,
      result: this.feed.result,
      locale: this.locale,
      busy: this.feed.busy,
      waitingForViewport: this.feed.waitingForViewport,
    };
  }

  get retryLabel() {
    return this.localized(() => msg('Try again'));
  }
}

defineElement('test-widget', TestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'test-widget': TestWidget;
  }
}
