import { expect } from '@open-wc/testing';
import { watchViewport, whenNearViewport } from '../../src/controllers/viewport.js';
import { farAway, frames } from '../helpers/frames.js';

describe('viewport watch (one IntersectionObserver for the page)', () => {
  it('tells a watcher that comes later where the element is, and a lazy load waiting on it fires', async () => {
    const el = document.createElement('div');
    el.style.height = '10px';
    document.body.append(el);
    const first: boolean[] = [];
    const stopFirst = watchViewport(el, (near) => first.push(near));
    await frames();
    expect(first).to.deep.equal([true]);
    // A second watcher after the observer's answer (a widget whose lazy load starts again, its dates watched).
    const later: boolean[] = [];
    const stopLater = watchViewport(el, (near) => later.push(near));
    let loaded = 0;
    whenNearViewport(el, () => loaded++);
    await frames();
    expect([later, loaded]).to.deep.equal([[true], 1]);
    farAway(el, true);
    await frames();
    expect([first, later, loaded]).to.deep.equal([[true, false], [true, false], 1]);
    stopFirst();
    stopLater();
    el.remove();
  });
});
