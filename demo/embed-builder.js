/**
 * The embed-code builder: pick a widget, set its options in a form, see it live, copy the exact snippet
 *
 *   <script type="module" src="https://unpkg.com/cities-widgets@<version>/dist/<file>.js"
 *           integrity="sha384-…" crossorigin="anonymous"></script>
 *   <cities-news-list src="https://example.org/feed.json" limit="3"></cities-news-list>
 *
 * A plain JavaScript module with no build step and no dependency: demo/embed.html uses it on the demo page of
 * `npm start` (with the elements of /dist/cities-widgets.js), and Storybook's "Embed code" page uses the same
 * module (stories/embed-builder.stories.ts). Its markup is light DOM with `ceb-` classes and one stylesheet.
 *
 * The integrity hashes come from dist/integrity.json (written by scripts/integrity.mjs at build time): the hash
 * is only added when the version is known and the file is in that list, since a hash pins one exact file.
 */

/**
 * @typedef {{ name: string, type: 'text' | 'number' | 'boolean' | 'select', label: string, hint?: string,
 *   choices?: string[], default?: string | number | boolean, min?: number, max?: number, placeholder?: string }} Option
 * @typedef {{ tag: string, file: string, name: string, options: Option[] }} Widget
 * @typedef {Record<string, string | number | boolean | undefined>} Values
 */

/** The attributes every element has (src/base/cities-element.ts). */
export const COMMON_OPTIONS = /** @type {Option[]} */ ([
  { name: 'src', type: 'text', label: 'Feed URL', hint: 'Your JSON feed; relative URLs resolve against your page.' },
  { name: 'theme', type: 'select', label: 'Theme', choices: ['light', 'dark', 'auto'], default: 'light' },
  {
    name: 'lang',
    type: 'select',
    label: 'Language',
    choices: ['', 'en', 'es', 'fr', 'pt', 'ar', 'zh-Hans'],
    default: '',
    hint: 'Empty: the language of your page.',
  },
  { name: 'dir', type: 'select', label: 'Direction', choices: ['', 'ltr', 'rtl'], default: '', hint: 'Empty: from the language.' },
  { name: 'refresh', type: 'number', label: 'Refresh every (seconds)', min: 0, default: 0, hint: '0: never.' },
  { name: 'loading', type: 'select', label: 'Loading', choices: ['lazy', 'eager'], default: 'lazy', hint: 'lazy: when the widget nears the viewport.' },
  {
    name: 'motion',
    type: 'select',
    label: 'Motion',
    choices: ['auto', 'reduce'],
    default: 'auto',
    hint: 'reduce: no animation, no automatic rotation (a visitor who asks for reduced motion always gets it).',
  },
]);

