/**
 * The built page bundles in other languages. rollup.config.js gives every `msg()` call of dist/*.js a short
 * build-time id and renames the keys of each language chunk to match (the hashes of src/generated/locales are
 * not shipped): these tests load each bundle as a partner page does and read, from the widgets' own elements,
 * that each string is its translation from xliff/<locale>.xlf (plural forms and `str` templates included),
 * and that a string missing from a language chunk shows in English while the others stay translated. A
 * mismatch between a bundle's ids and its chunks' keys shows English, or another string, and fails them.
 */
import { expect } from '@open-wc/testing';
import { flat, readXliff } from '../i18n/catalog-helpers.js';
import { addWidget, closePages, expectQuiet, fixtureUrl, openPage, rendered, settled, shadow, stateOf, uniqueKey, until, type Page, type Tag } from './helpers.js';

/**
 * What to read in each widget: an element, its text or one of its attributes, and the message expected there
 * (the English source, or the explicit id of a plural form). Numbers in the text are compared as placeholders.
 */
type Check = [selector: string, attribute: string | null, message: string];

/** The widgets with the fixture `widgets` (3 initiatives, upcoming events, 3 quotes, 3 news items). */
const WIDGETS: Record<Tag, { props: Record<string, unknown>; checks: (locale: string) => Check[] }> = {
  'cities-initiative-feed': {
    props: { filterable: true },
    checks: (locale) => [
      ['[part=filter-bar]', 'aria-label', 'Filter initiatives'],
      ['.field.search span', null, 'Search'],
      // An explicit id: "3 initiatives" is plural category few in Arabic, other in the other languages.
      ['.count', null, `initiatives.${new Intl.PluralRules(locale).select(3)}`],
    ],
  },
  'cities-event-countdown': {
    props: {},
    checks: () => [
      ['[part=status]', null, 'Next event'],
      ['[part=countdown]', 'aria-label', 'Time left'],
      ['[part=calendar] summary', null, 'Add to calendar'],
    ],
  },
  'cities-quote-carousel': {
    props: {},
    checks: () => [
      ['[part=carousel]', 'aria-roledescription', 'carousel'],
      ['[part=carousel]', 'aria-label', 'Quotes'],
      ['[part=picker]', 'aria-label', 'Choose a quote'],
      ['[part=next] .visually-hidden', null, 'Next quote'],
    ],
  },
  'cities-news-list': {
    props: { layout: 'ticker' },
    checks: () => [
      ['[part=label]', null, 'Latest news'],
      ['[part=position]', null, '{0} of {1}'],
      ['[part=previous]', 'aria-label', 'Previous headline'],
      ['[part=next]', 'aria-label', 'Next headline'],
    ],
  },
};

/** `message` in `locale`, from the XLIFF file, placeholders written `{#}`. */
async function translation(locale: string, message: string): Promise<string> {
  const unit = (await readXliff(locale)).find((u) => u.id === message || flat(u.source) === message);
  if (!unit?.target) throw new Error(`xliff/${locale}.xlf: no translation of ${JSON.stringify(message)}`);
  return placeholders(flat(unit.target));
}

/** Placeholders `{0}` and numbers in any script written `{#}`, white space collapsed. */
const placeholders = (text: string) => text.replace(/\{\d+\}|\p{Nd}+/gu, '{#}').replace(/\s+/g, ' ').trim();

function read(el: Element, [selector, attribute]: Check): string {
  const node = shadow(el).querySelector(selector);
  if (!node) throw new Error(`<${el.localName}>: no ${selector}`);
  return placeholders((attribute ? node.getAttribute(attribute) : node.textContent) ?? '');
}

/** Opens a page, loads dist/<entry>.js and shows `tags` in `locale`; resolves once they show their content. */
async function showWidgets(entry: string, tags: Tag[], locale: string): Promise<{ page: Page; els: Element[] }> {
  const page = await openPage('empty.html', {}, { defined: false });
  const script = page.doc.createElement('script');
  script.type = 'module';
  script.src = `/dist/${entry}.js`;
  page.doc.head.append(script);
  const src = fixtureUrl('widgets', uniqueKey(`${entry}-${locale}`), { hours: 0 });
  const els = tags.map((tag) => addWidget(page, tag, { src, loading: 'eager', ...WIDGETS[tag].props }, { lang: locale }));
  for (const outcome of await Promise.all(els.map((el) => settled(el)))) expect(outcome.status).to.equal('load');
  // A widget in another language shows its content once its language chunk has arrived.
  await until(() => els.every((el) => stateOf(el) === 'content'), `every widget shows its content in ${locale}`, 8000);
  await Promise.all(els.map(rendered));
  return { page, els };
}

async function expectTranslated(el: Element, locale: string, checks: Check[]): Promise<void> {
  for (const check of checks) {
    expect(read(el, check), `<${el.localName} lang=${locale}> ${check[0]}${check[1] ? ` [${check[1]}]` : ''}: ${check[2]}`).to.equal(
      await translation(locale, check[2]),
    );
  }
}

describe('built bundles in another language', function () {
  this.timeout(20000);
  afterEach(closePages);

  const TAGS = Object.keys(WIDGETS) as Tag[];
  const cases: [entry: string, tags: Tag[], locale: string][] = [
    ...['es', 'fr', 'pt', 'ar', 'zh-Hans'].map((locale): [string, Tag[], string] => ['cities-widgets', TAGS, locale]),
    ['event-countdown', ['cities-event-countdown'], 'es'],
    ['initiative-feed', ['cities-initiative-feed'], 'ar'],
    ['news-list', ['cities-news-list'], 'es'],
    ['quote-carousel', ['cities-quote-carousel'], 'es'],
  ];
  for (const [entry, tags, locale] of cases) {
    it(`dist/${entry}.js shows ${tags.length > 1 ? 'every widget' : tags[0]} in ${locale}`, async () => {
      const { page, els } = await showWidgets(entry, tags, locale);
      for (const el of els) await expectTranslated(el, locale, WIDGETS[el.localName as Tag].checks(locale));
      expectQuiet(page.probe);
    });
  }

  it('a string missing from a language chunk shows in English; the others stay translated', async () => {
    const missing = await translation('pt', 'Latest news');
    // Until the next call: the built Portuguese chunks are served without that one entry.
    const drop = async (text = ''): Promise<number> =>
      ((await (await fetch(`/api/locale-chunks/drop/pt?text=${encodeURIComponent(text)}`, { cache: 'no-store' })).json()) as { dropped: number }).dropped;
    await drop(missing);
    try {
      const { page, els } = await showWidgets('news-list', ['cities-news-list'], 'pt');
      expect(await drop(), 'the Portuguese chunk was served without the string').to.equal(1);
      const [news] = els;
      expect(read(news!, ['[part=label]', null, 'Latest news'])).to.equal('Latest news');
      await expectTranslated(news!, 'pt', WIDGETS['cities-news-list'].checks('pt').slice(1));
      expectQuiet(page.probe);
    } finally {
      await drop();
    }
  });
});
