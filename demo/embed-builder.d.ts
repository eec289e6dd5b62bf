/** Types of demo/embed-builder.js (a plain JavaScript module, no build step), for the Storybook page that reuses it. */
export interface Option {
  name: string;
  type: 'text' | 'number' | 'boolean' | 'select';
  label: string;
  hint?: string;
  choices?: string[];
  default?: string | number | boolean;
  min?: number;
  max?: number;
  placeholder?: string;
}
export interface Widget {
  tag: string;
  file: string;
  name: string;
  options: Option[];
}
export type Values = Record<string, string | number | boolean | undefined>;

export const COMMON_OPTIONS: Option[];
export const WIDGETS: Widget[];
export const CDN: string;
export function attributesOf(widget: Widget, values: Values): [string, string | true][];
export function embedSnippet(options: {
  widget: Widget;
  values: Values;
  bundle?: 'widget' | 'all';
  version?: string | undefined;
  integrity?: Record<string, string> | undefined;
  fallback?: { href?: string; text?: string };
}): string;
export function loadBuildInfo(origin?: string): Promise<{ version: string | undefined; integrity: Record<string, string> | undefined }>;
export function mountEmbedBuilder(
  container: HTMLElement,
  options: {
    sampleFeed: string;
    version?: string | undefined;
    integrity?: Record<string, string> | undefined;
    widget?: string;
    load?: (file: string) => Promise<unknown>;
  },
): { readonly snippet: string };
