/**
 * `npm run lint` can fail: `node --test test/node/lint.test.mjs`.
 *
 * The lint (lit-analyzer over the html`` templates of src/, stories/ and test/) passes when it finds nothing, and
 * also when it checks nothing: a renamed tsconfig plugin entry or a missing custom-elements.html-data.json
 * would leave our elements' attributes unchecked without a word. So this runs lit-analyzer, as the lint does,
 * on a probe template with one mistake of each kind it must catch, and on correct lines beside them, and
 * expects exactly those mistakes. Needs custom-elements.html-data.json (`npm run analyze`, part of the build).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

const PROBE = `import { html } from 'lit';
import '../src/cities-widgets.js';

export const right = html\`
  <cities-news-list src="/feed.json" loading="eager" layout="ticker" heading-level="3"></cities-news-list>
  <cities-initiative-feed filterable sync-url theme="dark" page-size="6"></cities-initiative-feed>
  <button type="button" ?disabled=\${false} aria-pressed="true"></button>
  <cities-news-list @cities-feed-load=\${() => {}} @focusin=\${() => {}}></cities-news-list>
  <details @toggle=\${() => {}}></details>
\`;

export const wrong = html\`
  <cities-news-list loading="eagr"></cities-news-list>
  <cities-news-list layot="list"></cities-news-list>
  <button ?disabled=\${'yes'}></button>
  <div role="buton"></div>
  <cities-news-list @cities-feed-lod=\${() => {}}></cities-news-list>
\`;
`;

test('lit-analyzer, configured as npm run lint, reports each kind of template mistake and nothing else', () => {
  assert.ok(existsSync(join(root, 'custom-elements.html-data.json')), 'custom-elements.html-data.json is missing: run npm run analyze');
  // Inside the repository (its tsconfig.json configures the analyzer), outside the folders the lint reads.
  const dir = mkdtempSync(join(root, '.lint-probe-'));
  try {
    const file = join(dir, 'probe.ts');
    writeFileSync(file, PROBE);
    const cli = join(root, 'node_modules/@jackolope/lit-analyzer/cli.mjs');
    const run = spawnSync(process.execPath, [cli, relative(root, file), '--strict', '--format', 'list', '--noColor'], { cwd: root, encoding: 'utf8' });
    const out = `${run.stdout}\n${run.stderr}`;
    assert.notEqual(run.status, 0, `lit-analyzer passed the probe:\n${out}`);
    const problems = out.split('\n').filter((line) => /^\s+\d+:\d+\s+(error|warning)\s/.test(line));
    const expected = [
      /'"eagr"' is not assignable to '"lazy" \| "eager"'/, // a value outside an attribute's union (HTML data)
      /Unknown attribute 'layot'/, // an attribute the element does not have (HTML data)
      /'"yes"' is not assignable to 'boolean'/, // a binding of the wrong type on a native element
      /'buton' is not assignable/, // an ARIA role that does not exist
      /Unknown event 'cities-feed-lod'/, // an event no element fires (tsconfig.json turns this rule on)
    ];
    for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `not reported: ${pattern}\n${out}`);
    assert.equal(problems.length, expected.length, `reported more than the probe's mistakes:\n${out}`);
    assert.ok(problems.every((p) => Number(p.trim().split(":")[0]) >= 12), `a correct line was reported:\n${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
