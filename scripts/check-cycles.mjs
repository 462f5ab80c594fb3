// Import cycles in src/: a cycle makes the order in which modules run depend on which one is imported
// first (a `const` read before it is initialised, a class extended before it exists), and says that two
// rooms of the house lean on each other. This builds the graph of run-time imports with TypeScript's own
// parser (`import type`, `export type` and imports whose every name is a type are left out: they vanish
// from the JavaScript; a dynamic `import()` runs later and is left out too) and fails on any strongly
// connected component of more than one module, or a module importing itself. Run by `npm test`.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'src');

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** './x.js' from file → the .ts file it names, or null (a package, or not under src/). */
function resolveSpecifier(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) if (existsSync(c)) return c;
  return null;
}

/** The run-time imports of one file. */
function runtimeImports(file) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      if (c?.isTypeOnly) continue;
      // `import { type A, type B } from` is erased (verbatimModuleSyntax is off); `import {} from` is not
      const named = c?.namedBindings;
      if (c && !c.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      out.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier) {
      if (st.isTypeOnly) continue;
      const ec = st.exportClause;
      if (ec && ts.isNamedExports(ec) && ec.elements.length > 0 && ec.elements.every((e) => e.isTypeOnly)) continue;
      out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

const all = files(root);
const graph = new Map(all.map((f) => [f, [...new Set(runtimeImports(f).map((s) => resolveSpecifier(f, s)).filter(Boolean))]]));

// Tarjan's strongly connected components (iterative enough for a source tree: recursion depth ≤ files)
let index = 0;
const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], sccs = [];
function connect(v) {
  idx.set(v, index); low.set(v, index); index++;
  stack.push(v); onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) { connect(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
    if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) sccs.push(comp);
  }
}
for (const f of all) if (!idx.has(f)) connect(f);

/** One concrete cycle inside a component, for the message. */
function cycleIn(comp) {
  const inComp = new Set(comp);
  const start = comp.slice().sort()[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = prev.get(v); p; p = prev.get(p)) path.push(p);
        return [...path.reverse(), start];
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return comp;
}

const rel = (f) => relative(process.cwd(), f);
if (sccs.length === 0) {
  console.log(`ok   no import cycles among ${all.length} modules of ${rel(root)}/ (run-time imports)`);
} else {
  for (const comp of sccs) {
    console.log(`FAIL import cycle (${comp.length} module${comp.length > 1 ? 's' : ''} import each other): ${cycleIn(comp).map(rel).join(' → ')}`);
  }
  process.exit(1);
}