/** Every widget and its own attributes, as documented in its JSDoc (test/node/manifest.test.mjs keeps them in step). */
export const WIDGETS = /** @type {Widget[]} */ ([
  {
    tag: 'cities-initiative-feed',
    file: 'initiative-feed',
    name: 'Initiative feed',
    options: [
      { name: 'layout', type: 'select', label: 'Layout', choices: ['list', 'grid', 'compact'], default: 'list' },
      { name: 'filterable', type: 'boolean', label: 'Filter bar (search, country, topic)', default: false },
      { name: 'sync-url', type: 'boolean', label: 'Keep the filters in the page URL', default: false },
      { name: 'city', type: 'text', label: 'Only these cities', placeholder: 'Bogotá, São Paulo' },
      { name: 'country', type: 'text', label: 'Only these countries', placeholder: 'co, es' },
      { name: 'topic', type: 'text', label: 'Only these topics', placeholder: 'mobility, health' },
      { name: 'limit', type: 'number', label: 'At most (0: all)', min: 0, default: 0 },
      { name: 'page-size', type: 'number', label: 'Cards per page', min: 1, default: 12 },
      { name: 'heading-level', type: 'number', label: 'Heading level of the titles (2–6)', min: 2, max: 6, default: 3 },
      { name: 'target', type: 'select', label: 'Open links', choices: ['', '_blank'], default: '', hint: '_blank: in a new tab.' },
    ],
  },
  {
    tag: 'cities-event-countdown',
    file: 'event-countdown',
    name: 'Event countdown',
    options: [
      { name: 'layout', type: 'select', label: 'Layout', choices: ['full', 'compact'], default: 'full' },
      { name: 'event', type: 'text', label: 'Event id', hint: 'Empty: the next event of the feed.' },
      { name: 'no-seconds', type: 'boolean', label: 'Hide the seconds', default: false },
      { name: 'heading-level', type: 'number', label: 'Heading level of the title (2–6)', min: 2, max: 6, default: 3 },
      { name: 'time-zone', type: 'text', label: 'Time zone of the events', placeholder: 'Europe/Madrid' },
      { name: 'place', type: 'text', label: 'Place of that time zone', placeholder: 'Barcelona' },
      { name: 'visitor-time-zone', type: 'text', label: 'Visitor time zone (previews only)', placeholder: 'America/Bogota' },
      { name: 'date', type: 'text', label: 'Without a feed: start', placeholder: '2026-12-01T15:00:00+01:00', hint: 'When set, no feed is read.' },
      { name: 'end', type: 'text', label: 'Without a feed: end', placeholder: '2026-12-01T17:00:00+01:00' },
      { name: 'label', type: 'text', label: 'Without a feed: title' },
      { name: 'url', type: 'text', label: 'Without a feed: link' },
      { name: 'location', type: 'text', label: 'Without a feed: location', hint: 'Empty: Online.' },
    ],
  },
  {
    tag: 'cities-quote-carousel',
    file: 'quote-carousel',
    name: 'Quote carousel',
    options: [
      { name: 'autoplay', type: 'boolean', label: 'Rotate automatically', default: false },
      { name: 'interval', type: 'number', label: 'Milliseconds per quote', min: 3000, default: 7000 },
      { name: 'limit', type: 'number', label: 'At most (0: all)', min: 0, default: 0 },
      { name: 'city', type: 'text', label: 'Only quotes from this city' },
      { name: 'author', type: 'text', label: 'Only quotes by this author' },
      { name: 'label', type: 'text', label: 'Accessible name', placeholder: 'Quotes' },
    ],
  },
  {
    tag: 'cities-news-list',
    file: 'news-list',
    name: 'News list',
    options: [
      { name: 'layout', type: 'select', label: 'Layout', choices: ['list', 'compact', 'ticker'], default: 'list' },
      { name: 'limit', type: 'number', label: 'At most', min: 1, default: 5 },
      { name: 'heading-level', type: 'number', label: 'Heading level (2–6)', min: 2, max: 6, default: 3 },
    ],
  },
]);

export const CDN = 'https://unpkg.com/cities-widgets';

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A number brought within the option's `min` and `max` (an input of type number lets any value be typed). */
const inRange = (option, number) => Math.min(Math.max(number, option.min ?? -Infinity), option.max ?? Infinity);

/**
 * The attributes to write: every option whose value is set and differs from its default, in form order. A number
 * outside the option's range is written as the nearest value in it (`heading-level="9"`, which the element would
 * read as its default 3, becomes 6; a news `limit` of 0 becomes 1).
 */
export function attributesOf(widget, values) {
  /** @type {[string, string | true][]} */
  const out = [];
  for (const option of [...COMMON_OPTIONS.slice(0, 1), ...widget.options, ...COMMON_OPTIONS.slice(1)]) {
    let value = values[option.name];
    if (value === undefined || value === '' || value === false) continue;
    if (option.type === 'number') {
      if (!Number.isFinite(Number(value))) continue;
      value = inRange(option, Number(value));
      if (value === option.default) continue;
    }
    if (option.type !== 'number' && value === option.default) continue;
    out.push([option.name, value === true ? true : String(value).trim()]);
  }
  return out.filter(([, value]) => value !== '');
}

