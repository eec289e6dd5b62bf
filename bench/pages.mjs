/**
 * The HTML pages the benchmark loads. Every page starts with an inline classic script (PROBES) that runs
 * before any bundle: it notes the time of the script tag (`__b.t0`), observes long tasks and layout shifts,
 * and wraps `customElements.define` so that the first `updated()` of a widget whose shadow root holds real
 * content (not the skeleton) records the time (`__b.rendered`), and the frame after it (`__b.painted`:
 * requestAnimationFrame, then a task, i.e. after that frame's paint).
 * TIMERS (countdown and mount pages only) wraps setTimeout / setInterval / requestAnimationFrame /
 * requestIdleCallback to count callbacks that ran and timers still pending.
 */

/** What "real content" is for each widget (the skeletons have none of these). */
export const CONTENT = {
  'cities-initiative-feed': 'article.card',
  'cities-quote-carousel': 'blockquote',
  'cities-news-list': 'li.item',
  'cities-event-countdown': '[part=countdown]',
};

const PROBES = `<script>
(function () {
  var b = (window.__b = { t0: performance.now(), long: [], cls: 0, shifts: 0, shiftList: [], rendered: {}, painted: {}, fromCache: {}, events: [], moved: {},
    dataAt: {}, prepAt: {}, updatedAt: {}, updateStartAt: {}, keyWaiting: null, search: null, resultsAt: 0 });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { b.long.push(e.duration); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (e.hadRecentInput) return;
        b.cls += e.value; b.shifts++; b.shiftList.push([e.startTime, e.value]);
        // Light-DOM nodes that moved (nodes inside a shadow root are reported as null).
        (e.sources || []).forEach(function (s) { if (s.node && s.node.localName) b.moved[s.node.localName] = (b.moved[s.node.localName] || 0) + e.value; });
      });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { b.events.push({ name: e.name, start: e.startTime, duration: e.duration }); });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (e) {}
  var CONTENT = ${JSON.stringify(CONTENT)};
  var define = customElements.define;
  customElements.define = function (name, cls, options) {
    var selector = CONTENT[name];
    if (selector) {
      var original = cls.prototype.updated;
      // "The data arrives": the feed controller asks the widget for its summary as soon as a validated
      // result is there, before anything is indexed or rendered (bench/run.mjs: render script).
      // The widget's own preparation before that (initiative feed: formats, card templates, the index in
      // slices), timed from its first call.
      var prepare = cls.prototype.prepareFeed;
      if (prepare) {
        cls.prototype.prepareFeed = function (result) {
          if (!b.quiet && !(name in b.prepAt)) { b.prepAt[name] = performance.now(); performance.mark('bench:prepare:' + name); }
          return prepare.call(this, result);
        };
      }
      var summary = cls.prototype.feedSummary;
      if (summary) {
        cls.prototype.feedSummary = function (result) {
          if (!b.quiet && !(name in b.dataAt)) { b.dataAt[name] = performance.now(); performance.mark('bench:data:' + name); }
          return summary.call(this, result);
        };
      }
      var update = cls.prototype.update;
      cls.prototype.update = function (changed) {
        if (!b.quiet) b.updateStartAt[name] = performance.now();
        return update.call(this, changed);
      };
      cls.prototype.updated = function (changed) {
        if (original) original.call(this, changed);
        if (!b.quiet) b.updatedAt[name] = performance.now();
        // The first update after a keystroke (bench/run.mjs sets keyWaiting): its script, and the frame after it.
        if (b.keyWaiting === name) {
          b.keyWaiting = null;
          b.search = { start: b.updateStartAt[name], end: b.updatedAt[name] };
          requestAnimationFrame(function () { setTimeout(function () { b.resultsAt = performance.now(); }, 0); });
        }
        // quiet: the mount/unmount page records nothing (the arrays would grow with every cycle).
        if (!b.quiet && !this.__benchSeen && this.shadowRoot && this.shadowRoot.querySelector(selector)) {
          this.__benchSeen = true;
          var t = performance.now();
          (b.rendered[name] = b.rendered[name] || []).push(t);
          performance.mark('bench:rendered:' + name);
          // From the localStorage copy: a result on screen before the network answered (status 'ready'). Not
          // the controller's 'stale', which terser renames in dist/*.js (scripts/mangled-members.mjs).
          (b.fromCache[name] = b.fromCache[name] || []).push(!!(this.feed && this.feed.result && this.feed.status !== 'ready'));
          requestAnimationFrame(function () {
            setTimeout(function () { (b.painted[name] = b.painted[name] || []).push(performance.now()); }, 0);
          });
        }
      };
    }
    return define.call(this, name, cls, options);
  };
})();
</script>`;

