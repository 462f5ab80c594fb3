/**
 * Every ```ts block of README.md and docs/*.md is TypeScript that runs, with its imports of
 * `yieldcraft` / `yieldcraft/<domain>` pointed at the sources, and every `// =>` line in it is true
 * (same runner and comparison as the @example test: test/docRunner.ts). Blocks are independent: each
 * imports what it uses. Code that is not meant to run (shell commands, output, diagrams) uses another
 * fence language (```sh, ```text, ```json); a ```ts block that cannot run on its own starts with
 * `// (not run: needs …)` and is reported here as skipped with that reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { countChecks, notRunnable, ROOT, runCode } from './docRunner.js';

interface Block {
  readonly file: string;
  readonly line: number;
  readonly heading: string;
  readonly code: string;
  readonly skip?: string;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const out: Block[] = [];
  let heading = '(top)';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const h = /^#{1,6}\s+(.*)$/.exec(l);
    if (h) heading = h[1]!.trim();
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(l);
    if (!open) continue;
    const fence = open[2]!;
    const lang = open[3]!.toLowerCase();
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) j++;
    if (lang === 'ts' || lang === 'typescript') {
      const code = lines.slice(i + 1, j).map((x) => x.slice(open[1]!.length)).join('\n');
      const first = code.split('\n').find((x) => x.trim()) ?? '';
      const nr = /^\s*\/\/\s*\(not run:\s*(.*?)\)?\s*$/.exec(first);
      const skip = nr ? nr[1]!.trim() : notRunnable(code);
      out.push({ file, line: i + 2, heading, code, ...(skip !== undefined ? { skip } : {}) });
    }
    i = j;
  }
  return out;
}

const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const blocks = files.flatMap(blocksOf);

describe('every ```ts block of README.md and docs/ runs', () => {
  it('finds the blocks (a parser that finds none would pass vacuously)', ({ expect }) => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it('says which blocks are not run and why (few of them)', ({ expect }) => {
    const skipped = blocks.filter((b) => b.skip !== undefined);
    for (const b of skipped) console.log(`not run: ${b.file}:${b.line} (${b.heading}) — ${b.skip}`);
    expect(skipped.length).toBeLessThanOrEqual(8);
  });

  for (const file of files) {
    const list = blocks.filter((b) => b.file === file);
    if (list.length === 0) continue;
    describe(file, () => {
      for (const b of list) {
        const title = `line ${b.line} (${b.heading})`;
        if (b.skip !== undefined) {
          it.skip(`${title} — not run: ${b.skip}`, () => {});
          continue;
        }
        const n = countChecks(b.code);
        it(`${title} runs${n ? `, ${n} // => line${n === 1 ? '' : 's'} hold` : ''}`, async () => {
          await runCode(b.code, { where: `${b.file}:${b.line}` });
        }, 60_000);
      }
    });
  }
});