/**
 * The snippet for a page: the script tag (with `integrity` when the hash of that file in that version is known)
 * and the element.
 * @param {{ widget: Widget, values: Values, bundle?: 'widget' | 'all', version?: string,
 *   integrity?: Record<string, string>, fallback?: { href?: string, text?: string } }} options
 */
export function embedSnippet({ widget, values, bundle = 'widget', version, integrity, fallback }) {
  const file = bundle === 'all' ? 'cities-widgets' : widget.file;
  const url = `${CDN}${version ? `@${version}` : ''}/dist/${file}.js`;
  const hash = version ? integrity?.[`${file}.js`] : undefined;
  const script = `<script type="module" src="${url}"${hash ? ` integrity="${hash}"` : ''} crossorigin="anonymous"></script>`;
  const attributes = attributesOf(widget, values)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const href = fallback?.href?.trim();
  const inner = href ? `\n  <a href="${escapeAttribute(href)}">${escapeText(fallback?.text?.trim() || href)}</a>\n` : '';
  return `${script}\n<${widget.tag}${attributes}>${inner}</${widget.tag}>`;
}

/**
 * What the builder needs to know about the build it runs from, on the demo server: the package version
 * (`/package.json`) and the integrity hashes (`/dist/integrity.json`). Either may be missing.
 */
export async function loadBuildInfo(origin = location.origin) {
  const get = (path) =>
    fetch(new URL(path, origin), { credentials: 'omit' })
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
  const [pkg, integrity] = await Promise.all([get('/package.json'), get('/dist/integrity.json')]);
  return { version: typeof pkg?.version === 'string' ? pkg.version : undefined, integrity };
}

const STYLES = `
.ceb { container-type: inline-size; display: grid; gap: 24px; color: #1b2430; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.ceb-columns { display: grid; gap: 24px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 860px) { .ceb-columns { grid-template-columns: minmax(260px, 1fr) minmax(0, 2fr); } }
.ceb-form { display: grid; gap: 16px; align-content: start; }
.ceb fieldset { display: grid; gap: 12px; margin: 0; padding: 12px 16px 16px; border: 1px solid #c3ccd8; border-radius: 8px; background: #fff; }
.ceb legend { padding-inline: 4px; font-weight: 700; }
.ceb-field { display: grid; gap: 4px; }
.ceb-field > label > span, .ceb-check { font-weight: 600; font-size: 14px; }
.ceb-hint { font-size: 13px; color: #4f5b6b; font-weight: 400; }
.ceb input[type='text'], .ceb input[type='url'], .ceb input[type='number'], .ceb select {
  inline-size: 100%; min-block-size: 36px; padding: 4px 8px; font: inherit; color: #1b2430; background: #fff;
  border: 1px solid #566272; border-radius: 6px; box-sizing: border-box; }
.ceb-check { display: flex; gap: 8px; align-items: center; }
.ceb-check input { inline-size: 18px; block-size: 18px; margin: 0; accent-color: #0a5bc4; }
.ceb-radios { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.ceb :focus-visible { outline: 3px solid #0a5bc4; outline-offset: 2px; }
.ceb-output { display: grid; gap: 16px; align-content: start; min-inline-size: 0; }
.ceb h2, .ceb h3 { margin: 0; font-size: 16px; }
.ceb-code { display: grid; gap: 8px; }
.ceb-code-head { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; }
.ceb pre { margin: 0; padding: 12px 16px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #e7ecf2; background: #1b2430; border-radius: 8px; }
.ceb-button { min-block-size: 36px; padding: 4px 16px; font: inherit; font-weight: 600; color: #fff; background: #0a5bc4; border: 0; border-radius: 6px; cursor: pointer; }
.ceb-button:hover { background: #084a9f; }
.ceb-status { font-size: 14px; color: #1d6b35; min-block-size: 1.5em; }
.ceb-note { margin: 0; font-size: 13px; color: #4f5b6b; }
.ceb-preview { padding: 16px; border-radius: 8px; background: #eef1f5; }
.ceb-preview.is-dark { background: #0d1117; }
`;

