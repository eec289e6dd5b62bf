/**
 * The page bundles let terser rename every property whose name starts with `__` (rollup.config.js: our classes'
 * private members, as in the Lit starter). That is safe only while such a name is a TypeScript `private` member,
 * used in its own class alone, and never spelled in a string. These tests keep it so, on the sources and on the
 * built bundles (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { root } from './helpers.mjs';

const MANGLED = /^__[a-zA-Z]/;

/** Problems with `__names` in one source file. */
function problems(fileName, text) {
  const found = [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const where = (node) => `${path.relative(root, fileName)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node) => {
    const name = node.name && ts.isIdentifier(node.name) ? node.name.text : undefined;
    if (name && MANGLED.test(name)) {
      const member =
        ts.isPropertyDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node) ||
        (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent));
      const isPrivate = (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node)) {
        found.push(`${where(node)}: ${name} names an object's key or an interface member: terser would rename it`);
      } else if (member && !isPrivate) {
        found.push(`${where(node)}: ${name} is not private: terser would rename it`);
      }
    }
    if ((ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && /(^|[^\w$])__[a-zA-Z]/.test(node.text) && node.text !== '__proto__') {
      found.push(`${where(node)}: the string ${JSON.stringify(node.text)} spells a name that terser renames`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('private members renamed by terser (`__name`)', () => {
  test('every `__name` in src/ is a private class member and no string spells one', () => {
    const src = path.join(root, 'src');
    const files = readdirSync(src, { recursive: true })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => path.join(src, f));
    let members = 0;
    const found = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      members += (text.match(/\bprivate (?:readonly )?(?:get |set )?__[a-zA-Z]/g) ?? []).length;
      found.push(...problems(file, text));
    }
    assert.ok(members > 50, `expected the private members to be named __…, found ${members}`);
    assert.deepEqual(found, []);
  });

  test('the check above finds a public `__name`, an object key and a string', () => {
    const found = problems(
      path.join(root, 'src/x.ts'),
      `class A { __open = 1; private __ok = 2; m() { return { __key: 1, n: this['__ok'] }; } }`,
    );
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(found[0], /__open is not private/);
    assert.match(found[1], /__key names an object's key/);
    assert.match(found[2], /the string "__ok"/);
  });

  test('no `__name` is left in the page bundles', () => {
    const dist = path.join(root, 'dist');
    const files = [
      ...readdirSync(dist).filter((f) => f.endsWith('.js')),
      ...readdirSync(path.join(dist, 'chunks')).map((f) => `chunks/${f}`),
    ];
    assert.ok(files.includes('cities-widgets.js'));
    for (const file of files) {
      const left = readFileSync(path.join(dist, file), 'utf8').match(/[.{,]__[a-zA-Z]\w*(?<!__proto__)\b/g);
      assert.equal(left, null, `${file}: ${left?.join(', ')}`);
    }
  });
});
