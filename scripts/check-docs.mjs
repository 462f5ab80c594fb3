// Hover docs in the shipped types: every exported function, function-valued const and class reachable
// from an entry point of the built package (dist/index.d.ts, dist/<domain>/index.d.ts and their .d.cts
// twins, as tsup emits them) carries a JSDoc summary on its declaration. A doc block placed above a
// file's imports attaches to the import and never reaches the .d.ts; this check catches that.
//
// Run after `npm run build`:  node scripts/check-docs.mjs [distDir]
// Exit 1 with the list of undocumented names (and the source file they come from) when any is missing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(dist)) {
  console.error(`check-docs: ${dist}/ does not exist (run \`npm run build\` first)`);
  process.exit(1);
}

/** Entry declaration files: index.d.ts / index.d.cts at the top and one level down (the subpaths). */
const entries = [];
for (const dir of [dist, ...readdirSync(dist).map((d) => join(dist, d)).filter((d) => statSync(d).isDirectory())]) {
  for (const f of ['index.d.ts', 'index.d.cts']) if (existsSync(join(dir, f))) entries.push(join(dir, f));
}
if (entries.length === 0) {
  console.error(`check-docs: no index.d.ts under ${dist}/ (was the build run with dts?)`);
  process.exit(1);
}

const program = ts.createProgram(entries, {
  noEmit: true,
  skipLibCheck: true,
  allowJs: false,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  types: [],
});
const checker = program.getTypeChecker();

/** What an exported symbol is, for this check: 'function', 'const function', 'class', or null (not checked). */
function kindOf(symbol) {
  for (const d of symbol.declarations ?? []) {
    if (ts.isFunctionDeclaration(d)) return 'function';
    if (ts.isClassDeclaration(d)) return 'class';
    if (ts.isVariableDeclaration(d)) {
      const type = checker.getTypeOfSymbolAtLocation(symbol, d);
      if (type.getCallSignatures().length > 0) return 'const function';
    }
  }
  return null;
}

/** The JSDoc summary shown on hover (tags alone, e.g. a bare `@internal`, do not count). */
function summaryOf(symbol) {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

const seen = new Map(); // declaration key → { name, kind, documented, entries: Set }
let entryCount = 0;
for (const file of entries) {
  const sf = program.getSourceFile(file);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) continue; // an entry with no exports
  entryCount++;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const kind = kindOf(symbol);
    if (!kind) continue;
    const decl = symbol.declarations[0];
    // the same declaration text in .d.ts and .d.cts chunks is one thing for the reader: key by name + kind
    const key = `${exported.name}\u0000${kind}`;
    const where = relative(dist, file);
    const documented = summaryOf(symbol) !== '' || summaryOf(exported) !== '';
    const prev = seen.get(key);
    if (prev) {
      prev.entries.add(where);
      prev.documented &&= documented;
    } else {
      seen.set(key, { name: exported.name, kind, documented, entries: new Set([where]), decl: relative(dist, decl.getSourceFile().fileName) });
    }
  }
}

const all = [...seen.values()];
const missing = all.filter((s) => !s.documented).sort((a, b) => a.name.localeCompare(b.name));
for (const s of missing) {
  const subpaths = [...s.entries].filter((e) => e.endsWith('.d.ts')).map((e) => e.replace(/(^|\/)index\.d\.ts$/, '') || '.');
  console.log(`FAIL ${s.kind} ${s.name} has no doc comment in the shipped types (exported from ${subpaths.join(', ') || [...s.entries].join(', ')})`);
}
const fns = all.length;
if (missing.length) {
  console.log(`check-docs: ${missing.length} of ${fns} exported functions/classes have no JSDoc on their declaration ` +
    `(${entryCount} entry files read). Put the doc block directly above the exported declaration, after the imports.`);
  process.exit(1);
}
console.log(`ok   check-docs: all ${fns} exported functions/classes carry a JSDoc summary (${entryCount} entry files read)`);
