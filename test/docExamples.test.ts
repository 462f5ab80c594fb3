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
import { collectExamples, runExample, SRC, type DocExample } from './docRunner.js';

const examples: DocExample[] = collectExamples();
const byFile = new Map<string, DocExample[]>();
for (const e of examples) {
  const list = byFile.get(e.file) ?? [];
  list.push(e);
  byFile.set(e.file, list);
}

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
