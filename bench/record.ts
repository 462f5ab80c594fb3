/**
 * Records a bench's results in bench/README.md, inside its own section between
 * `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` (added at the end if missing), stamped with
 * the machine and Node version. Each bench owns one section; nothing else in the file is touched.
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

export function record(name: string, title: string, markdownBody: string): void {
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
