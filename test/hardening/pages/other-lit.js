// Another Lit on the page (the test server resolves its bare imports): it creates the Trusted Types policy
// "lit-html" before our bundle does, and renders something of its own.
import { html, render } from '/node_modules/lit/index.js';

render(html`<span class="other">${'another Lit renders'}</span>`, document.getElementById('other-lit'));
window.__otherLit = true;
