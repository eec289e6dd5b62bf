import assert from 'node:assert/strict';
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseFeed } from '../../dist/lib/data/parse.js';
import { cli, fixture, root, tempDir } from './helpers.mjs';

const examples = (name) => path.join('docs', 'examples', `${name}.csv`);
const readJson = async (file) => JSON.parse(await readFile(file, 'utf8'));
const exists = (file) => access(file).then(() => true, () => false);

/** The feed a build wrote must pass `validate` and the widgets' own parser with nothing skipped. */
async function assertValidFeed(file) {
  const { code, stdout } = await cli(['validate', '--json', file]);
  assert.equal(code, 0, stdout);
  const { skipped } = parseFeed(await readJson(file), 'https://www.metropolis.org/feed.json');
  assert.deepEqual(skipped, { initiatives: 0, events: 0, quotes: 0, news: 0 });
}

describe('build-feed', () => {
  test('the example CSV files make a complete, valid feed (exit 0)', async () => {
    const out = path.join(await tempDir(), 'feed.json');
    const { code, stdout, stderr } = await cli([
      'build-feed',
      '--initiatives', examples('initiatives'),
      '--events', examples('events'),
      '--quotes', examples('quotes'),
      '--news', examples('news'),
      '--topics', examples('topics'),
      '--title', 'Metropolis – Rethinking our metropolitan spaces',
      '--title.es', 'Metropolis – Repensar nuestros espacios metropolitanos',
      '--title.fr=Metropolis – Repenser nos espaces métropolitains',
      '--home-page-url', 'https://www.metropolis.org/news',
      '-o', out,
    ]);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Wrote .*feed\.json \(4 initiatives, 4 events, 5 quotes, 3 news\)\.$/m);
    assert.doesNotMatch(stdout, /^error/m);
    const feed = await readJson(out);
    assert.deepEqual(Object.keys(feed), ['version', 'title', 'language', 'home_page_url', 'topics', 'initiatives', 'events', 'quotes', 'news']);
    assert.deepEqual(feed.topics['public-space'], { en: 'Public space', es: 'Espacio público', fr: 'Espace public' });
    assert.equal(Object.keys(feed.topics).length, 8);
    assert.doesNotMatch(stdout, /no label for the topic/);
    assert.deepEqual(feed.title, {
      en: 'Metropolis – Rethinking our metropolitan spaces',
      es: 'Metropolis – Repensar nuestros espacios metropolitanos',
      fr: 'Metropolis – Repenser nos espaces métropolitains',
    });
    assert.equal(feed.language, 'en');
    const superblocks = feed.initiatives[0];
    assert.deepEqual(superblocks.topics, ['mobility', 'public-space', 'climate']);
    assert.equal(superblocks.title.es, 'Supermanzanas: calles abiertas a los peatones durante el confinamiento');
    assert.deepEqual(Object.keys(superblocks.image.alt), ['en', 'es', 'fr']);
    assert.equal(feed.events[1].online, false);
    assert.equal(feed.events[0].online, true);
    // A text with only the plain column stays a plain string.
    assert.equal(feed.quotes.find((q) => q.author === 'William Cobbett').organization, 'Cities Alliance');
    assert.equal(feed.quotes.find((q) => q.author === 'Shi Qi').text.en, 'I hope we can pay attention to solidarity, culture and food.');
    await assertValidFeed(out);
  });

  test('quoted cells keep their commas, quotes and line breaks; a BOM is dropped; bad rows are skipped by line', async () => {
    const out = path.join(await tempDir(), 'events.json');
    const { code, stdout } = await cli(['build-feed', '--events', fixture('events-tricky.csv'), '-o', out]);
    assert.equal(code, 1);
    const file = fixture('events-tricky.csv');
    const errors = stdout.split('\n').filter((line) => line.startsWith('error'));
    assert.deepEqual(errors, [
      `error    ${file} line 4: start: not a date with a time-zone offset, like 2026-11-29T15:00:00+01:00 (found "2099-12-09 09:00")`,
      `error    ${file} line 5: 9 cells, but the header has 8 columns (a comma inside a cell needs "quotes")`,
      `error    ${file} line 6: end must be after start`,
      `error    ${file} line 8: id: "citiesarelistening-rethinking" repeats the id of line 2`,
      `error    ${file} line 9: online: write true or false (found "maybe")`,
      `error    ${file} line 9: title: missing (required)`,
    ]);
    assert.match(stdout, /7 rows: 2 events, 5 skipped/);
    assert.match(stdout, /^Wrote .* \(2 events\)\. 5 rows were skipped\.$/m);
    const feed = await readJson(out);
    assert.deepEqual(feed.events.map((e) => e.id), ['citiesarelistening-rethinking', 'gender-responsive-spaces']);
    const [first, second] = feed.events;
    assert.equal(first.title.en, '#CitiesAreListening Experience: Rethinking metropolitan spaces, together');
    assert.equal(first.summary, 'Laia Bonet: "We now need help to showcase the concrete policies"\nand to find spaces to exchange them.');
    assert.equal(first.location, 'Online – hosted from Barcelona');
    assert.equal(second.online, true); // "TRUE"
    await assertValidFeed(out);
  });

  test('line numbers stay right with CRLF line ends inside quoted cells', async () => {
    const dir = await tempDir();
    const csv = [
      'id,text,author',
      '"william-cobbett","We need to rethink urban spaces,\r\nand it has to be about\r\nthe whole city and all citizens.","William Cobbett"',
      'no-author,"Post COVID-19 gives us the opportunity to rethink cities.",',
      'shi-qi,I hope we can pay attention to solidarity and food.,Shi Qi',
    ].join('\r\n');
    await writeFile(path.join(dir, 'quotes.csv'), `${csv}\r\n`);
    const { code, stdout } = await cli(['build-feed', '--quotes', path.join(dir, 'quotes.csv'), '-o', path.join(dir, 'feed.json')]);
    assert.equal(code, 1);
    assert.match(stdout, /quotes\.csv line 5: author: missing \(required\)/);
    const feed = await readJson(path.join(dir, 'feed.json'));
    assert.equal(feed.quotes[0].text, 'We need to rethink urban spaces,\r\nand it has to be about\r\nthe whole city and all citizens.');
    assert.equal(feed.quotes.length, 2);
  });

  test('a missing required column skips the file’s rows (exit 1) and still writes a valid feed', async () => {
    const out = path.join(await tempDir(), 'feed.json');
    const { code, stdout } = await cli(['build-feed', '--news', fixture('news-missing-columns.csv'), '--events', fixture('events-tricky.csv'), '-o', out]);
    assert.equal(code, 1);
    assert.match(stdout, /news-missing-columns\.csv line 1: the required column "published" is missing/);
    assert.match(stdout, /news-missing-columns\.csv: every row skipped \(1\)/);
    const feed = await readJson(out);
    assert.deepEqual(feed.news, []);
    assert.equal(feed.events.length, 2);
    await assertValidFeed(out);
  });

  test('header problems: semicolons, a bad language tag, the same text twice; unknown columns are warnings', async () => {
    const dir = await tempDir();
    const semicolons = await cli(['build-feed', '--news', fixture('news-semicolons.csv'), '-o', path.join(dir, 'a.json')]);
    assert.equal(semicolons.code, 1);
    assert.match(semicolons.stdout, /separated by semicolons: export the sheet as comma-separated "CSV UTF-8"/);

    await writeFile(path.join(dir, 'bad-tag.csv'), 'id,title,title.e s,url,published\nn1,Call,Llamada,https://x.org/n1,2026-11-23T12:00:00+01:00\n');
    const badTag = await cli(['build-feed', '--news', path.join(dir, 'bad-tag.csv'), '-o', path.join(dir, 'b.json')]);
    assert.equal(badTag.code, 1);
    assert.match(badTag.stdout, /column "title\.e s": "e s" is not a language tag/);

    await writeFile(path.join(dir, 'twice.csv'), 'id,title,title.en,url,published\nn1,Call,Call,https://x.org/n1,2026-11-23T12:00:00+01:00\n');
    const twice = await cli(['build-feed', '--news', path.join(dir, 'twice.csv'), '-o', path.join(dir, 'c.json')]);
    assert.equal(twice.code, 1);
    assert.match(twice.stdout, /columns "title" and "title\.en" give the same text/);

    await writeFile(
      path.join(dir, 'extra.csv'),
      'id,title,titel,url.es,url,published,image_alt\nn1,Call to Rethink,typo,x,https://x.org/n1,2026-11-23T12:00:00+01:00,A street\n',
    );
    const extra = await cli(['build-feed', '--news', path.join(dir, 'extra.csv'), '-o', path.join(dir, 'd.json')]);
    assert.equal(extra.code, 0, extra.stdout);
    assert.match(extra.stdout, /^warning  .*extra\.csv: column "titel" is not a field of news: ignored$/m);
    assert.match(extra.stdout, /^warning  .*extra\.csv: column "url\.es": url is not translated text: ignored$/m);
    assert.match(extra.stdout, /^warning  .*extra\.csv line 2: image_alt: alt text without an image: ignored$/m);
    const feed = await readJson(path.join(dir, 'd.json'));
    assert.deepEqual(feed.news, [{ id: 'n1', title: 'Call to Rethink', url: 'https://x.org/n1', published: '2026-11-23T12:00:00+01:00' }]);
  });

  test('warnings of the written feed point at CSV lines', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'news.csv'),
      'id,title,title.es,url,published,image\n' +
        'n1,Call to Rethink,Convocatoria,https://x.org/n1,2026-11-23T12:00:00+01:00,http://x.org/street.jpg\n' +
        'n2,Cities for Global Health,Cities for Global Health,https://x.org/n2,2026-11-20T09:00:00+01:00,\n' +
        'n3,Live Learning Experience archives,,https://x.org/n3,2026-11-17T11:00:00+01:00,\n',
    );
    const { code, stdout } = await cli(['build-feed', '--news', path.join(dir, 'news.csv'), '-o', path.join(dir, 'feed.json')]);
    assert.equal(code, 0);
    assert.match(stdout, /^warning  .*news\.csv line 2: image: an image over http/m);
    assert.match(stdout, /^warning  .*news\.csv line 4: title: no "es" text/m);
  });

  test('every row bad: exit 1, and the feed written is still valid', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'events.csv'), 'id,title,start\ne1,Session,tomorrow\ne2,,2099-01-01T10:00:00Z\n');
    const out = path.join(dir, 'feed.json');
    const { code } = await cli(['build-feed', '--events', path.join(dir, 'events.csv'), '-o', out]);
    assert.equal(code, 1);
    assert.deepEqual((await readJson(out)).events, []);
    await assertValidFeed(out);
  });

  test('a file that cannot be read as CSV stops everything: exit 2, the old output left alone', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'feed.json');
    await writeFile(out, 'previous feed');
    const broken = await cli(['build-feed', '--news', fixture('news-broken-quote.csv'), '-o', out]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /news-broken-quote\.csv line 3: a quoted cell is never closed/);
    assert.equal(await readFile(out, 'utf8'), 'previous feed');

    await writeFile(path.join(dir, 'latin1.csv'), Buffer.from('id,title,url,published\nn1,Bogot\xe1,https://x.org,2026-11-23T12:00:00+01:00\n', 'latin1'));
    const latin1 = await cli(['build-feed', '--news', path.join(dir, 'latin1.csv'), '-o', out]);
    assert.equal(latin1.code, 2);
    assert.match(latin1.stderr, /is not UTF-8 text: save it as "CSV UTF-8"/);

    // A good file and a missing one: nothing is written.
    const missing = await cli(['build-feed', '--events', fixture('events-tricky.csv'), '--news', 'nope.csv', '-o', path.join(dir, 'new.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.csv: no such file/);
    assert.equal(await exists(path.join(dir, 'new.json')), false);
  });

  test('usage errors exit 2', async () => {
    const cases = [
      [['build-feed', '--news', examples('news')], /needs -o <feed\.json>/],
      [['build-feed', '-o', 'x.json'], /give at least one CSV file/],
      [['build-feed', examples('news'), '-o', 'x.json'], /takes no file names without an option/],
      [['build-feed', '--news', examples('news'), '--language', 'english!', '-o', 'x.json'], /--language "english!" is not a language tag/],
      [['build-feed', '--news', examples('news'), '--home-page-url', '/news', '-o', 'x.json'], /is not an absolute http\(s\) URL/],
      [['build-feed', '--news', examples('news'), '--title.es', '-o', 'x.json'], /--title\.es needs a text/],
      [['build-feed', '--news', examples('news'), '--title', ' ', '-o', 'x.json'], /--title is empty/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await cli(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
    assert.equal(await exists(path.join(root, 'x.json')), false);
  });

  test('--language names the language of the plain columns', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'news.csv'), 'id,title,title.en,url,published\nn1,Convocatoria para repensar,Call to rethink,https://x.org/n1,2026-11-23T12:00:00+01:00\n');
    const { code } = await cli(['build-feed', '--news', path.join(dir, 'news.csv'), '--language', 'es', '--title', 'Noticias', '-o', path.join(dir, 'feed.json')]);
    assert.equal(code, 0);
    const feed = await readJson(path.join(dir, 'feed.json'));
    assert.equal(feed.language, 'es');
    assert.equal(feed.title, 'Noticias');
    assert.deepEqual(feed.news[0].title, { es: 'Convocatoria para repensar', en: 'Call to rethink' });
  });

  test('--topics: one label row per topic; bad rows are reported by line and skipped, unlabelled topics warned', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'topics.csv'), 'topic,label,label.es,notes\nmobility,Mobility,Movilidad,x\n,Orphan,,\nmobility,Again,,\nhealth,,,\nPublic Space,,Espacio público,\n');
    await writeFile(path.join(dir, 'initiatives.csv'), 'id,title,title.es,city,country,topics\ni1,Superblocks,Supermanzanas,Barcelona,ES,mobility;public-space;water\n');
    const out = path.join(dir, 'feed.json');
    const topics = path.join(dir, 'topics.csv');
    const { code, stdout } = await cli(['build-feed', '--initiatives', path.join(dir, 'initiatives.csv'), '--topics', topics, '-o', out]);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('error')), [
      `error    ${topics} line 3: topic: is empty`,
      `error    ${topics} line 4: topic: "mobility" repeats line 2`,
      `error    ${topics} line 5: no label in any language`,
    ]);
    assert.ok(lines.includes(`warning  ${topics}: column "notes" is neither "topic" nor a "label" column: ignored`), stdout);
    assert.ok(lines.includes(`warning  ${topics}: no label for the topic "water" (1 initiative): the feed widget shows it as written`), stdout);
    assert.match(stdout, /topics\.csv +5 rows: 2 topic labels, 3 skipped$/m);
    const feed = await readJson(out);
    assert.deepEqual(feed.topics, { mobility: { en: 'Mobility', es: 'Movilidad' }, 'Public Space': { es: 'Espacio público' } });
    await assertValidFeed(out);

    await writeFile(topics, 'name,label\nmobility,Mobility\n');
    const bad = await cli(['build-feed', '--initiatives', path.join(dir, 'initiatives.csv'), '--topics', topics, '-o', out]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /line 1: the required column "topic" is missing/);
    assert.equal((await readJson(out)).topics, undefined);
  });

  test('--topics: the same topic spelled twice, an oversized label and an empty file are reported, not fatal', async () => {
    const dir = await tempDir();
    const topics = path.join(dir, 'topics.csv');
    await writeFile(topics, `topic,label\nmobility,Mobility\nMobility ,Again\nhealth,${'x'.repeat(100_001)}\n`);
    await writeFile(path.join(dir, 'initiatives.csv'), 'id,title,city,country,topics\ni1,Superblocks,Barcelona,ES,mobility\n');
    const out = path.join(dir, 'feed.json');
    const { code, stdout } = await cli(['build-feed', '--initiatives', path.join(dir, 'initiatives.csv'), '--topics', topics, '-o', out]);
    assert.equal(code, 1);
    assert.deepEqual(stdout.split('\n').filter((l) => l.startsWith('error')), [
      `error    ${topics} line 3: topic: "Mobility" is the topic of line 2 (case, accents and spacing aside)`,
      `error    ${topics} line 4: label: longer than 100,000 characters`,
    ]);
    assert.deepEqual((await readJson(out)).topics, { mobility: 'Mobility' });
    await writeFile(topics, 'topic,label\n');
    const empty = await cli(['build-feed', '--initiatives', path.join(dir, 'initiatives.csv'), '--topics', topics, '-o', out]);
    assert.equal(empty.code, 0);
    assert.ok(empty.stdout.includes(`warning  ${topics}: no rows: no topic labels written`), empty.stdout);
  });

  test('an initiative region takes one column per language, and may stay a plain or empty string', async () => {
    const dir = await tempDir();
    const csv = 'id,title,city,country,region,region.es\ni1,Superblocks,Barcelona,ES,Europe,Europa\ni2,Markets,Bogotá,CO,Latin America,\ni3,Gardens,Medellín,CO,,\n';
    await writeFile(path.join(dir, 'initiatives.csv'), csv);
    const out = path.join(dir, 'feed.json');
    const { code } = await cli(['build-feed', '--initiatives', path.join(dir, 'initiatives.csv'), '-o', out]);
    assert.equal(code, 0);
    const feed = await readJson(out);
    assert.deepEqual(feed.initiatives.map((i) => i.region), [{ en: 'Europe', es: 'Europa' }, 'Latin America', undefined]);
    await assertValidFeed(out);
  });

  test('one row of each list is counted in the singular; an item warning names its line, a list warning its file', async () => {
    const dir = await tempDir();
    const file = (name) => path.join(dir, `${name}.csv`);
    await writeFile(file('initiatives'), 'id,title,city,country,image,image_alt\ni1,Superblocks,Barcelona,ES,http://example.org/a.png,A street\n');
    await writeFile(file('events'), 'id,title,start\ne1,Old meeting,2020-01-01T10:00:00+01:00\n');
    await writeFile(file('quotes'), 'id,text,author\nq1,Hello,Ana\n');
    await writeFile(file('news'), 'id,title,url,published\nn1,Hi,https://example.org/n1,2026-01-01T00:00:00Z\n');
    await writeFile(file('topics'), 'topic,label\nmobility,Mobility\n');
    const out = path.join(dir, 'feed.json');
    const lists = ['initiatives', 'events', 'quotes', 'news'].flatMap((list) => [`--${list}`, file(list)]);
    const { code, stdout } = await cli(['build-feed', ...lists, '--topics', file('topics'), '-o', out]);
    assert.equal(code, 0, stdout);
    const lines = stdout.split('\n');
    assert.ok(lines.includes(`warning  ${file('initiatives')} line 2: image: an image over http: browsers upgrade or block it on https pages; use https`), stdout);
    assert.ok(lines.some((l) => l.startsWith(`warning  ${file('events')}: every event is in the past`)), stdout);
    assert.match(stdout, /initiatives\.csv +1 row: 1 initiative$/m);
    assert.match(stdout, /events\.csv +1 row: 1 event$/m);
    assert.match(stdout, /quotes\.csv +1 row: 1 quote$/m);
    assert.match(stdout, /news\.csv +1 row: 1 news$/m);
    assert.match(stdout, /topics\.csv +1 row: 1 topic label$/m);
    assert.match(stdout, /^Wrote .*feed\.json \(1 initiative, 1 event, 1 quote, 1 news\)\.$/m);
    await assertValidFeed(out);
  });
});