const TIMERS = `<script>
(function () {
  var c = (window.__timers = { fired: 0, created: 0, active: new Map(), rafFired: 0, idleFired: 0, pendingRaf: 0, pendingIdle: 0 });
  var st = window.setTimeout, ct = window.clearTimeout, si = window.setInterval, ci = window.clearInterval;
  var raf = window.requestAnimationFrame, caf = window.cancelAnimationFrame;
  var ric = window.requestIdleCallback, cic = window.cancelIdleCallback;
  window.setTimeout = function (fn, ms) {
    var args = Array.prototype.slice.call(arguments, 2);
    var id = st.call(window, function () {
      c.active.delete(id); c.fired++;
      if (typeof fn === 'function') return fn.apply(this, args);
    }, ms);
    c.created++; c.active.set(id, 'timeout');
    return id;
  };
  window.clearTimeout = function (id) { c.active.delete(id); return ct.call(window, id); };
  window.setInterval = function (fn, ms) {
    var args = Array.prototype.slice.call(arguments, 2);
    var id = si.call(window, function () { c.fired++; if (typeof fn === 'function') return fn.apply(this, args); }, ms);
    c.created++; c.active.set(id, 'interval');
    return id;
  };
  window.clearInterval = function (id) { c.active.delete(id); return ci.call(window, id); };
  var rafs = new Set();
  window.requestAnimationFrame = function (fn) {
    var id = raf.call(window, function (t) { rafs.delete(id); c.rafFired++; fn(t); });
    rafs.add(id); return id;
  };
  window.cancelAnimationFrame = function (id) { rafs.delete(id); return caf.call(window, id); };
  var idles = new Set();
  if (ric) {
    window.requestIdleCallback = function (fn, opts) {
      var id = ric.call(window, function (d) { idles.delete(id); c.idleFired++; fn(d); }, opts);
      idles.add(id); return id;
    };
    window.cancelIdleCallback = function (id) { idles.delete(id); return cic.call(window, id); };
  }
  c.snapshot = function () {
    return { fired: c.fired, created: c.created, active: c.active.size, rafFired: c.rafFired, idleFired: c.idleFired,
      pendingRaf: rafs.size, pendingIdle: idles.size };
  };
})();
</script>`;

const STYLE = `<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f4f6f9; color: #1b2430; }
  main { max-width: 1100px; margin: 0 auto; padding: 16px; }
  .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 24px; align-items: start; }
  .col { display: grid; gap: 24px; }
  h1 { font-size: 1.4rem; margin: 0 0 12px; }
</style>`;

