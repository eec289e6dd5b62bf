/**
 * Checks, with the TypeScript compiler, that a member name may be renamed by terser in the page bundles
 * (scripts/mangled-members.mjs, rollup.config.js). Not a test file itself: test/node/mangle.test.mjs uses it.
 * `node test/node/mangle-members.mjs` prints the members that would be safe to add to the list.
 *
 * terser renames a property name everywhere in a chunk: every `x.name`, `{ name }` and `name() {}`, whatever
 * the object, and no string. So a name is safe only when every use of it is one of our members that nothing
 * outside the bundle reaches:
 * - every declaration of the name in src/ is a class member that is `protected`, or public in a class that
 *   the npm package does not export (a controller's members), and never `static`: not an object's key, an
 *   interface's or a type's member (data, options, the feed), a public member of an exported class, a
 *   reactive property (`static properties` keys) or a private one;
 * - nothing we did not write declares it: TypeScript's ES and DOM libraries, Lit (lifecycle: `render`,
 *   `update`, `hostConnected`…) and the other packages' types; nor does terser's list of DOM names, which it
 *   never renames;
 * - every `x.name` and `{ name } = x` in src/ resolves, by its type, to one of those declarations (not to
 *   another object's property, nor to an untyped value);
 * - no string in src/ spells it (`el['name']`, `'name' in x`, `changed.has('name')`, or a Lit property
 *   binding `.name=${…}` in a template).
 * mangle.test.mjs checks the built bundles; the build itself stops if a package's code or two chunks use a name
 * (rollup.config.js, `mangledNamesOnlyOurs`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** The names terser never renames (its `domprops`, reserved unless `builtins: true`). */
export const TERSER_DOMPROPS = new Set(
  (await import(pathToFileURL(path.join(path.dirname(require.resolve('terser/package.json')), 'tools', 'domprops.js')).href)).domprops,
);