function ensureStyles(doc) {
  if (doc.getElementById('ceb-styles')) return;
  const style = doc.createElement('style');
  style.id = 'ceb-styles';
  style.textContent = STYLES;
  doc.head.append(style);
}

let uid = 0;

/** `<tag class=…>` with children, as light DOM. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'className') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}

function field(option, value, onChange) {
  const id = `ceb-${++uid}`;
  const hintId = option.hint ? `${id}-hint` : undefined;
  const hint = option.hint ? h('span', { className: 'ceb-hint', id: hintId }, option.hint) : undefined;
  if (option.type === 'boolean') {
    return h(
      'div',
      { className: 'ceb-field' },
      h('label', { className: 'ceb-check' }, h('input', { type: 'checkbox', name: option.name, checked: Boolean(value), 'aria-describedby': hintId, onchange: onChange }), option.label),
      hint,
    );
  }
  let control;
  if (option.type === 'select') {
    control = h(
      'select',
      { id, name: option.name, 'aria-describedby': hintId, onchange: onChange },
      (option.choices ?? []).map((choice) =>
        h('option', { value: choice, selected: String(value ?? option.default ?? '') === choice }, choice === '' ? '(not set)' : choice === option.default ? `${choice} (default)` : choice),
      ),
    );
  } else {
    control = h('input', {
      id,
      name: option.name,
      type: option.type === 'number' ? 'number' : option.name === 'src' || option.name === 'url' ? 'url' : 'text',
      min: option.min,
      max: option.max,
      placeholder: option.placeholder ?? (option.default !== undefined ? String(option.default) : undefined),
      value: value ?? '',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': hintId,
      oninput: onChange,
    });
  }
  return h('div', { className: 'ceb-field' }, h('label', { for: id }, h('span', {}, option.label)), control, hint);
}

/**
 * Builds the form, the live preview and the snippet inside `container`.
 * @param {HTMLElement} container
 * @param {{ sampleFeed: string, version?: string, integrity?: Record<string, string>,
 *   widget?: string, load?: (file: string) => Promise<unknown> }} options
 *   `sampleFeed`: the feed the form starts with; `load(file)`: defines a widget whose tag is still unknown
 *   (the demo imports `/dist/<file>.js`; in Storybook every element is already defined).
 */
