import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../helpers/test-element.js';
import type { TestWidget } from '../helpers/test-element.js';
import { matchLocale, directionOf } from '../../src/i18n/locale.js';
import { clearFeedCache, feedUrl, uniqueKey } from '../helpers/server.js';

const errorText = (el: TestWidget) => el.shadowRoot!.querySelector('.state p')?.textContent ?? '';
const retryText = (el: TestWidget) => el.shadowRoot!.querySelector('button[part=retry]')?.textContent ?? '';

/** A widget in the error state (404), whose strings come from the catalogs. */
const failing = () => feedUrl(uniqueKey(), { fail: 99, status: 404 });

describe('language of each widget', () => {
  beforeEach(clearFeedCache);

  it('maps language tags onto the supported locales', () => {
    expect(matchLocale('es')).to.equal('es');
    expect(matchLocale('es-CO')).to.equal('es');
    expect(matchLocale('FR-ca')).to.equal('fr');
    expect(matchLocale('de')).to.equal('en');
    expect(matchLocale('')).to.equal('en');
    expect(matchLocale('not a tag!')).to.equal('en');
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('ar-MA')).to.equal('rtl');
    expect(directionOf('fr')).to.equal('ltr');
  });

  it('speaks its own lang, else the nearest ancestor lang; two languages on one page', async () => {
    const el = await fixture(html`<div lang="fr">
      <test-widget id="fr" src=${failing()}></test-widget>
      <test-widget id="es" lang="es-CO" src=${failing()}></test-widget>
      <div lang="en"><test-widget id="en" src=${failing()}></test-widget></div>
    </div>`);
    const [fr, es, en] = ['#fr', '#es', '#en'].map((s) => el.querySelector<TestWidget>(s)!);
    await waitUntil(() => retryText(fr!) === 'Réessayer' && retryText(es!) === 'Reintentar' && retryText(en!) === 'Try again', 'all three in their language', { timeout: 5000 });
    expect(errorText(fr!)).to.equal('Le contenu n’a pas pu être chargé.');
    expect(errorText(es!)).to.equal('No se pudo cargar el contenido.');
    expect(fr!.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('fr');
    await expect(fr).to.be.accessible();
  });

  it('follows <html lang>, then the meta default, and re-renders when lang changes at run time', async () => {
    const htmlEl = document.documentElement;
    const before = htmlEl.getAttribute('lang');
    const meta = Object.assign(document.createElement('meta'), { name: 'cities-widgets:lang', content: 'fr' });
    try {
      htmlEl.removeAttribute('lang');
      document.head.append(meta);
      const el = await fixture<TestWidget>(html`<test-widget src=${failing()}></test-widget>`);
      await waitUntil(() => retryText(el) === 'Réessayer', 'meta default', { timeout: 5000 });
      htmlEl.setAttribute('lang', 'es');
      await waitUntil(() => retryText(el) === 'Reintentar', 'html lang wins over meta', { timeout: 5000 });
      el.setAttribute('lang', 'en-GB');
      await waitUntil(() => retryText(el) === 'Try again', 'own lang wins');
      el.setAttribute('lang', 'pt-BR');
      await waitUntil(() => retryText(el) === 'Tentar novamente', 'regional tag falls back to its language');
      el.setAttribute('lang', 'de-AT');
      await waitUntil(() => el.state.locale === 'en' && retryText(el) === 'Try again', 'unsupported language falls back to English');
    } finally {
      meta.remove();
      if (before === null) htmlEl.removeAttribute('lang');
      else htmlEl.setAttribute('lang', before);
    }
  });

  it("follows a `lang` change above it inside another component's shadow root", async () => {
    // A framework component with shadow DOM around the widget: the page's MutationObserver saw no change there.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    inner.lang = 'en';
    const el = document.createElement('test-widget') as TestWidget;
    el.src = failing();
    inner.append(el);
    shadow.append(inner);
    await waitUntil(() => retryText(el) === 'Try again', 'English first', { timeout: 5000 });
    inner.lang = 'es';
    await waitUntil(() => retryText(el) === 'Reintentar', 'Spanish once the ancestor in the shadow root says so', { timeout: 3000 });
    // Taken out of the shadow root and put back: still heard.
    el.remove();
    inner.append(el);
    inner.lang = 'fr';
    await waitUntil(() => retryText(el) === 'Réessayer', 'French after a move', { timeout: 3000 });
  });

  it('picks feed text in the widget language and marks the language of what it shows', async () => {
    const key = uniqueKey();
    const el = await fixture(html`<div>
      <test-widget id="es" lang="es" src=${feedUrl(key)}></test-widget>
      <test-widget id="de" lang="de" src=${feedUrl(key)}></test-widget>
    </div>`);
    const es = el.querySelector<TestWidget>('#es')!;
    const de = el.querySelector<TestWidget>('#de')!;
    await waitUntil(() => es.state.status === 'ready' && de.state.status === 'ready');
    await es.updateComplete;
    const esFirst = es.shadowRoot!.querySelector('a')!;
    expect(esFirst.textContent).to.equal('El nuevo espacio #CitiesAreListening pasa de las ideas a la acción');
    expect(esFirst.hasAttribute('lang')).to.equal(false);
    // A plain-string title is in the feed's language (en): marked as such inside a Spanish widget.
    const esSecond = es.shadowRoot!.querySelectorAll('a')[1]!;
    expect(esSecond.textContent).to.equal('Cities for Global Health passes 650 initiatives');
    expect(esSecond.getAttribute('lang')).to.equal('en');
    // German is neither a UI language nor in the feed: English UI, the feed's English text, no extra marks.
    const deFirst = de.shadowRoot!.querySelector('a')!;
    expect(de.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
    expect(deFirst.textContent).to.equal('The new #CitiesAreListening space moves from ideas to action');
    expect(deFirst.hasAttribute('lang')).to.equal(false);
  });

  it('sets dir from the language, an explicit dir attribute winning', async () => {
    const el = await fixture(html`<div>
      <test-widget id="ar" lang="ar" src=${failing()}></test-widget>
      <test-widget id="forced" lang="en" dir="rtl" src=${failing()}></test-widget>
    </div>`);
    const ar = el.querySelector<TestWidget>('#ar')!;
    const forced = el.querySelector<TestWidget>('#forced')!;
    await ar.updateComplete;
    await forced.updateComplete;
    expect(ar.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    expect(forced.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
  });
});
