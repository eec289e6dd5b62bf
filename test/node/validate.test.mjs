import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseFeed } from '../../dist/lib/data/parse.js';
import { cli, fixture, root, tempDir } from './helpers.mjs';

const LISTS = ['initiatives', 'events', 'quotes', 'news'];

describe('validate: files', () => {
  test('a valid feed (with a byte-order mark and relative URLs) exits 0 and counts every list', async () => {
    const { code, stdout, stderr } = await cli(['validate', fixture('valid.json')]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^Valid: the widgets show every item\.$/m);
    assert.match(stdout, /^initiatives +1 kept$/m);
    assert.match(stdout, /^news +1 kept$/m);
    assert.doesNotMatch(stdout, /^(error|warning) /m);
  });

  test('an invalid feed exits 1 and names every problem with its JSON path, in plain words', async () => {
    const { code, stdout } = await cli(['validate', fixture('invalid.json')]);
    assert.equal(code, 1);
    const expected = [
      'events[3].start: not a date with a time-zone offset, like 2026-11-29T15:00:00+01:00 (found "2099-11-29 15:00")',
      'events[4].start: not a possible date-time with a time-zone offset',
      'events[1].online: must be true or false, not the text "yes"',
      'events[2]: end must be after start',
      'events[5].id: repeats the id of events[0] ("e1")',
      'initiatives[1].country: not a two-letter country code',
      'initiatives[2].title: needs at least one non-empty text',
      'initiatives[2].city: is empty',
      'initiatives[2].topics: must be a list (a JSON array), not the text "mobility"',
      'quotes[1].text: missing (required)',
      'quotes[2]: must be an object, not the text "not an object"',
      'news[0].url: not an http(s) link (found "mailto:press@example.org")',
      'title["e s"]: not a language tag',
      'home_page_url: not an http(s) link',
    ];
    for (const line of expected) assert.ok(stdout.includes(`error    ${line}`), `missing: ${line}\n${stdout}`);
    assert.match(stdout, /^events +1 kept, 5 skipped$/m);
    assert.match(stdout, /^Invalid: 14 errors \(3 warnings\)\. The widgets skip 10 items and show the rest\.$/m);
  });

  test('--json prints {valid, errors, warnings, lists}, with the same verdict as the widgets’ own parser', async () => {
    const { code, stdout } = await cli(['validate', '--json', fixture('invalid.json')]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report).sort(), ['errors', 'lists', 'valid', 'warnings']);
    assert.equal(report.valid, false);
    for (const problem of [...report.errors, ...report.warnings]) {
      assert.deepEqual(Object.keys(problem).sort(), ['message', 'path']);
      assert.equal(typeof problem.path, 'string');
      assert.ok(problem.message.length > 0);
    }
    assert.deepEqual(Object.keys(report.lists), LISTS);
    const doc = JSON.parse(await readFile(path.join(root, fixture('invalid.json')), 'utf8'));
    const widgets = parseFeed(doc, 'https://feed.invalid/feed.json');
    for (const list of LISTS) {
      assert.deepEqual(report.lists[list], { kept: widgets.feed[list].length, skipped: widgets.skipped[list] }, list);
    }
    assert.deepEqual(report.lists.events, { kept: 1, skipped: 5 });
    // Every skipped item has at least one error under its path.
    const skippedPaths = new Set(report.errors.map((e) => /^(\w+\[\d+\])/.exec(e.path)?.[1]).filter(Boolean));
    assert.equal(skippedPaths.size, 10);
    assert.ok(report.errors.some((e) => e.path === 'events[3].start' && /not a date with a time-zone offset/.test(e.message)));
  });

  test('--json on a valid feed: valid true, no errors', async () => {
    const { code, stdout } = await cli(['validate', fixture('valid.json'), '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.valid, true);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.lists.quotes, { kept: 1, skipped: 0 });
  });

  test('warns about http images, unsafe optional links and unknown fields, without failing on them alone', async () => {
    const { stdout } = await cli(['validate', '--json', fixture('invalid.json')]);
    const { warnings } = JSON.parse(stdout);
    const at = (p) => warnings.find((w) => w.path === p)?.message ?? '';
    assert.match(at('quotes[0].image.src'), /http.*use https/);
    assert.match(at('news[1].image.src'), /not an http\(s\) image/);
    assert.match(at('initiatives[0].titel'), /unknown field/);
  });

  test('only past events and a missing translation are warnings: exit 0', async () => {
    const { code, stdout } = await cli(['validate', '--json', fixture('past-events.json')]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.valid, true);
    const past = report.warnings.find((w) => w.path === 'events');
    assert.match(past.message, /every event is in the past \(the latest: 2020-09-09T17:00:00\+02:00\)/);
    // "es" is in 4 of the 5 texts (the plain "Online" counts as English, the feed's language); "fr" in only 2.
    const missing = report.warnings.filter((w) => /no ".*" text/.test(w.message));
    assert.deepEqual(missing, [{ path: 'events[1].location', message: 'no "es" text, though most texts in this feed have one' }]);
  });

  test('topic labels: a bad one is an error the widgets ignore, and each counts for missing translations', async () => {
    const dir = await tempDir();
    const feed = {
      version: 1,
      language: 'en',
      topics: {
        health: 42,
        'public-space': { en: 'Public space', es: 'Espacio público' },
        mobility: { en: 'Mobility' },
        food: { en: 'Food', es: 'Alimentación' },
      },
      initiatives: [
        { id: 'i1', title: { en: 'Superblocks', es: 'Supermanzanas' }, city: 'Barcelona', country: 'ES', topics: ['mobility', 'Public Space', 'health'] },
        { id: 'i2', title: { en: 'Clinics', es: 'Clínicas' }, city: 'Bogotá', country: 'CO', topics: ['health', 'water'] },
      ],
    };
    await writeFile(path.join(dir, 'topics.json'), JSON.stringify(feed));
    const { code, stdout } = await cli(['validate', '--json', path.join(dir, 'topics.json')]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.errors.map((e) => e.path), ['topics.health']);
    assert.match(report.errors[0].message, /: the widgets ignore it$/);
    assert.deepEqual(report.lists.initiatives, { kept: 2, skipped: 0 });
    const missing = report.warnings.filter((w) => /no ".*" text/.test(w.message));
    assert.deepEqual(missing, [{ path: 'topics.mobility', message: 'no "es" text, though most texts in this feed have one' }]);
    // "Public Space" is labelled by "public-space"; "health" only by a bad label, which the widgets ignore.
    const unlabelled = report.warnings.filter((w) => w.path === 'topics' && /no label/.test(w.message)).map((w) => w.message);
    assert.deepEqual(unlabelled, [
      'no label for the topic "health" (2 initiatives): the feed widget shows it as written',
      'no label for the topic "water" (1 initiative): the feed widget shows it as written',
    ]);
  });

  test('an empty region has nothing to translate, and a __proto__ topic label is reported as ignored', async () => {
    const dir = await tempDir();
    const title = { en: 'T', es: 'T' };
    const feed = {
      version: 1,
      language: 'en',
      // An own `__proto__` key, as JSON.parse makes it (and JSON.stringify writes it back).
      topics: JSON.parse('{"__proto__": {"en": "Polluted", "es": "Contaminado"}, "mobility": {"en": "Mobility", "es": "Movilidad"}}'),
      initiatives: [
        { id: 'a', title, city: 'Bogotá', country: 'CO', region: '', topics: ['mobility'] },
        { id: 'b', title, city: 'Lima', country: 'PE', region: '   ' },
        { id: 'c', title, city: 'Quito', country: 'EC', region: { en: 'Latin America', es: 'América Latina' } },
      ],
    };
    await writeFile(path.join(dir, 'regions.json'), JSON.stringify(feed));
    const { code, stdout } = await cli(['validate', '--json', path.join(dir, 'regions.json')]);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.warnings, []);
    assert.deepEqual(report.errors, [{ path: 'topics.__proto__', message: 'cannot be a topic: the widgets ignore it' }]);
    assert.equal(code, 1);
  });

  test('a text of only spaces is an error, said once ("is blank"), and an empty one once ("is empty")', async () => {
    const dir = await tempDir();
    const feed = {
      version: 1,
      initiatives: [
        { id: 'a', title: '   ', city: 'Bogotá', country: 'CO' },
        { id: 'b', title: 'Care Blocks', city: '', country: 'CO' },
        { id: 'c', title: 'Care Blocks', city: 'Bogotá', country: 'CO', topics: [' '] },
      ],
    };
    await writeFile(path.join(dir, 'blank.json'), JSON.stringify(feed));
    const { code, stdout } = await cli(['validate', '--json', path.join(dir, 'blank.json')]);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.errors, [
      { path: 'initiatives[0].title', message: 'is blank (only spaces) (found "   ")' },
      { path: 'initiatives[1].city', message: 'is empty' },
      { path: 'initiatives[2].topics[0]', message: 'is blank (only spaces) (found " ")' },
    ]);
    assert.equal(code, 1);
  });

  test('topic labels: two keys for one topic and too many labels are warnings; a plain region needs no translation', async () => {
    const dir = await tempDir();
    const feed = {
      version: 1,
      language: 'en',
      topics: { 'public-space': { en: 'Public space', es: 'Espacio público' }, 'Public Space': { en: 'Public space!', es: '¡Espacio público!' } },
      initiatives: [
        { id: 'i1', title: { en: 'Superblocks', es: 'Supermanzanas' }, city: 'Barcelona', country: 'ES', region: 'Europe' },
        { id: 'i2', title: { en: 'Clinics', es: 'Clínicas' }, city: 'Bogotá', country: 'CO', region: { en: 'Latin America' } },
      ],
    };
    const check = async (doc) => {
      await writeFile(path.join(dir, 'labels.json'), JSON.stringify(doc));
      const { code, stdout } = await cli(['validate', '--json', path.join(dir, 'labels.json')]);
      assert.equal(code, 0, stdout);
      const { warnings } = JSON.parse(stdout);
      return (p) => warnings.filter((w) => w.path === p).map((w) => w.message);
    };
    const at = await check(feed);
    assert.deepEqual(at('topics["Public Space"]'), ['labels the same topic as "public-space" (case, accents and spacing aside): the widgets use the later one']);
    assert.deepEqual(at('initiatives[0].region'), [], 'a plain region');
    assert.deepEqual(at('initiatives[1].region'), ['no "es" text, though most texts in this feed have one'], 'a localized one');
    const many = Object.fromEntries(Array.from({ length: 1002 }, (_, i) => [`t${i}`, `T${i}`]));
    assert.deepEqual((await check({ version: 1, topics: many, initiatives: [] }))('topics'), [
      'more than 1,000 labels: the widgets ignore every one from "t1000" on',
    ]);
  });

  test('upcoming events give no past-events warning', async () => {
    const { stdout } = await cli(['validate', '--json', fixture('valid.json')]);
    assert.deepEqual(JSON.parse(stdout).warnings, []);
  });

  test('broken JSON: exit 1, with the line and column of the mistake', async () => {
    const { code, stdout } = await cli(['validate', fixture('not-json.json')]);
    assert.equal(code, 1);
    assert.match(stdout, /^error    not valid JSON at line 4, column 32: /m);
    assert.match(stdout, /^Invalid: the widgets cannot use this feed\.$/m);
  });

  test('whole-feed errors: a wrong version, an array, an oversized file', async () => {
    const dir = await tempDir();
    const cases = [
      ['version.json', '{"version": "1", "news": []}', 'version', /must be the number 1, not the text "1"/],
      ['no-version.json', '{"news": []}', 'version', /missing \(required\)/],
      ['array.json', '[{"version": 1}]', '', /must be a JSON object/],
      ['huge.json', `{"version": 1, "pad": "${'x'.repeat(5.5 * 1024 * 1024)}"}`, '', /the feed is 5\.5 MB: the widgets refuse feeds over 5 MB/],
    ];
    for (const [name, text, wantedPath, message] of cases) {
      await writeFile(path.join(dir, name), text);
      const { code, stdout } = await cli(['validate', '--json', path.join(dir, name)]);
      assert.equal(code, 1, name);
      const { valid, errors } = JSON.parse(stdout);
      assert.equal(valid, false, name);
      assert.equal(errors[0].path, wantedPath, name);
      assert.match(errors[0].message, message, name);
    }
  });

  test('a list that is not an array, and a list past the 5,000-item cap, are errors', async () => {
    const dir = await tempDir();
    const events = Array.from({ length: 5001 }, (_, i) => ({ id: `e${i}`, title: 'Live Learning Experience', start: '2099-01-01T10:00:00Z' }));
    await writeFile(path.join(dir, 'big.json'), JSON.stringify({ version: 1, events, quotes: { id: 'q' } }));
    const { code, stdout } = await cli(['validate', '--json', path.join(dir, 'big.json')]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.lists.events, { kept: 5000, skipped: 1 });
    assert.deepEqual(report.lists.quotes, { kept: 0, skipped: 1 });
    assert.match(report.errors.find((e) => e.path === 'events').message, /more than 5,000 valid items: the widgets skip everything from events\[5000\] on/);
    assert.match(report.errors.find((e) => e.path === 'quotes').message, /must be a list/);
  });

  test('a JSON Feed is read as news, and its problems are named in its own terms', async () => {
    const { code, stdout } = await cli(['validate', '--json', fixture('jsonfeed.json')]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.lists.news, { kept: 1, skipped: 1 });
    assert.deepEqual(report.errors, [{ path: 'items[1].date_published', message: 'missing (required)' }]);
  });

  test('--base-url decides where relative links point', async () => {
    const { code, stdout } = await cli(['validate', '--json', '--base-url', 'http://www.metropolis.org/feed.json', fixture('valid.json')]);
    assert.equal(code, 0);
    // Relative links inherit the scheme of the feed's URL: the report says so once (for the feed), not per link.
    assert.deepEqual(JSON.parse(stdout).warnings, []);
    const bad = await cli(['validate', '--base-url', 'not a url', fixture('valid.json')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--base-url "not a url" is not an absolute URL/);
  });
});

