import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/base/define.js';
import { TestWidget } from '../helpers/test-element.js';

function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('guarded registration', () => {
  it('registering the same class again is silent', () => {
    const { warnings, restore } = captureWarnings();
    try {
      expect(() => defineElement('test-widget', TestWidget)).not.to.throw();
    } finally {
      restore();
    }
    expect(warnings).to.deep.equal([]);
  });

  it('a second copy of the module (another URL) throws nothing and warns once, naming the tag', async () => {
    const { warnings, restore } = captureWarnings();
    let copy: { TestWidget: typeof TestWidget };
    try {
      // The same source under another URL is a separate module instance with its own class,
      // like a second copy of the bundle on a page.
      copy = await import(/* @vite-ignore */ `${new URL('../helpers/test-element.ts', import.meta.url).href}?copy=2`);
    } finally {
      restore();
    }
    expect(copy.TestWidget).not.to.equal(TestWidget);
    expect(customElements.get('test-widget')).to.equal(TestWidget);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<test-widget>');
  });

  it('leaves a tag the page defined first alone', () => {
    class PageOwn extends HTMLElement {}
    customElements.define('page-owned-tag', PageOwn);
    const { warnings, restore } = captureWarnings();
    try {
      expect(() => defineElement('page-owned-tag', TestWidget)).not.to.throw();
    } finally {
      restore();
    }
    expect(customElements.get('page-owned-tag')).to.equal(PageOwn);
    expect(warnings).to.have.length(1);
  });
});
