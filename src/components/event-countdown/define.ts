import { defineElement } from '../../base/define.js';
import { EventCountdown } from './event-countdown.js';

defineElement('cities-event-countdown', EventCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'cities-event-countdown': EventCountdown;
  }
}
