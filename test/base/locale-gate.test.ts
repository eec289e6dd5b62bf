/**
 * A widget never shows text in a language it was not asked for while that language's strings load: its
 * skeleton until they are here, then the content in that language; English only when they cannot be loaded.
 * Its own file: the page must not have loaded the languages used here before.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/event-countdown/define.js';
import '../helpers/test-element.js';
import type { TestWidget } from '../helpers/test-element.js';
import { feedUrl, uniqueKey } from '../helpers/server.js';
import { languageSettled } from '../helpers/language.js';
import type { EventCountdown } from '../../src/components/event-countdown/event-countdown.js';
import { PageErrors } from '../helpers/page-errors.js';

const DATE = '2031-05-12T10:00:00+02:00';
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const chunks = async (path: string) => (await fetch(`/api/locale-chunks/${path}`)).json() as Promise<{ count: number }>;

const pageErrors = new PageErrors();

describe('widget language strings on their way', () => {
  beforeEach(() => pageErrors.start());
  afterEach(() => pageErrors.assertNone());

  it('shows its skeleton, not English, until the strings of its language are here', async () => {
    const el = await fixture<EventCountdown>(html`<cities-event-countdown lang="fr" date=${DATE}></cities-event-countdown>`);
    // The event needs no feed, so the first render could show it at once; the French strings are still on
    // their way (a chunk of their own).
    expect(el.shadowRoot!.querySelector('.skeleton'), 'skeleton first').to.exist;
    expect(text(el)).not.to.contain('Add to calendar');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('');
    await waitUntil(() => text(el).includes('Ajouter à l’agenda'), 'the French content');
    expect(text(el)).not.to.contain('Add to calendar');
    expect(el.shadowRoot!.querySelector('.skeleton') === null, 'no skeleton').to.equal(true);
  });

  it('keeps its content, in its current language, while the strings of a new one load, then switches at once', async () => {
    const el = await fixture<TestWidget>(html`<test-widget loading="eager" src=${feedUrl(uniqueKey())}></test-widget>`);
    await waitUntil(() => el.shadowRoot!.querySelector('li a'), 'the content');
    const root = el.shadowRoot!.querySelector('.root')!;
    el.shadowRoot!.querySelector<HTMLAnchorElement>('li a')!.focus();
    el.lang = 'pt';
    await el.updateComplete;
    // Not traded for a skeleton (which took the focus with it): still the English widget, whole.
    expect(el.shadowRoot!.querySelector('.skeleton') === null, 'no skeleton').to.equal(true);
    expect(root.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot!.activeElement?.localName).to.equal('a');
    await languageSettled(el);
    expect(root.getAttribute('lang')).to.equal('pt');
    expect(el.retryLabel).to.equal('Tentar novamente');
    expect(el.shadowRoot!.activeElement?.localName, 'focus kept').to.equal('a');
  });

  it('shows English when its language cannot be loaded, and does not ask for it again and again', async () => {
    await chunks('fail/zh-Hans?on=1');
    try {
      const before = (await chunks('count/zh-Hans')).count;
      const el = await fixture<EventCountdown>(html`<cities-event-countdown lang="zh-Hans" date=${DATE}></cities-event-countdown>`);
      await waitUntil(() => text(el).includes('Add to calendar'), 'the English content', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('.skeleton') === null, 'no skeleton').to.equal(true);
      await new Promise((r) => setTimeout(r, 300));
      expect((await chunks('count/zh-Hans')).count - before).to.equal(1);
      expect(el.isUpdatePending).to.equal(false);
    } finally {
      await chunks('fail/zh-Hans?on=0');
    }
  });
});
