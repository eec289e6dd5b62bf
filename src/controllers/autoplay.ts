import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_DELAY } from '../data/tasks.js';
import { watchViewport } from './viewport.js';

/** Milliseconds between two automatic steps when nothing else is asked for. */
export const DEFAULT_INTERVAL = 7000;
/** The shortest interval accepted: anything faster is too quick to read. */
export const MIN_INTERVAL = 3000;

/**
 * A usable interval for any input: non-numbers give the default, short ones the minimum, and one past what
 * setTimeout can wait (which would fire at once, a slide every few ms) the longest it can.
 */
export function clampInterval(ms: number | undefined): number {
  return typeof ms === 'number' && Number.isFinite(ms) ? Math.min(Math.max(MIN_INTERVAL, ms), MAX_DELAY) : DEFAULT_INTERVAL;
}

export interface AutoplayOptions {
  /** Shows the next slide: called once per interval while rotation runs. */
  advance: () => void;
  /**
   * True for an element whose hover or focus must not pause rotation: the rotation control itself,
   * so that pressing "play" with the pointer on it, or keyboard focus on it, starts rotation at once.
   */
  exempt?: (target: Element) => boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Owns the timer of an auto-rotating carousel (WAI-ARIA APG carousel pattern).
 *
 * Rotation is *playing* when the host enables it and nobody has stopped it: the user's explicit choice
 * (`play()` / `stop()`) wins; without one, `prefers-reduced-motion: reduce` keeps it stopped.
 * It is *running* (the timer ticks) while playing, connected, the page is visible, the host is within 300px of
 * the viewport, the pointer is not over the host and keyboard focus is not inside it. Every listener and the
 * timer go away on disconnect.
 */
export class AutoplayController implements ReactiveController {
  /** The host wants rotation (e.g. an `autoplay` attribute and more than one slide). Set it before each update. */
  enabled = false;
  /** Requested milliseconds between steps; clamped by `clampInterval`. */
  interval: number | undefined = DEFAULT_INTERVAL;
  /** The host was told to reduce motion (its `motion="reduce"`), as if the system asked for it. */
  reduceMotion = false;

  private __choice: boolean | undefined;
  private __hovered = false;
  private __focused = false;
  /** More than 300px out of view: nobody sees it rotate. */
  private __far = false;
  private __unwatch: (() => void) | undefined;
  private __connected = false;
  private __media: MediaQueryList | undefined;
  private __scope: ShadowRoot | HTMLElement | undefined;
  private __timer: ReturnType<typeof setTimeout> | undefined;
  private __timerMs = 0;
  /** `running` as the last render saw it. */
  private __shown = false;

  constructor(
    private readonly __host: Host,
    private readonly __options: AutoplayOptions,
  ) {
    __host.addController(this);
  }

  /** The visitor asked the system for reduced motion, or the host was told to reduce motion. */
  get reducedMotion(): boolean {
    return this.reduceMotion || (this.__media?.matches ?? false);
  }

  /** Rotation is on (the rotation control offers "stop"), though it may be paused for now. */
  get playing(): boolean {
    return this.enabled && (this.__choice ?? !this.reducedMotion);
  }

  /** The timer is ticking: playing, and not paused by hover, focus, a hidden page or being far out of view. */
  get running(): boolean {
    return this.playing && this.__connected && !this.__hovered && !this.__focused && !this.__far && !document.hidden;
  }

  /** The milliseconds actually used between steps. */
  get effectiveInterval(): number {
    return clampInterval(this.interval);
  }

  /** The user started rotation (also under reduced motion). */
  play(): void {
    this.__choice = true;
    this.__changed();
  }

  /** The user stopped rotation, for good: it starts again only through `play()`. */
  stop(): void {
    this.__choice = false;
    this.__changed();
  }

  hostConnected(): void {
    this.__connected = true;
    this.__media = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
    this.__media?.addEventListener('change', this.__changed);
    document.addEventListener('visibilitychange', this.__changed);
    // Moves between two elements of one shadow tree never reach the host (target and related target
    // retarget to the same node), so hover and focus are followed inside the shadow root.
    this.__scope = this.__host.shadowRoot ?? this.__host;
    this.__scope.addEventListener('pointerover', this.__onPointerOver as EventListener);
    this.__scope.addEventListener('focusin', this.__onFocusIn as EventListener);
    this.__scope.addEventListener('focusout', this.__onFocusOut as EventListener);
    this.__host.addEventListener('pointerleave', this.__onPointerLeave);
    this.__unwatch = watchViewport(this.__host, (near) => {
      this.__far = !near;
      this.__notify();
    });
  }

  hostDisconnected(): void {
    this.__connected = false;
    this.__hovered = false;
    this.__focused = false;
    this.__far = false;
    this.__unwatch?.();
    this.__media?.removeEventListener('change', this.__changed);
    this.__media = undefined;
    document.removeEventListener('visibilitychange', this.__changed);
    this.__scope?.removeEventListener('pointerover', this.__onPointerOver as EventListener);
    this.__scope?.removeEventListener('focusin', this.__onFocusIn as EventListener);
    this.__scope?.removeEventListener('focusout', this.__onFocusOut as EventListener);
    this.__scope = undefined;
    this.__host.removeEventListener('pointerleave', this.__onPointerLeave);
    this.__clear();
  }

  hostUpdate(): void {
    this.__shown = this.running;
  }

  hostUpdated(): void {
    this.__sync();
  }

  /** Something that the rotation control shows changed (user choice, reduced motion, visibility). */
  private __changed = (): void => {
    this.__sync();
    this.__host.requestUpdate();
  };

  /** Hover or focus changed: re-time, and re-render only when `running` flipped (the live region follows it). */
  private __notify(): void {
    this.__sync();
    if (this.running !== this.__shown) this.__host.requestUpdate();
  }

  private __sync(): void {
    // Focus can vanish without a focusout (the focused element was removed): ask the DOM.
    if (this.__focused) {
      const active = (this.__host.getRootNode() as Document | ShadowRoot).activeElement;
      if (!active || !this.__host.contains(active)) this.__focused = false;
    }
    if (!this.running) {
      this.__clear();
      return;
    }
    const ms = this.effectiveInterval;
    if (this.__timer !== undefined && this.__timerMs === ms) return;
    this.__clear();
    this.__timerMs = ms;
    this.__timer = setTimeout(this.__tick, ms);
  }

  private __clear(): void {
    if (this.__timer !== undefined) clearTimeout(this.__timer);
    this.__timer = undefined;
  }

  private __tick = (): void => {
    this.__timer = undefined;
    if (!this.running) return;
    this.__options.advance();
    this.__sync();
  };

  private __target(event: Event): Element | undefined {
    return event.target instanceof Element ? event.target : undefined;
  }

  private __isExempt(target: Element | undefined): boolean {
    return !!target && (this.__options.exempt?.(target) ?? false);
  }

  private __onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.__setHovered(!this.__isExempt(this.__target(event)));
  };

  private __onPointerLeave = (): void => {
    this.__setHovered(false);
  };

  private __onFocusIn = (event: FocusEvent): void => {
    this.__setFocused(!this.__isExempt(this.__target(event)));
  };

  private __onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    // Focus moves to another element inside: the focusin that follows decides.
    if (next instanceof Node && this.__scope?.contains(next)) return;
    this.__setFocused(false);
  };

  private __setHovered(value: boolean): void {
    if (value === this.__hovered) return;
    this.__hovered = value;
    this.__notify();
  }

  private __setFocused(value: boolean): void {
    if (value === this.__focused) return;
    this.__focused = value;
    this.__notify();
  }
}
