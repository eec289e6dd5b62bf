/**
 * Loaded first by every hardening page (a same-origin classic script, so it runs under the strict CSP):
 * records what a page must never see and counts what is live, in `window.__probe`.
 *
 * - `violations`: securitypolicyviolation events; `errors`, `rejections`: uncaught errors and unhandled
 *   rejections; `console.error` / `console.warn` messages; `dialogs`: calls of the stubbed alert/confirm/
 *   prompt/print.
 * - Live counts (`snapshot()`): pending timeouts, intervals, animation frames and idle callbacks;
 *   IntersectionObserver / MutationObserver / ResizeObserver instances that observe something; event
 *   listeners on the page's own objects (window, document, nodes of the page's DOM, media queries…);
 *   fetches not settled yet.
 *
 * Options from the script tag: `data-adopt="off"` removes adoptedStyleSheets (Lit then writes <style>
 * elements), `data-nonce="N"` sets `window.litNonce`, `data-wrap="off"` leaves the browser APIs unwrapped
 * (no live counts: for measuring the heap without the probe's own bookkeeping in it).
 */
(() => {
  'use strict';
  const options = (document.currentScript && document.currentScript.dataset) || {};

  if (options.adopt === 'off') {
    delete Document.prototype.adoptedStyleSheets;
    delete ShadowRoot.prototype.adoptedStyleSheets;
  }
  if (options.nonce) window.litNonce = options.nonce;

  const text = (value) => {
    try {
      return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
    } catch {
      return '[unprintable]';
    }
  };

  const probe = {
    violations: [],
    errors: [],
    rejections: [],
    console: { error: [], warn: [] },
    dialogs: [],
    fetches: { started: 0, settled: 0 },
    /** Keep a stack trace with each live timer and listener (slow; for debugging a leak). */
    trace: false,
  };
  window.__probe = probe;

  document.addEventListener('securitypolicyviolation', (event) => {
    probe.violations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: `${event.sourceFile}:${event.lineNumber}`,
    });
  });
  window.addEventListener('error', (event) => probe.errors.push(text(event.error || event.message)));
  window.addEventListener('unhandledrejection', (event) => probe.rejections.push(text(event.reason)));

  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      probe.console[level].push(args.map(text).join(' '));
      return original.apply(this, args);
    };
  }

  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function (...args) {
      probe.dialogs.push({ name, args: args.map(text) });
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }

  if (options.wrap === 'off') return;

  const stack = () => (probe.trace ? new Error().stack : '');

  // ---- timers ------------------------------------------------------------------------------------
  const live = { timeouts: new Map(), intervals: new Map(), frames: new Map(), idles: new Map() };

  function wrapTimer(setName, clearName, map, { once, also }) {
    const set = window[setName];
    const clear = window[clearName];
    if (typeof set !== 'function') return;
    window[setName] = function (callback, ...rest) {
      let id;
      const fn =
        typeof callback === 'function' && once
          ? function (...args) {
              map.delete(id);
              return callback.apply(this, args);
            }
          : callback;
      id = set.call(window, fn, ...rest);
      map.set(id, { delay: rest[0], stack: stack() });
      return id;
    };
    window[clearName] = function (id) {
      map.delete(id);
      // clearTimeout and clearInterval share one list of ids in browsers.
      if (also) also.delete(id);
      return clear.call(window, id);
    };
  }
  wrapTimer('setTimeout', 'clearTimeout', live.timeouts, { once: true, also: live.intervals });
  wrapTimer('setInterval', 'clearInterval', live.intervals, { once: false, also: live.timeouts });
  wrapTimer('requestAnimationFrame', 'cancelAnimationFrame', live.frames, { once: true });
  wrapTimer('requestIdleCallback', 'cancelIdleCallback', live.idles, { once: true });

  // ---- fetch -------------------------------------------------------------------------------------
  const nativeFetch = window.fetch;
  window.fetch = function (...args) {
    probe.fetches.started++;
    const settle = () => probe.fetches.settled++;
    const promise = nativeFetch.apply(this, args);
    promise.then(settle, settle);
    return promise;
  };

  // ---- event listeners ---------------------------------------------------------------------------
  // Listeners inside shadow roots and detached subtrees die with their nodes; what can leak is a listener
  // on something that outlives a widget: window, document, the page's connected nodes, media queries.
  // Targets are held weakly, so that the bookkeeping itself keeps nothing alive.
  const registry = new WeakMap(); // target → Map<"type capture", Map<listener, stack>>
  const targets = new Set(); // WeakRef<target>
  // A collected target takes its entry with it, so that the bookkeeping does not grow with the page.
  const gone = new FinalizationRegistry((ref) => targets.delete(ref));

  const captureOf = (options) => (typeof options === 'boolean' ? options : !!(options && options.capture));
  const tracked = (target) => {
    if (!(target instanceof Node)) return true;
    const root = target.getRootNode();
    return root === document || target === document;
  };

  function forget(target, key, listener) {
    const byKey = registry.get(target);
    const listeners = byKey && byKey.get(key);
    if (listeners) listeners.delete(listener);
  }

  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    add.call(this, type, listener, options);
    if (!listener || !tracked(this)) return;
    const key = `${type} ${captureOf(options)}`;
    let byKey = registry.get(this);
    if (!byKey) {
      registry.set(this, (byKey = new Map()));
      const ref = new WeakRef(this);
      targets.add(ref);
      gone.register(this, ref);
    }
    let listeners = byKey.get(key);
    if (!listeners) byKey.set(key, (listeners = new Map()));
    if (listeners.has(listener)) return;
    listeners.set(listener, stack());
    const target = this;
    if (options && typeof options === 'object') {
      if (options.once) add.call(this, type, () => forget(target, key, listener), { once: true, capture: captureOf(options) });
      if (options.signal) options.signal.addEventListener('abort', () => forget(target, key, listener), { once: true });
    }
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    remove.call(this, type, listener, options);
    if (listener) forget(this, `${type} ${captureOf(options)}`, listener);
  };

  function describeTarget(target) {
    if (target === window) return 'window';
    if (target === document) return 'document';
    if (target instanceof Element) return `<${target.localName}>`;
    return Object.prototype.toString.call(target).slice(8, -1);
  }

  function listeners() {
    const out = {};
    let total = 0;
    for (const ref of targets) {
      const target = ref.deref();
      if (!target) {
        targets.delete(ref);
        continue;
      }
      if (target instanceof Node && target !== document && !target.isConnected) continue;
      const byKey = registry.get(target);
      if (!byKey) continue;
      for (const [key, set] of byKey) {
        if (set.size === 0) continue;
        const name = `${describeTarget(target)} ${key.split(' ')[0]}`;
        out[name] = (out[name] || 0) + set.size;
        total += set.size;
      }
    }
    return { total, byTarget: out };
  }

  // ---- observers ---------------------------------------------------------------------------------
  const observing = new Map(); // observer → Set<target>  (only while it observes something)
  for (const name of ['IntersectionObserver', 'MutationObserver', 'ResizeObserver']) {
    const Native = window[name];
    if (typeof Native !== 'function') continue;
    const Wrapped = class extends Native {
      observe(target, ...rest) {
        super.observe(target, ...rest);
        let set = observing.get(this);
        if (!set) observing.set(this, (set = new Set()));
        set.add(target);
      }
      disconnect() {
        super.disconnect();
        observing.delete(this);
      }
    };
    if ('unobserve' in Native.prototype) {
      Wrapped.prototype.unobserve = function (target) {
        Native.prototype.unobserve.call(this, target);
        const set = observing.get(this);
        if (set) {
          set.delete(target);
          if (set.size === 0) observing.delete(this);
        }
      };
    }
    Object.defineProperty(Wrapped, 'name', { value: name });
    window[name] = Wrapped;
  }

  function observers() {
    const out = { IntersectionObserver: 0, MutationObserver: 0, ResizeObserver: 0, targets: 0 };
    for (const [observer, set] of observing) {
      out[observer.constructor.name] += 1;
      out.targets += set.size;
    }
    return out;
  }

  /** Everything live right now. */
  probe.snapshot = () => ({
    timeouts: live.timeouts.size,
    intervals: live.intervals.size,
    frames: live.frames.size,
    idles: live.idles.size,
    observers: observers(),
    listeners: listeners(),
    fetchesPending: probe.fetches.started - probe.fetches.settled,
  });
  /** Stacks of what is live (with `trace` on), for a failing leak test's message. */
  probe.details = () => ({
    timeouts: [...live.timeouts.values()],
    intervals: [...live.intervals.values()],
    frames: [...live.frames.values()],
    idles: [...live.idles.values()],
  });
})();
