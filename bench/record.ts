/**
 * Records a bench's results in bench/README.md, inside its own section between
 * `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` (added at the end if missing), stamped with
 * the machine and Node version. Each bench owns one section; nothing else in the file is touched.
 * Nothing is written unless the run was started with `--record`.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, arch } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const README = join(dirname(fileURLToPath(import.meta.url)), 'README.md');

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()}-${arch()}, Node ${process.version}`;
}

/** Whether this run was asked to write bench/README.md (`--record`); without it benches only print. */
export const recording = process.argv.includes('--record');

/**
 * Writes the section `name` of bench/README.md, only when the run was started with `--record`
 * (`npm run bench -- NAME --record`): a plain run never rewrites a tracked file.
 */
export function record(name: string, title: string, markdownBody: string): void {
  if (!recording) {
    console.log(`\n(bench/README.md not written: run with --record to record section '${name}')`);
    return;
  }
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const stamp = `_Recorded ${new Date().toISOString().slice(0, 10)} on ${machine()}._`;
  const section = `${start}\n## ${title}\n\n${stamp}\n\n${markdownBody.trim()}\n${end}`;
  let text = existsSync(README) ? readFileSync(README, 'utf8') : '# Benchmarks\n\nRun `npm run bench` (all) or `npm run bench -- NAME` (one).\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + section + text.slice(j + end.length);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(README, text);
}

/** Times `fn` repeatedly for at least `minMs`; returns operations per second. */
export function opsPerSecond(fn: () => unknown, minMs = 1000): { opsPerSec: number; iterations: number } {
  for (let i = 0; i < 10; i++) fn(); // warm up
  let iterations = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < 100; i++) fn();
    iterations += 100;
    t = performance.now();
  }
  return { opsPerSec: (iterations * 1000) / (t - t0), iterations };
}

/**
 * A progress printer for long benches: `tick(done)` prints `label: done/total (elapsed, ETA)` to stderr at
 * most every `everyMs` (default 2 s), so no bench is silent for more than a few seconds.
 */
export function progress(label: string, total: number, everyMs = 2000): { tick(done: number, note?: string): void; done(): void } {
  const t0 = performance.now();
  let last = t0;
  return {
    tick(done: number, note?: string) {
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      const s = (now - t0) / 1000;
      const eta = done > 0 ? ` ETA ${((s / done) * (total - done)).toFixed(0)} s` : '';
      process.stderr.write(`  ${label}: ${done}/${total} (${s.toFixed(0)} s${eta})${note ? ` ${note}` : ''}\n`);
    },
    done() {
      if (performance.now() - t0 >= everyMs) process.stderr.write(`  ${label}: done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    },
  };
}
