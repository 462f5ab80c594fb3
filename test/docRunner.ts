/**
 * Runs the code of the documentation: `@example` blocks of src/ and ```ts blocks of README.md / docs/.
 *
 * - Imports of `yieldcraft` and `yieldcraft/<domain>` are rewritten to the sources (src/index.ts,
 *   src/<domain>/index.ts); other imports (node:fs, …) are imported as they are. Names used without an
 *   import come from the package root (and, for an @example, from its own domain).
 * - The code is TypeScript: types are stripped with `ts.transpileModule`; it runs as the body of an
 *   async function, so top-level `await` works.
 * - A statement followed by `// => expected` (on its line, or on the lines right after it; a value may
 *   continue on further `//` lines while its brackets are open) is checked: the statement's value (an
 *   expression's value, or the variable a `const x = …` declares) is compared with the expected text:
 *   numbers to 1e-9 relative or to the digits printed (`190.65` accepts 190.6543), `…` matches anything
 *   (the rest of an array, the other fields of an object, the rest of a string or of the digits),
 *   objects are matched on the fields shown, typed arrays print as `Float64Array [1, 2]` or `[1, 2]`,
 *   a trailing remark in parentheses (`// => 80 (ADR 100 at 80 % occupancy)`) is ignored, and
 *   `// => throws YieldInputError …` expects that error (quoted strings must appear in its message or
 *   path). Expected text that is not a value (`Map(2) { 'a' => 1 }`) is compared with util.inspect.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SRC = join(ROOT, 'src');

export interface DocExample {
  readonly file: string;
  /** The declaration the example documents (or 'file' for a file-level doc block, or a docs heading). */
  readonly name: string;
  /** 1-based line of the example's first code line in `file`. */
  readonly line: number;
  readonly code: string;
  /** The domain whose exports are in scope besides the root's (src/<domain>/index.ts), if any. */
  readonly domain?: string;
  /** Why it is not run, when its first line says `// (not run: …)`. */
  readonly skip?: string;
  /** Number of `// =>` checks in it. */
  readonly checks: number;
}

// ---------------------------------------------------------------------------------------------------
// Collecting @example blocks

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The lines of a JSDoc comment without its `/**`, ` * ` and `*\/` decoration. */
function commentLines(raw: string): string[] {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''));
}

const NOT_RUN = /^\s*\/\/\s*\(not run:\s*(.*?)\)?\s*$/;

