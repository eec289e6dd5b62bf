import { defineElement } from '../../base/define.js';
import { InitiativeFeed } from './initiative-feed.js';

export { InitiativeFeed };

defineElement('cities-initiative-feed', InitiativeFeed);

declare global {
  interface HTMLElementTagNameMap {
    'cities-initiative-feed': InitiativeFeed;
  }
}