export function mountEmbedBuilder(container, options) {
  ensureStyles(container.ownerDocument);
  let widget = WIDGETS.find((w) => w.tag === options.widget) ?? WIDGETS[WIDGETS.length - 1];
  /** @type {Values} */
  let values = { src: options.sampleFeed };
  let bundle = 'widget';
  const fallback = { href: '', text: '' };

  const form = h('form', { className: 'ceb-form', 'aria-label': 'Embed options', onsubmit: (e) => e.preventDefault() });
  const preview = h('div', { className: 'ceb-preview' });
  const code = h('code', {});
  const status = h('p', { className: 'ceb-status', role: 'status' });
  const note = h('p', { className: 'ceb-note' });
  const copy = h('button', { type: 'button', className: 'ceb-button', onclick: () => void copySnippet() }, 'Copy the code');

  const read = () => {
    const next = { ...values };
    for (const el of form.querySelectorAll('[name]')) {
      const name = el.getAttribute('name');
      if (name === 'ceb-widget' || name === 'ceb-bundle' || name?.startsWith('ceb-fallback')) continue;
      next[name] = el.type === 'checkbox' ? el.checked : el.type === 'number' ? (el.value === '' ? undefined : Number(el.value)) : el.value;
    }
    values = next;
  };

  const update = () => {
    read();
    const snippet = embedSnippet({ widget, values, bundle, version: options.version, integrity: options.integrity, fallback });
    code.textContent = snippet;
    const file = bundle === 'all' ? 'cities-widgets' : widget.file;
    note.textContent = !options.version
      ? 'The package version is unknown here, so the snippet loads the latest version, without an integrity hash.'
      : options.integrity?.[`${file}.js`]
        ? `integrity: the sha384 hash of dist/${file}.js in this build (dist/integrity.json). Publish the same build as version ${options.version}.`
        : `No integrity hash: dist/integrity.json of this build has no entry for dist/${file}.js (run npm run build).`;
    status.textContent = '';
    renderPreview();
  };

  let previewKey = '';
  const renderPreview = () => {
    const attributes = attributesOf(widget, values);
    const key = JSON.stringify([widget.tag, attributes]);
    if (key === previewKey) return;
    previewKey = key;
    const show = () => {
      const element = document.createElement(widget.tag);
      for (const [name, value] of attributes) element.setAttribute(name, value === true ? '' : value);
      // The preview loads at once; the snippet keeps what the form says.
      element.setAttribute('loading', 'eager');
      preview.classList.toggle('is-dark', values.theme === 'dark');
      preview.replaceChildren(element);
    };
    if (customElements.get(widget.tag) || !options.load) show();
    else void options.load(widget.file).then(show, show);
  };

  const copySnippet = async () => {
    const text = code.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard permission: select the code so that Ctrl+C / Cmd+C copies it.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      status.textContent = 'Selected: press Ctrl+C (Cmd+C on a Mac) to copy.';
    }
  };

  const buildForm = () => {
    const radios = (name, legend, choices, current, onPick) =>
      h(
        'fieldset',
        {},
        h('legend', {}, legend),
        h(
          'div',
          { className: 'ceb-radios' },
          choices.map(([value, label]) =>
            h('label', { className: 'ceb-check' }, h('input', { type: 'radio', name, value, checked: value === current, onchange: () => onPick(value) }), label),
          ),
        ),
      );
    const onChange = () => update();
    form.replaceChildren(
      radios('ceb-widget', 'Widget', WIDGETS.map((w) => [w.tag, w.name]), widget.tag, (tag) => {
        read();
        widget = WIDGETS.find((w) => w.tag === tag) ?? widget;
        buildForm();
        update();
      }),
      h('fieldset', {}, h('legend', {}, 'Feed and page'), COMMON_OPTIONS.map((o) => field(o, values[o.name], onChange))),
      h('fieldset', {}, h('legend', {}, `${widget.name} options`), widget.options.map((o) => field(o, values[o.name], onChange))),
      radios(
        'ceb-bundle',
        'Script',
        [
          ['widget', `This widget only (dist/${widget.file}.js)`],
          // Single-widget files on one page each carry their own Lit and fetch the feed on their own.
          ['all', 'Every widget (dist/cities-widgets.js): the one to use for two or more widgets on a page (one download, one feed request)'],
        ],
        bundle,
        (value) => {
          bundle = value;
          update();
        },
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Fallback link'),
        h('p', { className: 'ceb-note' }, 'Shown until the script has loaded, and to browsers that never run it.'),
        field({ name: 'ceb-fallback-href', type: 'text', label: 'Link', placeholder: 'https://www.metropolis.org/news' }, fallback.href, (e) => {
          fallback.href = e.target.value;
          update();
        }),
        field({ name: 'ceb-fallback-text', type: 'text', label: 'Text', placeholder: 'Metropolis news' }, fallback.text, (e) => {
          fallback.text = e.target.value;
          update();
        }),
      ),
    );
  };

  buildForm();
  container.replaceChildren(
    h(
      'div',
      { className: 'ceb' },
      h(
        'div',
        { className: 'ceb-columns' },
        form,
        h(
          'div',
          { className: 'ceb-output' },
          h('section', { className: 'ceb-code', 'aria-labelledby': 'ceb-code-title' }, h('div', { className: 'ceb-code-head' }, h('h2', { id: 'ceb-code-title' }, 'Code for your page'), copy), h('pre', {}, code), status, note),
          h('section', { 'aria-labelledby': 'ceb-preview-title' }, h('h2', { id: 'ceb-preview-title', style: 'margin-block-end: 8px' }, 'Live preview'), preview),
        ),
      ),
    ),
  );
  update();
  return {
    /** The snippet shown now. */
    get snippet() {
      return code.textContent ?? '';
    },
  };
}
