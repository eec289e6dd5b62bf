import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds between two automatic steps when nothing else is asked for. */
export const DEFAULT_INTERVAL = 7000;
/** The shortest interval accepted: anything faster is too quick to read. */
export const MIN_INTERVAL = 3000;

/** A usable interval for any input: non-numbers give the default, short ones the minimum. */
export function clampInterval(ms: number | undefined): number {
  return typeof ms === 'number' && Number.isFinite(ms) ? Math.max(MIN_INTERVAL, ms) : DEFAULT_INTERVAL;
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
 * It is *running* (the timer ticks) while playing, connected, the page is visible, the pointer is not
 * over the host and keyboard focus is not inside it. Every listener and the timer go away on disconnect.
 */
export class AutoplayController implements ReactiveController {
  /** The host wants rotation (e.g. an `autoplay` attribute and more than one slide). Set it before each update. */
  enabled = false;
  /** Requested milliseconds between steps; clamped by `clampInterval`. */
  interval: number | undefined = DEFAULT_INTERVAL;
  /** The host was told to reduce motion (its `motion="reduce"`), as if the system asked for it. */
  reduceMotion = false;

  private choice: boolean | undefined;
  private hovered = false;
  private focused = false;
  private connected = false;
  private media: MediaQueryList | undefined;
  private scope: ShadowRoot | HTMLElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerMs = 0;
  /** `running` as the last render saw it. */
  private shown = false;

  constructor(
    private readonly host: Host,
    private readonly options: AutoplayOptions,
  ) {
    host.addController(this);
  }

  /** The visitor asked the system for reduced motion, or the host was told to reduce motion. */
  get reducedMotion(): boolean {
    return this.reduceMotion || (this.media?.matches ?? false);
  }

  /** Rotation is on (the rotation control offers "stop"), though it may be paused for now. */
  get playing(): boolean {
    return this.enabled && (this.choice ?? !this.reducedMotion);
  }

  /** The timer is ticking: playing, and not paused by hover, focus or a hidden page. */
  get running(): boolean {
    return this.playing && this.connected && !this.hovered && !this.focused && !document.hidden;
  }

  /** The milliseconds actually used between steps. */
  get effectiveInterval(): number {
    return clampInterval(this.interval);
  }

  /** The user started rotation (also under reduced motion). */
  play(): void {
    this.choice = true;
    this.changed();
  }

  /** The user stopped rotation, for good: it starts again only through `play()`. */
  stop(): void {
    this.choice = false;
    this.changed();
  }

  hostConnected(): void {
    this.connected = true;
    this.media = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
    this.media?.addEventListener('change', this.changed);
    document.addEventListener('visibilitychange', this.changed);
    // Moves between two elements of one shadow tree never reach the host (target and related target
    // retarget to the same node), so hover and focus are followed inside the shadow root.
    this.scope = this.host.shadowRoot ?? this.host;
    this.scope.addEventListener('pointerover', this.onPointerOver as EventListener);
    this.scope.addEventListener('focusin', this.onFocusIn as EventListener);
    this.scope.addEventListener('focusout', this.onFocusOut as EventListener);
    this.host.addEventListener('pointerleave', this.onPointerLeave);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.hovered = false;
    this.focused = false;
    this.media?.removeEventListener('change', this.changed);
    this.media = undefined;
    document.removeEventListener('visibilitychange', this.changed);
    this.scope?.removeEventListener('pointerover', this.onPointerOver as EventListener);
    this.scope?.removeEventListener('focusin', this.onFocusIn as EventListener);
    this.scope?.removeEventListener('focusout', this.onFocusOut as EventListener);
    this.scope = undefined;
    this.host.removeEventListener('pointerleave', this.onPointerLeave);
    this.clear();
  }

  hostUpdate(): void {
    this.shown = this.running;
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Something that the rotation control shows changed (user choice, reduced motion, visibility). */
  private changed = (): void => {
    this.sync();
    this.host.requestUpdate();
  };

  /** Hover or focus changed: re-time, and re-render only when `running` flipped (the live region follows it). */
  private notify(): void {
    this.sync();
    if (this.running !== this.shown) this.host.requestUpdate();
  }

  private sync(): void {
    // Focus can vanish without a focusout (the focused element was removed): ask the DOM.
    if (this.focused) {
      const active = (this.host.getRootNode() as Document | ShadowRoot).activeElement;
      if (!active || !this.host.contains(active)) this.focused = false;
    }
    if (!this.running) {
      this.clear();
      return;
    }
    const ms = this.effectiveInterval;
    if (this.timer !== undefined && this.timerMs === ms) return;
    this.clear();
    this.timerMs = ms;
    this.timer = setTimeout(this.tick, ms);
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick = (): void => {
    this.timer = undefined;
    if (!this.running) return;
    this.options.advance();
    this.sync();
  };

  private target(event: Event): Element | undefined {
    return event.target instanceof Element ? event.target : undefined;
  }

  private isExempt(target: Element | undefined): boolean {
    return !!target && (this.options.exempt?.(target) ?? false);
  }

  private onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.setHovered(!this.isExempt(this.target(event)));
  };

  private onPointerLeave = (): void => {
    this.setHovered(false);
  };

  private onFocusIn = (event: FocusEvent): void => {
    this.setFocused(!this.isExempt(this.target(event)));
  };

  private onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    // Focus moves to another element inside: the focusin that follows decides.
    if (next instanceof Node && this.scope?.contains(next)) return;
    this.setFocused(false);
  };

  private setHovered(value: boolean): void {
    if (value === this.hovered) return;
    this.hovered = value;
    this.notify();
  }

  private setFocused(value: boolean): void {
    if (value === this.focused) return;
    this.focused = value;
    this.notify();
  }
}