/** Cuts the `@example` sections out of one doc comment. */
function examplesOfComment(raw: string, startLine: number): { code: string; line: number }[] {
  const lines = commentLines(raw);
  const out: { code: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*@example\b(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const body: string[] = [];
    if (m[1]!.trim()) body.push(m[1]!.trim());
    let j = i + 1;
    for (; j < lines.length && !/^\s*@\w+/.test(lines[j]!); j++) body.push(lines[j]!);
    while (body.length && !body[body.length - 1]!.trim()) body.pop();
    // a fenced example (```ts … ```) keeps only its code
    const code = body.filter((l) => !/^\s*```/.test(l)).join('\n');
    if (code.trim()) out.push({ code, line: startLine + i + (m[1]!.trim() ? 0 : 1) });
    i = j - 1;
  }
  return out;
}

function isExported(s: ts.Statement): boolean {
  return !!ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function declarationName(s: ts.Statement): string {
  if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name) return s.name.text;
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  return 'file';
}

/** Every @example of the exported declarations (and file-level doc blocks) of src/, internal/ excluded. */
export function collectExamples(root = SRC): DocExample[] {
  const out: DocExample[] = [];
  for (const file of walk(root)) {
    if (file.includes(`${join(root, 'internal')}/`)) continue;
    const text = readFileSync(file, 'utf8');
    if (!text.includes('@example')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = file.slice(root.length + 1);
    const domain = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : undefined;
    sf.statements.forEach((s, k) => {
      const docs = (s as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
      if (docs.length === 0) return;
      if (!isExported(s) && !(k === 0 && (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)))) return;
      const name = isExported(s) ? declarationName(s) : 'file';
      for (const doc of docs) {
        const startLine = sf.getLineAndCharacterOfPosition(doc.getStart(sf)).line + 1;
        for (const ex of examplesOfComment(doc.getText(sf), startLine)) {
          const first = ex.code.split('\n').find((l) => l.trim()) ?? '';
          const nr = NOT_RUN.exec(first);
          const skip = nr ? nr[1]!.trim() : notRunnable(ex.code);
          out.push({
            file,
            name,
            line: ex.line,
            code: ex.code,
            ...(domain !== undefined ? { domain } : {}),
            ...(skip !== undefined ? { skip } : {}),
            checks: countChecks(ex.code),
          });
        }
      }
    });
  }
  return out;
}

/**
 * Why a piece of code is not run although it does not say so: it changes process-wide state that the
 * examples after it would see (the LP solvers' loading, for a bundled application).
 */
export function notRunnable(code: string): string | undefined {
  if (/\bconfigureLpSolvers\(/.test(code)) return 'it configures the process-wide LP solver loading (bundling setup)';
  return undefined;
}

export function countChecks(code: string): number {
  return (code.match(/\/\/\s*=>/g) ?? []).length;
}

// ---------------------------------------------------------------------------------------------------
// Rewriting the code: imports → dynamic imports of the sources, `// =>` statements → checks

export interface Check {
  readonly id: number;
  readonly line: number;
  readonly source: string;
  readonly expected: string;
}

function mapSpecifier(spec: string): string {
  if (spec === 'yieldcraft') return join(SRC, 'index.ts');
  const m = /^yieldcraft\/([\w-]+)$/.exec(spec);
  if (m) return join(SRC, m[1]!, 'index.ts');
  return spec;
}

function importReplacement(d: ts.ImportDeclaration, sf: ts.SourceFile): string {
  const spec = (d.moduleSpecifier as ts.StringLiteral).text;
  const clause = d.importClause;
  const from = `await __import(${JSON.stringify(spec)})`;
  if (!clause) return `${from};`;
  if (clause.isTypeOnly) return '';
  const parts: string[] = [];
  if (clause.name) parts.push(`const ${clause.name.text} = (${from}).default;`);
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) parts.push(`const ${nb.name.text} = ${from};`);
  if (nb && ts.isNamedImports(nb)) {
    const names = nb.elements
      .filter((e) => !e.isTypeOnly)
      .map((e) => (e.propertyName ? `${e.propertyName.getText(sf)}: ${e.name.text}` : e.name.text));
    if (names.length) parts.push(`const { ${names.join(', ')} } = ${from};`);
  }
  return parts.join(' ');
}

/** Whether the brackets and quotes of an expected value are closed (so that it does not go on). */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  return depth <= 0 && quote === null;
}

/**
 * The `// =>` comment(s) after the statement ending at `end`, before `limit`: the expected text, or
 * null. Continuation lines (`// …`) are taken while the expected value's brackets are open.
 */
function expectedAfter(text: string, end: number, limit: number): string | null {
  const comments = [...(ts.getTrailingCommentRanges(text, end) ?? []), ...(ts.getLeadingCommentRanges(text, end) ?? [])]
    .filter((c, i, all) => c.pos < limit && all.findIndex((d) => d.pos === c.pos) === i)
    .filter((c) => c.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .sort((a, b) => a.pos - b.pos);
  for (let k = 0; k < comments.length; k++) {
    const body = text.slice(comments[k]!.pos + 2, comments[k]!.end);
    const m = /^\s*=>\s?(.*)$/.exec(body);
    if (!m) {
      // a prose comment between the statement and its `// =>` line ends the search only if it is on a
      // later line than the statement (a `// note` on the statement's own line may precede nothing)
      continue;
    }
    // only the first `// =>` right after the statement (no other statement in between: limit)
    let expected = m[1]!.trim();
    let j = k + 1;
    while (!balanced(expected) && j < comments.length) {
      expected += ' ' + text.slice(comments[j]!.pos + 2, comments[j]!.end).trim();
      j++;
    }
    return expected;
  }
  return null;
}

export interface Prepared {
  readonly js: string;
  readonly checks: Check[];
}

/** Rewrites example code: imports → `__import`, checked statements → `await __check(id, async () => value)`. */
export function prepare(code: string): Prepared {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { pos: number; end: number; text: string }[] = [];
  const checks: Check[] = [];

  const visitList = (stmts: readonly ts.Statement[], limitAfter: number) => {
    stmts.forEach((s, k) => {
      if (ts.isImportDeclaration(s)) {
        edits.push({ pos: s.getStart(sf), end: s.end, text: importReplacement(s, sf) });
        return;
      }
      const next = stmts[k + 1];
      const limit = next ? next.getStart(sf) : limitAfter;
      const expected = expectedAfter(code, s.end, limit);
      if (expected !== null) {
        const id = checks.length;
        const line = sf.getLineAndCharacterOfPosition(s.getStart(sf)).line + 1;
        checks.push({ id, line, source: s.getText(sf), expected });
        if (ts.isExpressionStatement(s) && /^console\.log\(/.test(s.expression.getText(sf))) {
          edits.push({ pos: s.getStart(sf), end: s.getStart(sf), text: `__mark(${id});` });
          edits.push({ pos: s.end, end: s.end, text: ` await __checkLog(${id});` });
          return;
        }
        if (ts.isExpressionStatement(s)) {
          edits.push({ pos: s.getStart(sf), end: s.end, text: `await __check(${id}, async () => (${s.expression.getText(sf)}));` });
          return;
        }
        if (ts.isVariableStatement(s)) {
          const last = s.declarationList.declarations[s.declarationList.declarations.length - 1]!;
          const value = ts.isIdentifier(last.name) ? last.name.text : last.initializer ? `(${last.initializer.getText(sf)})` : 'undefined';
          if (/^throws\b/.test(expected) && last.initializer) {
            edits.push({ pos: s.getStart(sf), end: s.end, text: `await __check(${id}, async () => (${last.initializer.getText(sf)}));` });
          } else {
            edits.push({ pos: s.end, end: s.end, text: ` await __check(${id}, async () => ${value});` });
          }
          return;
        }
        // a statement without a value (try/catch, if, loop): what it prints with console.log is checked,
        // or else the value of the last expression evaluated in one of its blocks (`catch (e) { e.path; }`)
        edits.push({ pos: s.getStart(sf), end: s.getStart(sf), text: `__mark(${id});` });
        ts.forEachChild(s, function lastOf(n: ts.Node): void {
          if (ts.isBlock(n)) {
            const tail = n.statements[n.statements.length - 1];
            if (tail && ts.isExpressionStatement(tail) && !/^console\.log\(/.test(tail.expression.getText(sf)))
              edits.push({ pos: tail.getStart(sf), end: tail.end, text: `__setLast(${tail.expression.getText(sf)});` });
          }
          if (!ts.isFunctionLike(n)) ts.forEachChild(n, lastOf);
        });
        edits.push({ pos: s.end, end: s.end, text: ` await __checkLog(${id});` });
        return;
      }
      // `// =>` lines inside blocks (loops, functions) are checked in place too
      ts.forEachChild(s, function visit(n: ts.Node): void {
        if (ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) visitList(n.statements, n.end);
        else if (!ts.isFunctionLike(n) || (n as ts.FunctionLikeDeclaration).body) ts.forEachChild(n, visit);
      });
    });
  };
  visitList(sf.statements, code.length);
  edits.sort((a, b) => b.pos - a.pos);
  let out = code;
  for (const e of edits) out = out.slice(0, e.pos) + e.text + out.slice(e.end);
  const js = ts
    .transpileModule(out, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, reportDiagnostics: false })
    .outputText.replace(/^export \{\};?\s*$/m, '');
  return { js, checks };
}

// ---------------------------------------------------------------------------------------------------
// Comparing a value with the expected text

class Num {
  constructor(readonly text: string) {}
  get value(): number {
    return Number(this.text);
  }
  /** Half a unit… a whole unit of the last digit printed (rounded or truncated), or 1e-9 relative. */
  tolerance(): number {
    const v = Math.abs(this.value);
    const m = /^-?(\d*)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(this.text);
    const decimals = m?.[2]?.length ?? 0;
    const exp = Number(m?.[3] ?? 0);
    const printed = decimals > 0 && decimals < 15 ? 10 ** (exp - decimals) : 0;
    return Math.max(1e-9 * v, printed, 1e-12);
  }
}
const REST = Symbol('…');

/** Turns expected text into a value to compare with (numbers as Num, `…` as REST), or null if it is not JS. */
export function parseExpected(text: string): unknown {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += c;
      continue;
    }
    if (c === '…') {
      out += '__REST__';
      continue;
    }
    const prev = i > 0 ? text[i - 1]! : ' ';
    if (/[\d.-]/.test(c) && !/[\w.$]/.test(prev)) {
      const m = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i.exec(text.slice(i));
      if (m && m[0] !== '-' && m[0] !== '.') {
        let num = m[0];
        i += num.length - 1;
        if (text[i + 1] === '…') i++; // truncated digits: 0.5723…
        if (num.endsWith('.')) num = num.slice(0, -1);
        out += `__N(${JSON.stringify(num)})`;
        continue;
      }
    }
    out += c;
  }
  // typed arrays and Maps/Sets as util.inspect prints them
  out = out.replace(/\b(?:Float64|Float32|Int32|Uint32|Int16|Uint16|Int8|Uint8|Uint8Clamped)Array(?:\(__N\("\d+"\)\))?\s*\[/g, '[');
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return { value: new Function('__N', '__REST__', `"use strict"; return (${out});`)((t: string) => new Num(t), REST) };
  } catch {
    return null;
  }
}

function globMatch(actual: string, expected: string): boolean {
  const parts = expected.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`).test(actual);
}

/** Why `actual` does not match `expected` (a value from parseExpected), or null when it matches. */
export function mismatch(actual: unknown, expected: unknown, path = 'value'): string | null {
  if (expected === REST) return null;
  if (expected instanceof Num) {
    if (typeof actual !== 'number') return `${path}: expected the number ${expected.text}, got ${inspect(actual)}`;
    const e = expected.value;
    if (Number.isNaN(e)) return Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
    if (!Number.isFinite(e)) return actual === e ? null : `${path}: expected ${e}, got ${actual}`;
    return Math.abs(actual - e) <= expected.tolerance() ? null : `${path}: expected ${expected.text}, got ${actual}`;
  }
  if (typeof expected === 'string') {
    if (typeof actual !== 'string') return `${path}: expected the string ${JSON.stringify(expected)}, got ${inspect(actual)}`;
    if (expected.includes('…') ? globMatch(actual, expected) : actual === expected) return null;
    return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(expected)) {
    const isList = Array.isArray(actual) || ArrayBuffer.isView(actual);
    if (!isList) return `${path}: expected an array, got ${inspect(actual, { depth: 1 })}`;
    const a = actual as ArrayLike<unknown>;
    const open = expected.length > 0 && expected[expected.length - 1] === REST;
    const n = open ? expected.length - 1 : expected.length;
    if (open ? a.length < n : a.length !== n) return `${path}: expected length ${open ? `≥ ${n}` : n}, got ${a.length}`;
    for (let i = 0; i < n; i++) {
      const why = mismatch(a[i], expected[i], `${path}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${inspect(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      if (k === '__REST__') continue;
      const why = mismatch((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      if (why) return why;
    }
    return null;
  }
  return Object.is(actual, expected) || (actual === 0 && expected === 0) ? null : `${path}: expected ${inspect(expected)}, got ${inspect(actual)}`;
}

const normalise = (s: string) => s.replace(/"/g, "'").replace(/\s+/g, ' ').replace(/\s*([[\]{}(),:])\s*/g, '$1').trim();

/** Compares a value with the expected text of a `// =>` line; returns why it does not match, or null. */
export function compare(actual: unknown, expectedText: string): string | null {
  const candidates = [expectedText];
  // a trailing remark in parentheses, or after two spaces: `80 (ADR 100 at 80 % occupancy)`
  const remark = /^(.*?\S)\s+\((?!.*\)\s*\S).*\)\s*$/.exec(expectedText);
  if (remark) candidates.push(remark[1]!);
  const spaced = /^(.*?\S)\s{2,}\S.*$/.exec(expectedText);
  if (spaced) candidates.push(spaced[1]!);
  // a worked computation: `(1 + 1 + 2) / 3 = 1.3333…`
  const worked = / = ([^=]+)$/.exec(expectedText);
  if (worked) candidates.push(worked[1]!.trim());
  let first: string | null = null;
  for (const text of candidates) {
    const parsed = parseExpected(text) as { value: unknown } | null;
    if (parsed) {
      const why = mismatch(actual, parsed.value);
      if (!why) return null;
      first ??= why;
    }
  }
  // not a JS value (or no match as one): compare with what util.inspect prints
  const printed = inspect(actual, { depth: 8, breakLength: Infinity, maxArrayLength: 10_000, maxStringLength: 100_000 })
    .replace(/\b(Map|Set|[A-Z]\w*Array)\(\d+\)/g, '$1');
  for (const text of candidates) {
    if (globMatch(normalise(printed), normalise(text))) return null;
    if (typeof actual === 'string' && globMatch(actual, text)) return null;
  }
  return first ?? `expected ${expectedText}, got ${printed}`;
}

function throwsMismatch(error: unknown, expectedText: string): string | null {
  const rest = expectedText.replace(/^throws\s*/, '');
  const e = error as { name?: string; message?: string; path?: string; code?: string };
  const name = /^([A-Z]\w*)/.exec(rest)?.[1];
  if (name && e?.name !== name) return `expected a ${name}, got ${e?.name}: ${e?.message}`;
  const haystack = `${e?.message ?? ''}\n${e?.path ?? ''}\n${e?.code ?? ''}`;
  for (const q of rest.matchAll(/'([^']*)'|"([^"]*)"/g)) {
    const s = q[1] ?? q[2]!;
    if (!(s.includes('…') ? globMatch(haystack, `…${s}…`) : haystack.includes(s)))
      return `the error does not mention ${JSON.stringify(s)}: ${e?.name}: ${e?.message} (path ${e?.path})`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Running

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

async function importMapped(spec: string): Promise<Record<string, unknown>> {
  const target = mapSpecifier(spec);
  return (await import(/* @vite-ignore */ target)) as Record<string, unknown>;
}

export interface RunOptions {
  /** Domain whose exports are in scope besides the root's. */
  readonly domain?: string;
  /** Where the code comes from, for messages. */
  readonly where: string;
}

/** Runs a piece of documentation code; throws an Error listing every `// =>` that does not hold. */
export async function runCode(code: string, options: RunOptions): Promise<number> {
  const { js, checks } = prepare(code);
  const scope: Record<string, unknown> = { ...(await importMapped('yieldcraft')) };
  if (options.domain) {
    try {
      Object.assign(scope, await importMapped(`yieldcraft/${options.domain}`));
    } catch {
      /* a folder without an index (cli): the root's names only */
    }
  }
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const failures: string[] = [];
  let done = 0;
  const check = async (id: number, value: () => Promise<unknown>) => {
    const c = checks[id]!;
    const where = `${options.where}, example line ${c.line}: ${c.source.split('\n')[0]}`;
    if (/^(no throw|does not throw)\b/.test(c.expected)) {
      try {
        await value();
      } catch (error) {
        failures.push(`${where}\n    expected no throw, got ${(error as Error)?.name}: ${(error as Error)?.message}`);
      }
      done++;
      return;
    }
    if (/^throws\b/.test(c.expected)) {
      try {
        const v = await value();
        failures.push(`${where}\n    expected it to throw (${c.expected}), got ${inspect(v, { depth: 2 })}`);
      } catch (error) {
        const why = throwsMismatch(error, c.expected);
        if (why) failures.push(`${where}\n    ${why}`);
      }
      done++;
      return;
    }
    const actual = await value();
    const why = compare(actual, c.expected);
    if (why) failures.push(`${where}\n    ${why}`);
    done++;
  };
  // console.log inside the example is recorded: a `// =>` after a statement without a value checks what it printed
  const logs: unknown[][] = [];
  let markAt = 0;
  const NONE = Symbol('none');
  let last: unknown = NONE;
  const exampleConsole = Object.assign(Object.create(console) as Console, { log: (...args: unknown[]) => void logs.push(args) });
  const mark = () => {
    markAt = logs.length;
    last = NONE;
  };
  const setLast = (v: unknown) => {
    last = v;
  };
  const checkLog = async (id: number) => {
    const c = checks[id]!;
    const where = `${options.where}, example line ${c.line}: ${c.source.split('\n')[0]}`;
    const printed = logs.slice(markAt);
    done++;
    if (printed.length === 0) {
      if (last === NONE) return void failures.push(`${where}\n    expected it to print ${c.expected}, it printed nothing`);
      const why = compare(await last, c.expected);
      if (why) failures.push(`${where}\n    ${why}`);
      return;
    }
    const line = printed[printed.length - 1]!;
    const why = line.length === 1 ? compare(line[0], c.expected) : compare(line, `[${c.expected.replace(/(['"\d\]}])\s+(?=['"\d[{-])/g, '$1, ')}]`);
    if (why) failures.push(`${where}\n    ${why}`);
  };
  const body = `"use strict";\nconst { ${names.join(', ')} } = __scope;\n{\n${js}\n}`;
  const fn = new AsyncFunction('__import', '__check', '__mark', '__checkLog', '__setLast', '__scope', 'console', body);
  try {
    await fn(importMapped, check, mark, checkLog, setLast, scope, exampleConsole);
  } catch (error) {
    const e = error as Error;
    failures.push(`${options.where}: the code threw ${e?.name}: ${e?.message}`);
  }
  if (done < checks.length && failures.length === 0) failures.push(`${options.where}: only ${done} of ${checks.length} // => lines were reached`);
  if (failures.length) throw new Error(failures.join('\n'));
  return done;
}

export async function runExample(ex: DocExample): Promise<number> {
  return runCode(ex.code, { where: `${ex.file.slice(ROOT.length + 1)}:${ex.line} (${ex.name})`, ...(ex.domain ? { domain: ex.domain } : {}) });
}
