import { expect } from '@open-wc/testing';

/**
 * Records uncaught errors and unhandled promise rejections on the test page between `start()` and
 * `assertNone()`: every widget test ends by asserting that none reached the page.
 */
export class PageErrors {
  private errors: unknown[] = [];
  private readonly onError = (e: ErrorEvent) => this.errors.push(e.error ?? e.message);
  private readonly onRejection = (e: PromiseRejectionEvent) => this.errors.push(e.reason);

  start(): void {
    this.errors = [];
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  /** Stops recording and fails when anything was recorded. */
  assertNone(): void {
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
    expect(this.errors, 'uncaught errors or rejections').to.deep.equal([]);
  }
}
