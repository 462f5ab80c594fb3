/**
 * Every `@example` in the doc blocks of src/ runs, and every `expr; // => value` line in it is true.
 *
 * Each example is cut out of its doc block, its imports of `yieldcraft` / `yieldcraft/<domain>` are
 * pointed at the sources (src/index.ts, src/<domain>/index.ts), names it uses without importing come
 * from the package root and its own domain, and it runs as an async function (top-level `await` allowed).
 * The value of every statement followed by `// => expected` is compared with the expected text (see
 * test/docRunner.ts for the tolerant comparison). An example that cannot run on its own says so on the
 * line after `@example` with `// (not run: needs …)`, and is reported here as skipped with that reason.
 */
import { relative } from 'node:path';
import { describe, it } from 'vitest';
import { collectExamples, compare, runCode, runExample, SRC, type DocExample } from './docRunner.js';

const examples: DocExample[] = collectExamples();
const byFile = new Map<string, DocExample[]>();
for (const e of examples) {
  const list = byFile.get(e.file) ?? [];
  list.push(e);
  byFile.set(e.file, list);
}

describe('the // => comparison is tolerant where documentation is, and strict elsewhere', () => {
  it('accepts what is printed, to the digits shown, with … for the rest', ({ expect }) => {
    expect(compare(16.717484421033475, '16.717484421033475')).toBeNull();
    expect(compare(190.6543, '190.65 (up to rounding)')).toBeNull();
    expect(compare(1 / 3, '0.3333…')).toBeNull();
    expect(compare([0, 40, 80, 120], '[0, 40, …]')).toBeNull();
    expect(compare(Float64Array.from([1, 2.5]), 'Float64Array [1, 2.5]')).toBeNull();
    expect(compare({ status: 'optimal', objective: 36000, timings: {} }, "{ status: 'optimal', objective: 36000, … }")).toBeNull();
    expect(compare(new Map([['Direct', 4]]), "Map { 'Direct' => 4 }")).toBeNull();
    expect(compare(4 / 3, '(1 + 1 + 2) / 3 = 1.3333…')).toBeNull();
  });

  it('rejects wrong numbers, lengths, fields and strings', ({ expect }) => {
    expect(compare(16.7175, '16.717484421033475')).not.toBeNull();
    expect(compare(190.7, '190.65')).not.toBeNull();
    expect(compare([0, 40, 80], '[0, 40]')).not.toBeNull();
    expect(compare({ status: 'solver-failed' }, "{ status: 'optimal' }")).not.toBeNull();
    expect(compare('2016-02-28', "'2016-02-29'")).not.toBeNull();
    expect(compare(new Map([['Direct', 5]]), "Map { 'Direct' => 4 }")).not.toBeNull();
  });

  it('fails an example whose // => line is false, or whose throw is not the one announced', async ({ expect }) => {
    await expect(runCode("import { littlewood } from 'yieldcraft/optimize';\nlittlewood({ kind: 'poisson', mean: 20 }, 499, 99); // => 25", { where: 'a false example' })).rejects.toThrow(/expected 25, got 24/);
    await expect(runCode("import { littlewood } from 'yieldcraft/optimize';\nlittlewood({ kind: 'poisson', mean: 20 }, 499, 99); // => throws YieldInputError", { where: 'no throw' })).rejects.toThrow(/expected it to throw/);
    await expect(runCode("import { littlewood } from 'yieldcraft/optimize';\nlittlewood({ kind: 'poisson', mean: -1 }, 499, 99); // => throws YieldInputError 'highDemand.mean'", { where: 'a throw' })).resolves.toBe(1);
  });
});

describe('every @example of src/ runs and its // => lines are true', () => {
  it('finds the examples (a parser that finds none would pass vacuously)', ({ expect }) => {
    expect(examples.length).toBeGreaterThan(100);
    expect(examples.filter((e) => e.checks > 0).length).toBeGreaterThan(80);
  });

  it('says which examples are not run and why (few of them)', ({ expect }) => {
    const skipped = examples.filter((e) => e.skip !== undefined);
    for (const e of skipped) console.log(`not run: ${relative(SRC, e.file)}:${e.line} ${e.name} — ${e.skip}`);
    expect(skipped.length).toBeLessThanOrEqual(15);
  });

  for (const [file, list] of byFile) {
    describe(relative(SRC, file), () => {
      for (const ex of list) {
        const title = `${ex.name} (line ${ex.line})`;
        if (ex.skip !== undefined) {
          it.skip(`${title} — not run: ${ex.skip}`, () => {});
          continue;
        }
        it(`${title}: ${ex.checks} // => line${ex.checks === 1 ? '' : 's'} hold`, async () => {
          await runExample(ex);
        }, 60_000);
      }
    });
  }
});