/** The TypeScript program of src/ (without the CLI, as tsconfig.json), and the package's public modules. */
export function sourceProject() {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  const src = path.join(root, 'src') + path.sep;
  const rootNames = config.fileNames.filter((f) => path.resolve(f).startsWith(src));
  // Every module the package.json "exports" map gives to npm users (dist/lib/x.js ← src/x.ts).
  const exportsMap = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).exports;
  const publicEntries = Object.values(exportsMap)
    .map((e) => (typeof e === 'object' ? e.default : e))
    .filter((f) => /^\.\/dist\/lib\/.*\.js$/.test(f))
    .map((f) => path.join(root, 'src', f.replace(/^\.\/dist\/lib\//, '').replace(/\.js$/, '.ts')));
  return { rootNames, options: { ...config.options, types: [], noEmit: true }, publicEntries, ours: (fileName) => path.resolve(fileName).startsWith(src) };
}

/** `src/x.ts:12`, or `typescript/lib/lib.dom.d.ts:4482` for a library's file. */
const fileLabel = (fileName) => path.relative(root, fileName).replace(/^.*node_modules[\\/]/, '');
const where = (node) => {
  const source = node.getSourceFile();
  return `${fileLabel(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
};

/** The name a declaration gives a property (`undefined` for computed and `#private` names). */
function declaredName(node) {
  const name = node.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** A node that declares a property of some object: a class or object member, an interface or type member. */
function declaresProperty(node) {
  return (
    ts.isPropertyDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isEnumMember(node) ||
    (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && ts.isParameterPropertyDeclaration(node, node.parent))
  );
}

const hasModifier = (node, kind) => (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

/**
 * What the TypeScript program says about member names.
 * `check(names)` → problems (strings) for names that terser must not rename; `candidates()` → every member name
 * of our classes that passes `check`.
 */
export function analyse({ rootNames, options, host, publicEntries, ours }) {
  const program = ts.createProgram({ rootNames, options, host });
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles();
  const ourFiles = files.filter((f) => ours(f.fileName));

  // Classes the package exports: their public members are its API.
  const exported = new Set();
  for (const entry of publicEntries) {
    const module = program.getSourceFile(entry) && checker.getSymbolAtLocation(program.getSourceFile(entry));
    if (!module) throw new Error(`${entry}: not in the program`);
    for (const e of checker.getExportsOfModule(module)) {
      const symbol = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      for (const d of symbol.declarations ?? []) if (ts.isClassLike(d)) exported.add(d);
    }
  }

  /** Why a declaration in src/ does not allow renaming, or undefined when it does. */
  const declarationProblem = (node) => {
    const cls = ts.isParameter(node) ? node.parent.parent : node.parent;
    if (!ts.isClassLike(cls) || ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      if (ts.isPropertySignature(node) || ts.isMethodSignature(node)) return 'an interface or type member';
      if (ts.isEnumMember(node)) return 'an enum member';
      return "an object's key";
    }
    if (hasModifier(node, ts.SyntaxKind.StaticKeyword)) return 'a static member';
    if (hasModifier(node, ts.SyntaxKind.PrivateKeyword)) return 'a private member not named __…';
    if (hasModifier(node, ts.SyntaxKind.ProtectedKeyword)) return undefined;
    if (exported.has(cls)) return `a public member of ${cls.name?.text ?? 'a class'}, which the package exports`;
    return undefined;
  };

  /** name → declarations in src/; names declared elsewhere (libraries, packages) → one place. */
  const ourDeclarations = new Map();
  const foreign = new Map();
  for (const file of files) {
    const mine = ours(file.fileName);
    const visit = (node) => {
      if (declaresProperty(node)) {
        const name = declaredName(node);
        if (name !== undefined) {
          if (mine) ourDeclarations.set(name, [...(ourDeclarations.get(name) ?? []), node]);
          else if (!foreign.has(name)) foreign.set(name, fileLabel(file.fileName));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  /** Every use by name in src/: `x.name`, `x['name']`, `{ name } = x`, and every string. */
  const uses = new Map();
  const strings = [];
  const addUse = (name, node, resolve) => uses.set(name, [...(uses.get(name) ?? []), { node, resolve }]);
  for (const file of ourFiles) {
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
        addUse(node.name.text, node, () => checker.getSymbolAtLocation(node.name));
      } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        addUse(node.argumentExpression.text, node, () => undefined);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) {
          addUse(key.text, node, () => checker.getTypeAtLocation(node.parent).getProperty(key.text));
        }
      }
      if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) strings.push(node);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const check = (names) => {
    const problems = [];
    for (const name of names) {
      const declarations = ourDeclarations.get(name) ?? [];
      if (name.startsWith('__')) problems.push(`${name}: a private name, renamed by the \`__\` rule`);
      if (declarations.length === 0) problems.push(`${name}: no member of our classes has this name`);
      for (const d of declarations) {
        const why = declarationProblem(d);
        if (why) problems.push(`${name}: ${where(d)} declares it as ${why}`);
      }
      if (foreign.has(name)) problems.push(`${name}: declared by ${foreign.get(name)}, which we did not write`);
      if (TERSER_DOMPROPS.has(name)) problems.push(`${name}: a DOM name, which terser never renames`);
      const allowed = new Set(declarations.filter((d) => declarationProblem(d) === undefined));
      for (const { node, resolve } of uses.get(name) ?? []) {
        const symbol = resolve();
        const targets = symbol?.declarations ?? [];
        if (targets.length === 0) {
          problems.push(`${name}: ${where(node)} reads it from a value of unknown type, or by a string`);
        } else {
          for (const t of targets) if (!allowed.has(t)) problems.push(`${name}: ${where(node)} reads another object's \`${name}\` (${where(t)})`);
        }
      }
      for (const s of strings) {
        if (s.text === name || s.text.includes(`.${name}=`)) problems.push(`${name}: ${where(s)} spells it in the string ${JSON.stringify(s.text)}`);
      }
    }
    return [...new Set(problems)];
  };

  const candidates = () => {
    const names = new Set();
    for (const [name, declarations] of ourDeclarations) {
      if (!name.startsWith('__') && declarations.some((d) => declarationProblem(d) === undefined)) names.add(name);
    }
    return [...names].filter((name) => check([name]).length === 0).sort();
  };

  return { check, candidates };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { MANGLED_MEMBERS } = await import('../../scripts/mangled-members.mjs');
  const { check, candidates } = analyse(sourceProject());
  const safe = candidates();
  console.log(`Members that terser could rename (${safe.length}): ${safe.join(' ')}`);
  console.log(`Of which not in scripts/mangled-members.mjs: ${safe.filter((n) => !MANGLED_MEMBERS.includes(n)).join(' ') || 'none'}`);
  const problems = check(MANGLED_MEMBERS);
  console.log(problems.length ? `Names in the list that must not be renamed:\n${problems.join('\n')}` : 'Every name in the list passes the checks.');
}
