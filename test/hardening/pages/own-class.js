// The page's own element under one of our tag names, defined before our bundle loads.
customElements.define(
  'cities-news-list',
  class PageNewsList extends HTMLElement {
    connectedCallback() {
      this.dataset.owner = 'page';
    }
  },
);
