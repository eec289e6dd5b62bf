/**
 * Writes dist/feed.schema.json, the JSON Schema of the feed format, generated from the zod schema that the
 * widgets validate with (never written by hand). Runs after `tsc` has built dist/lib/.
 */
import { writeFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { FeedSchema } from '../dist/lib/data/schema.js';

const schema = z.toJSONSchema(FeedSchema, { io: 'input', unrepresentable: 'any' });
schema.$id = 'https://unpkg.com/cities-widgets/dist/feed.schema.json';
schema.title = 'cities-widgets feed, version 1';
schema.description =
  'Initiatives, events, quotes and news of a city network, read by the cities-widgets elements. See docs/feed-format.md.';
await writeFile(new URL('../dist/feed.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
console.log('dist/feed.schema.json written');
