/**
 * docs/frameworks.md, tried: the elements rendered by React 19, Vue 3 and Svelte 5 as the page says, over HTTP
 * feeds. test/server/frameworks.mjs serves React (CommonJS only) as one ES module, and the Svelte example
 * (test/fixtures/frameworks/News.svelte) compiled; Vue comes from its development browser build, template
 * compiler included (it warns, so the check that it did not can fail). What is checked is what the docs promise: a prop the element has is set as a
 * property (no attribute appears), `on<event>` (React) and `@event` (Vue) listen to the custom events with
 * their typed detail, a re-render reaches the element, and React's attribute fallback before the element is
 * defined (why the React typing gives `heading-level`, not `headingLevel`).
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/components/news-list/define.js';
import { NewsList } from '../src/components/news-list/news-list.js';
import type { FeedErrorDetail, FeedLoadDetail } from '../src/controllers/feed-controller.js';
import { clearFeedCache, feedUrl, uniqueKey } from './helpers/server.js';
import { PageErrors } from './helpers/page-errors.js';

interface SvelteModule {
  News: unknown;
  mount(component: unknown, options: { target: Element; props: Record<string, unknown> }): Record<string, unknown>;
  unmount(instance: Record<string, unknown>): void;
  flushSync(fn?: () => void): void;
}

interface ReactModule {
  createElement(type: string, props: Record<string, unknown> | null): unknown;
  createRoot(container: Element): { render(node: unknown): void; unmount(): void };
  flushSync(fn: () => void): void;
}

const REACT_URL = '/api/frameworks/react.js';
const loadReact = () => import(/* @vite-ignore */ REACT_URL) as Promise<ReactModule>;
const SVELTE_URL = '/api/frameworks/svelte.js';
const loadSvelte = () => import(/* @vite-ignore */ SVELTE_URL) as Promise<SvelteModule>;

const items = (el: Element) => el.shadowRoot!.querySelectorAll('[part=item]').length;

/**
 * What each framework's example must give: the element, defined, that loaded its feed and told the framework's
 * listener (`loads`), with `limit` 3 set as a property (no attribute) and three news items shown.
 */
async function expectRendered(el: Element | null, loads: FeedLoadDetail[], by: string): Promise<NewsList> {
  expect(el).to.be.instanceOf(NewsList);
  const news = el as NewsList;
  await waitUntil(() => loads.length === 1, `cities-feed-load reached the ${by} listener`);
  expect(loads[0]!.count).to.equal(3);
  expect(news.limit, 'a number property, not the string of an attribute').to.equal(3);
  expect(news.hasAttribute('limit'), 'set as a property').to.equal(false);
  await news.updateComplete;
  expect(items(news)).to.equal(3);
  return news;
}

