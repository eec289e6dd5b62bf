import { defineElement } from '../../base/define.js';
import { QuoteCarousel } from './quote-carousel.js';

defineElement('cities-quote-carousel', QuoteCarousel);

declare global {
  interface HTMLElementTagNameMap {
    'cities-quote-carousel': QuoteCarousel;
  }
}

export { QuoteCarousel };