describe('validate: URLs', () => {
  let server;
  let base;
  before(async () => {
    const valid = await readFile(path.join(root, fixture('valid.json')));
    server = http.createServer((req, res) => {
      const cors = req.headers.origin ? { 'access-control-allow-origin': '*' } : {};
      if (req.url === '/feed.json') res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(valid);
      else if (req.url === '/no-cors.json') res.writeHead(200, { 'content-type': 'text/plain' }).end(valid);
      else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><p>Not found</p>');
      else if (req.url === '/moved') res.writeHead(301, { location: '/feed.json' }).end();
      else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  test('fetches a feed over HTTP, following redirects; warns that it is not https', async () => {
    const { code, stdout } = await cli(['validate', '--json', `${base}/moved`]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.valid, true);
    assert.deepEqual(report.lists.news, { kept: 1, skipped: 0 });
    assert.deepEqual(report.warnings.map((w) => w.message), ['the feed is served over http: pages on https cannot load it; serve it over https']);
  });

  test('warns about a missing CORS header and a non-JSON content type', async () => {
    const { code, stdout } = await cli(['validate', '--json', `${base}/no-cors.json`]);
    assert.equal(code, 0);
    const messages = JSON.parse(stdout).warnings.map((w) => w.message).join('\n');
    assert.match(messages, /no Access-Control-Allow-Origin header/);
    assert.match(messages, /served as "text\/plain": serve it as application\/json/);
  });

  test('an HTML page is an invalid feed (exit 1), as the widgets reject it', async () => {
    const { code, stdout } = await cli(['validate', `${base}/page`]);
    assert.equal(code, 1);
    assert.match(stdout, /^error    the URL answers with an HTML page \(Content-Type: text\/html; charset=utf-8\), not JSON/m);
  });

  test('an HTTP error or an unreachable host is a fetch error: exit 2 on stderr, nothing on stdout', async () => {
    const missing = await cli(['validate', `${base}/missing.json`]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /could not fetch http:\/\/127\.0\.0\.1:\d+\/missing\.json: HTTP 404 Not Found/);
    // A port that was free a moment ago: nothing listens there.
    const probe = http.createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    const closed = await cli(['validate', `http://127.0.0.1:${port}/feed.json`]);
    assert.equal(closed.code, 2);
    assert.match(closed.stderr, /could not fetch http:\/\/127\.0\.0\.1:\d+\/feed\.json: ECONNREFUSED/);
  });
});

describe('command line', () => {
  test('--help and --version exit 0', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /validate <file-or-url>/);
    assert.match(help.stdout, /build-feed/);
    const validateHelp = await cli(['validate', '--help']);
    assert.equal(validateHelp.code, 0);
    assert.match(validateHelp.stdout, /--json/);
    const version = await cli(['--version']);
    assert.equal(version.code, 0);
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    assert.equal(version.stdout.trim(), pkg.version);
  });

  test('usage errors exit 2 with a message on stderr', async () => {
    const cases = [
      [[], /Usage: cities-widgets/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['validate'], /validate takes one file or URL/],
      [['validate', 'a.json', 'b.json'], /validate takes one file or URL/],
      [['validate', '--strict', 'a.json'], /Unknown option '--strict'/],
      [['validate', 'test/node/fixtures/nope.json'], /cannot read test\/node\/fixtures\/nope\.json: no such file/],
      [['validate', 'test/node/fixtures'], /cannot read test\/node\/fixtures: it is a folder/],
      [['validate', 'ftp://example.org/feed.json'], /give a file path or an http\(s\) URL/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await cli(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
  });
});
