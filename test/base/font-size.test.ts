/**
 * `--cities-font-size` scales every text of every widget: all sizes are multiples of it (README "Theming").
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/components/event-countdown/define.js';
import '../../src/components/initiative-feed/define.js';
import '../../src/components/news-list/define.js';
import '../../src/components/quote-carousel/define.js';
import type { CitiesElement } from '../../src/base/cities-element.js';
import { clearLoaderMemory } from '../../src/data/loader.js';
import { clearFeedCache, feedUrl, uniqueKey } from '../helpers/server.js';
import { PageErrors } from '../helpers/page-errors.js';

/** The font size of every element in the shadow root that holds text of its own. */
function textSizes(el: Element): Map<Element, number> {
  const sizes = new Map<Element, number>();
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    const text = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== '');
    if (text) sizes.set(node, parseFloat(getComputedStyle(node).fontSize));
  }
  return sizes;
}

const pageErrors = new PageErrors();

describe('--cities-font-size', () => {
  beforeEach(() => {
    clearLoaderMemory();
    clearFeedCache();
    pageErrors.start();
  });
  afterEach(() => pageErrors.assertNone());

  for (const [tag, attrs] of [
    ['cities-initiative-feed', 'filterable'],
    ['cities-initiative-feed', 'layout="compact"'],
    ['cities-news-list', ''],
    ['cities-news-list', 'layout="ticker"'],
    ['cities-quote-carousel', ''],
    ['cities-event-countdown', 'date="2031-05-12T10:00:00+02:00" label="Summit"'],
  ] as const) {
    it(`scales every text of <${tag} ${attrs}>, buttons and form fields included`, async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 700px"></div>`);
      box.innerHTML = `<${tag} loading="eager" ${attrs} ${tag === 'cities-event-countdown' ? '' : `src="${feedUrl(uniqueKey())}"`}></${tag}>`;
      const el = box.firstElementChild as CitiesElement;
      await waitUntil(() => el.shadowRoot?.querySelector('.root') && !el.shadowRoot.querySelector('.skeleton'), 'content', { timeout: 5000 });
      await el.updateComplete;
      const before = textSizes(el);
      expect(before.size, 'texts found').to.be.greaterThan(3);
      expect(before.get(el.shadowRoot!.querySelector('.root')!) ?? 16).to.equal(16);

      el.style.setProperty('--cities-font-size', '24px');
      await nextFrame();
      const after = textSizes(el);
      const unscaled = [...before].filter(([node, size]) => Math.abs(after.get(node)! / size - 1.5) > 0.01);
      expect(
        unscaled.map(([node, size]) => `${node.localName}.${node.className || node.getAttribute('part')}: ${size} → ${after.get(node)}`),
        'texts that did not grow 1.5×',
      ).to.deep.equal([]);
    });
  }
});
