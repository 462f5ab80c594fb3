import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { shardRange } from '../../src/cli/commands/study.js';
import type { CliIo } from '../../src/cli/io.js';
import { smallScenario } from '../scenario/fixtures.js';

async function run(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), errIsTTY: false, cwd };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('shardRange', () => {
  it('splits T trajectories into n contiguous ranges that cover each once', () => {
    for (const [T, n] of [[10, 3], [7, 7], [1000, 16], [5, 1]] as const) {
      const ranges = Array.from({ length: n }, (_, k) => shardRange(`${k}/${n}`, T, 'whatif'));
      expect(ranges[0]!.first).toBe(0);
      ranges.forEach((r, k) => k > 0 && expect(r.first).toBe(ranges[k - 1]!.first + ranges[k - 1]!.count));
      expect(ranges.reduce((s, r) => s + r.count, 0)).toBe(T);
      expect(Math.max(...ranges.map((r) => r.count)) - Math.min(...ranges.map((r) => r.count))).toBeLessThanOrEqual(1);
    }
  });
});

describe('yieldcraft whatif / simulate / merge / report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-study-'));
  beforeAll(() => {
    writeFileSync(
      join(dir, 'scenario.json'),
      JSON.stringify({ ...smallScenario(), variations: [{ name: 'first come, first served', changes: [{ kind: 'policy', policy: { kind: 'fcfs' } }] }] }),
    );
  });

  it('whatif --shard k/n for every k, merged, equals the single run (what an array job does)', async () => {
    const whole = await run(['whatif', 'scenario.json', '--trajectories', '9', '--out', 'whole.json'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/first come, first served/);
    for (const k of [0, 1, 2]) {
      const r = await run(['whatif', 'scenario.json', '--trajectories', '9', '--shard', `${k}/3`, '--out', `shard-${k}.json`], dir);
      expect(r.code, r.stderr).toBe(0);
    }
    const m = await run(['merge', 'shard-2.json', 'shard-0.json', 'shard-1.json', '--out', 'merged.json'], dir);
    expect(m.code, m.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(b.baseline.values).toEqual(a.baseline.values);
    expect(b.baseline.metrics).toEqual(a.baseline.metrics);
    expect(b.variations[0].difference).toEqual(a.variations[0].difference);
  });

  it('simulate --policies runs each policy on the same trajectories; report renders the result', async () => {
    const r = await run(['simulate', 'scenario.json', '--policies', 'fcfs,dlp', '--trajectories', '4', '--out', 'sim.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const sim = JSON.parse(readFileSync(join(dir, 'sim.json'), 'utf8'));
    expect(sim.kind).toBe('simulation');
    expect(sim.policies).toHaveLength(2);
    const md = await run(['report', 'sim.json', '--format', 'markdown'], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# Simulation of booking policies/);
    const html = await run(['report', 'whole.json', '--out', 'report.html'], dir);
    expect(html.code, html.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<svg/);
  });

  it('simulate --policies dp-decomposition,lagrangian runs the leg-DP policies on the scenario hotel, under its hindsight bound', async () => {
    const r = await run(['simulate', 'scenario.json', '--policies', 'dp-decomposition,lagrangian', '--trajectories', '3', '--hindsight', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const sim = JSON.parse(r.stdout);
    expect(sim.policies.map((p: { name: string }) => p.name)).toEqual(['DP decomposition (DLP duals)', 'Lagrangian relaxation (Topaloglu 2009)']);
    for (const p of sim.policies)
      p.values.contribution.forEach((c: number, k: number) => expect(sim.hindsight.values[k]).toBeGreaterThanOrEqual(c - 1e-6));
  });

  it('a scenario with mistakes exits 1 with one file: field: problem line per mistake', async () => {
    const bad = smallScenario() as unknown as Record<string, any>;
    bad.hotel.rooms = 0;
    bad.hotel.segments.Business.noShow = -1;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const r = await run(['whatif', 'bad.json'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.some((l) => l.startsWith('bad.json: hotel.rooms: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('bad.json: hotel.segments.Business.noShow: '))).toBe(true);
  });

  it('a malformed --shard, or shards of different studies, are refused', async () => {
    expect((await run(['whatif', 'scenario.json', '--shard', '3/3'], dir)).code).toBe(2);
    expect((await run(['whatif', 'scenario.json', '--shard', 'half'], dir)).code).toBe(2);
    const r = await run(['merge', 'shard-0.json', 'sim.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/same command/);
  });
});