describe('in frameworks (docs/frameworks.md)', function () {
  this.timeout(15000);
  let box: HTMLDivElement;
  const errors = new PageErrors();

  beforeEach(() => {
    clearFeedCache();
    errors.start();
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    box.remove();
    errors.assertNone();
  });

  describe('React 19', () => {
    it('sets props as properties, listens with oncities-feed-load, and re-renders into the element', async () => {
      const React = await loadReact();
      const loads: FeedLoadDetail[] = [];
      const root = React.createRoot(box);
      const src = feedUrl(uniqueKey('react'), { fixture: 'news-list' });
      const render = (limit: number) =>
        React.flushSync(() =>
          root.render(
            React.createElement('cities-news-list', {
              src,
              loading: 'eager',
              limit,
              layout: 'compact',
              'oncities-feed-load': (event: CustomEvent<FeedLoadDetail>) => loads.push(event.detail),
            }),
          ),
        );
      render(3);
      const el = await expectRendered(box.querySelector('cities-news-list'), loads, 'React prop');
      expect(el.layout).to.equal('compact');

      render(2);
      await el.updateComplete;
      expect(el.limit).to.equal(2);
      expect(items(el)).to.equal(2);
      root.unmount();
    });

    it('hears cities-feed-error through oncities-feed-error', async () => {
      const React = await loadReact();
      const failures: FeedErrorDetail[] = [];
      const root = React.createRoot(box);
      React.flushSync(() =>
        root.render(
          React.createElement('cities-news-list', {
            src: feedUrl(uniqueKey('react-error'), { status: 404, fail: 9 }),
            loading: 'eager',
            'oncities-feed-error': (event: CustomEvent<FeedErrorDetail>) => failures.push(event.detail),
          }),
        ),
      );
      await waitUntil(() => failures.length === 1, 'cities-feed-error reached the React prop');
      expect(failures[0]!.message).to.match(/404/);
      root.unmount();
    });

    it('before the element is defined, sets attributes: headingLevel is lost, heading-level is read', async () => {
      const React = await loadReact();
      // A tag of its own, defined only after React's first commit, as when the definition loads in an effect.
      const tag = `cities-news-list-late-${uniqueKey('t').replace(/[^a-z0-9]/g, '')}`;
      const root = React.createRoot(box);
      React.flushSync(() =>
        root.render([
          React.createElement(tag, { key: 'camel', id: 'camel', headingLevel: 5, loading: 'eager', src: feedUrl(uniqueKey('late'), { fixture: 'news-list' }) }),
          React.createElement(tag, { key: 'dashed', id: 'dashed', 'heading-level': 5, loading: 'eager', src: feedUrl(uniqueKey('late'), { fixture: 'news-list' }) }),
        ]),
      );
      const camel = box.querySelector('#camel')!;
      expect(camel.getAttribute('headinglevel'), 'React wrote an attribute, lower-cased by HTML').to.equal('5');
      customElements.define(tag, class extends NewsList {});
      const [a, b] = [camel, box.querySelector('#dashed')!] as NewsList[];
      await a!.updateComplete;
      await b!.updateComplete;
      expect(a!.headingLevel, 'headingLevel as an attribute is not heading-level').to.equal(3);
      expect(b!.headingLevel).to.equal(5);
      root.unmount();
    });
  });

  describe('Vue 3', () => {
    // The docs' `isCustomElement` matters for templates compiled at build time (Vite's plugin): Vue's compiler in
    // the browser, used here, takes a tag defined in `customElements` for a custom element by itself. So this
    // checks the bindings and the listener, not the need for that option.
    it('binds :limit as a property and listens with @cities-feed-load', async () => {
      const { createApp, nextTick, ref } = await import('vue/dist/vue.esm-browser.js');
      const loads: FeedLoadDetail[] = [];
      const limit = ref(3);
      const app = createApp({
        template: `<cities-news-list :src="src" loading="eager" :limit="limit" layout="compact" @cities-feed-load="onLoad" />`,
        setup: () => ({ src: feedUrl(uniqueKey('vue'), { fixture: 'news-list' }), limit, onLoad: (event: CustomEvent<FeedLoadDetail>) => loads.push(event.detail) }),
      });
      app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('cities-');
      const warnings: string[] = [];
      app.config.warnHandler = (message: string) => warnings.push(message);
      app.mount(box);
      const el = await expectRendered(box.querySelector('cities-news-list'), loads, 'Vue');

      limit.value = 1;
      await nextTick();
      await el.updateComplete;
      expect(el.limit).to.equal(1);
      expect(items(el)).to.equal(1);
      expect(warnings, 'Vue warned').to.deep.equal([]);
      app.unmount();
    });
  });

  describe('Svelte 5', () => {
    it('sets limit={…} as a property and listens with oncities-feed-load={…}', async () => {
      const { News, mount, unmount, flushSync } = await loadSvelte();
      const loads: FeedLoadDetail[] = [];
      const app = mount(News, {
        target: box,
        props: { src: feedUrl(uniqueKey('svelte'), { fixture: 'news-list' }), limit: 3, onload: (event: CustomEvent<FeedLoadDetail>) => loads.push(event.detail) },
      });
      flushSync();
      await expectRendered(box.querySelector('cities-news-list'), loads, 'Svelte');
      unmount(app);
    });
  });
});
