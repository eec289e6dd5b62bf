/**
 * The npm build on a page whose application configured @lit/localize itself, before the widgets' modules ran
 * (src/i18n/locale.ts): the widgets do not throw, they say so once in the console and follow the host's
 * configuration. (A page bundle carries its own @lit/localize, which nothing else can have configured, so the
 * bundles leave this guard out.) A file of its own: the configuration is the page's, once.
 */
import { expect } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import sinon from 'sinon';

describe('@lit/localize configured by the host application', () => {
  it('warns once, does not throw, and the widgets follow the host configuration', async () => {
    configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['es'],
      loadLocale: () => Promise.reject(new Error('not used')),
    });
    const warn = sinon.stub(console, 'warn');
    try {
      const locale = await import('../../src/i18n/locale.js');
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(/already configured/);
      expect(locale.withLocale('es', () => 'ran')).to.equal('ran');
    } finally {
      warn.restore();
    }
  });
});
