import { defineElement } from '../../base/define.js';
import { NewsList } from './news-list.js';

defineElement('cities-news-list', NewsList);

export { NewsList };

declare global {
  interface HTMLElementTagNameMap {
    'cities-news-list': NewsList;
  }
}