function page({ title, head = '', body, timers = false }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${STYLE}
${timers ? TIMERS : ''}
${PROBES}
${head}
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/**
 * Feed parse and validate in the page: the same parseFeed as the bundles (bench/run.mjs builds /parse.js).
 * The page fetches the text, then waits: bench/run.mjs reads the main thread's CPU time around `__first()`
 * (JSON.parse + the first parseFeed of the page) and then calls `__warm()`.
 */
export function parsePage(feedUrl, repeats) {
  return page({
    title: 'parse',
    body: `<script type="module">
  import { parseFeed } from '/parse.js';
  const url = new URL(${JSON.stringify(feedUrl)}, location.href).href;
  const text = await (await fetch(url)).text();
  window.__first = () => {
    const t0 = performance.now();
    const doc = JSON.parse(text);
    const t1 = performance.now();
    const first = parseFeed(doc, url);
    const t2 = performance.now();
    return { bytes: text.length, jsonMs: t1 - t0, parseMs: t2 - t1, kept: first.feed.initiatives.length, skipped: first.skipped.initiatives };
  };
  window.__warm = () => {
    const warm = [];
    for (let i = 0; i < ${repeats}; i++) {
      const d = JSON.parse(text);
      const s = performance.now();
      parseFeed(d, url);
      warm.push(performance.now() - s);
    }
    return warm;
  };
</script>`,
  });
}

/** One filterable initiative feed (default lazy loading, default page size 12). */
export function feedPage(feedUrl) {
  return page({
    title: 'initiative feed',
    head: '<script type="module" src="/dist/initiative-feed.js"></script>',
    body: `<cities-initiative-feed src="${feedUrl}" filterable></cities-initiative-feed>`,
  });
}

/** All four widgets on one feed URL, laid out like the demo (two columns). */
export function allFourPage(feedUrl) {
  return page({
    title: 'all four widgets',
    head: `<meta name="cities-widgets:src" content="${feedUrl}">
<script type="module" src="/dist/cities-widgets.js"></script>`,
    body: `<p>Every widget below reads the same feed URL (the page-wide meta default).</p>
<div class="grid">
  <div class="col"><cities-initiative-feed loading="eager" filterable layout="grid" page-size="6"></cities-initiative-feed></div>
  <div class="col">
    <cities-event-countdown loading="eager"></cities-event-countdown>
    <cities-quote-carousel loading="eager"></cities-quote-carousel>
    <cities-news-list loading="eager" limit="5"></cities-news-list>
  </div>
</div>`,
  });
}

/**
 * A page left open (the idle scenario): the four widgets on one feed whose news and initiatives are recent (relative
 * dates), a countdown showing seconds and an autoplaying carousel, in view; `past` puts 5,000 px of page after them
 * (the bench scrolls there). `only` keeps one widget (its tag).
 */
export function idlePage(feedUrl, { only } = {}) {
  const widgets = [
    '<cities-initiative-feed loading="eager" page-size="6"></cities-initiative-feed>',
    '<cities-event-countdown loading="eager"></cities-event-countdown>',
    '<cities-quote-carousel loading="eager" autoplay></cities-quote-carousel>',
    '<cities-news-list loading="eager" limit="5"></cities-news-list>',
  ].filter((w) => !only || w.startsWith(`<${only} `));
  return page({
    title: 'a page left open',
    head: `<meta name="cities-widgets:src" content="${feedUrl}">
<script type="module" src="/dist/cities-widgets.js"></script>`,
    body: `<div class="grid"><div class="col">${widgets.join('</div><div class="col">')}</div></div>
<div id="past" style="height: 5000px"></div><p id="end">The end of the page.</p>`,
  });
}

/**
 * One widget as a partner pastes it (default attributes but `loading="eager"`, so that it loads in any
 * viewport), in a single column between two paragraphs, so that any change of its height moves the text
 * after it on screen: what cumulative layout shift counts. The feed answers after a delay (a real network),
 * so the skeleton is painted before the content.
 */
export function shiftPage(feedUrl, tag, attrs = '', css = '', scriptAttrs = '') {
  return page({
    title: `layout shift: ${tag}`,
    head: `${css ? `<style>${css}</style>` : ''}<script type="module" src="/dist/cities-widgets.js"${scriptAttrs ? ` ${scriptAttrs}` : ''}></script>`,
    body: `<div style="max-width: 720px">
<p>The text before the widget.</p>
<${tag} src="${feedUrl}" loading="eager" ${attrs}></${tag}>
<p id="after">The text after the widget: it moves when the widget's height changes.</p>
</div>`,
  });
}

/** A countdown showing seconds, with every timer counted. */
export function countdownPage(feedUrl) {
  return page({
    title: 'countdown',
    timers: true,
    head: '<script type="module" src="/dist/event-countdown.js"></script>',
    body: `<cities-event-countdown src="${feedUrl}" loading="eager"></cities-event-countdown>`,
  });
}

/** Our carousel. */
export function ourCarouselPage(feedUrl) {
  return page({
    title: 'carousel: cities-quote-carousel',
    head: '<script type="module" src="/dist/quote-carousel.js"></script>',
    body: `<div style="max-width:720px"><cities-quote-carousel src="${feedUrl}"></cities-quote-carousel></div>`,
  });
}

/**
 * The same quotes in a competitor's carousel: the page fetches the same feed and builds slides with DOM
 * calls (textContent; no validation, unlike our widget), as a partner site would have to.
 */
const BUILD_SLIDES = `
  const pick = (v) => (typeof v === 'string' ? v : v && (v.en ?? Object.values(v)[0])) ?? '';
  async function quotes(url) {
    const feed = await (await fetch(url)).json();
    return feed.quotes ?? [];
  }
  function slide(tag, q) {
    const s = document.createElement(tag);
    const figure = document.createElement('figure');
    const bq = document.createElement('blockquote');
    bq.textContent = pick(q.text);
    const cap = document.createElement('figcaption');
    cap.textContent = [q.author, pick(q.role), pick(q.organization), q.city].filter(Boolean).join(', ');
    figure.append(bq, cap);
    s.append(figure);
    return s;
  }`;

export function swiperPage(feedUrl) {
  return page({
    title: 'carousel: Swiper Element',
    head: '<script src="/swiper/swiper-element-bundle.min.js"></script>',
    body: `<div style="max-width:720px"><swiper-container id="c" navigation="true" pagination="true" a11y="true" keyboard="true"></swiper-container></div>
<script type="module">
  ${BUILD_SLIDES}
  const c = document.getElementById('c');
  for (const q of await quotes(${JSON.stringify(feedUrl)})) c.append(slide('swiper-slide', q));
</script>`,
  });
}

export function shoelacePage(feedUrl) {
  return page({
    title: 'carousel: Shoelace sl-carousel',
    head: `<link rel="stylesheet" href="/shoelace/themes/light.css">
<script type="module" src="/shoelace/components/carousel/carousel.js"></script>
<script type="module" src="/shoelace/components/carousel-item/carousel-item.js"></script>`,
    body: `<div style="max-width:720px"><sl-carousel id="c" navigation pagination></sl-carousel></div>
<script type="module">
  ${BUILD_SLIDES}
  const c = document.getElementById('c');
  for (const q of await quotes(${JSON.stringify(feedUrl)})) c.append(slide('sl-carousel-item', q));
</script>`,
  });
}

/** 1,000 mount / unmount cycles of the four widgets, driven by bench/run.mjs through `window.__cycle`. */
export function mountPage(feedUrl) {
  return page({
    title: 'mount / unmount',
    timers: true,
    head: '<script type="module" src="/dist/cities-widgets.js"></script>',
    body: `<div id="host"></div>
<script type="module">
  const TAGS = ['cities-initiative-feed', 'cities-event-countdown', 'cities-quote-carousel', 'cities-news-list'];
  const host = document.getElementById('host');
  window.__b.quiet = true;
  await Promise.all(TAGS.map((t) => customElements.whenDefined(t)));
  function loaded(el) {
    return new Promise((resolve, reject) => {
      el.addEventListener('cities-feed-load', () => resolve(el.updateComplete), { once: true });
      el.addEventListener('cities-feed-error', (e) => reject(new Error(e.detail.message)), { once: true });
    });
  }
  window.__cycle = async (n) => {
    for (let i = 0; i < n; i++) {
      const els = TAGS.map((t) => {
        const el = document.createElement(t);
        el.setAttribute('src', ${JSON.stringify(feedUrl)});
        el.setAttribute('loading', 'eager');
        return el;
      });
      const done = Promise.all(els.map(loaded));
      host.append(...els);
      await done;
      host.replaceChildren();
    }
    return n;
  };
  window.__ready = true;
</script>`,
  });
}
