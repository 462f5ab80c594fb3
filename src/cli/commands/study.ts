/**
 * The Monte Carlo commands: `simulate` (policies on a scenario's booking process), `whatif` (a
 * scenario and its variations), `merge` (shards into one result) and `report` (HTML or Markdown).
 *
 * `--shard k/n` (k = 0 … n − 1, as array-job indexes count) plays trajectories
 * [⌊k·T/n⌋, ⌊(k+1)·T/n⌋) of the T the study asks for; `yieldcraft merge` of the n shard files gives
 * exactly the result of the single run.
 */
import { dirname, resolve } from 'node:path';
import { choiceFlag, integerFlag, parseCommand, positionals } from '../args.js';
import { InputFileError, UsageError, inFile, inFileAsync } from '../errors.js';
import { readBookings, readJson, writeJson, writeText, type CliIo } from '../io.js';
import { progressBar } from '../progress.js';
import { money, share, table } from '../format.js';
import { parseScenario, parseVariations, type Scenario, type Variation } from '../../scenario/scenario.js';
import { mergeWhatIf, resolveDemand, whatIf, type WhatIfResult } from '../../scenario/whatIf.js';
import { applyVariation } from '../../scenario/applyVariation.js';
import { hotelBookingProcess } from '../../simulate/hotelBookingProcess.js';
import { mergeSimulations, simulatePolicies, type SimulationResult } from '../../simulate/simulatePolicies.js';
import type { PolicySpec } from '../../simulate/policy.js';
import { renderReport } from '../../report/renderReport.js';
import type { BookingRecord } from '../../history/bookingRecord.js';
import { YieldInputError } from '../../model/errors.js';

/** Parses `--shard k/n` into the trajectory range of shard k of n over `total` trajectories. */
export function shardRange(value: string | undefined, total: number, command: string): { first: number; count: number } {
  if (value === undefined) return { first: 0, count: total };
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) throw new UsageError(`--shard must be k/n with 0 ≤ k < n (e.g. 0/10), got ${JSON.stringify(value)}`, command);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (!(n >= 1) || k >= n) throw new UsageError(`--shard ${value}: k must be 0 … n − 1 (array-job indexes start at 0)`, command);
  if (n > total) throw new UsageError(`--shard ${value}: more shards than the ${total} trajectories`, command);
  const first = Math.floor((k * total) / n);
  return { first, count: Math.floor(((k + 1) * total) / n) - first };
}

/** Runs a study: a YieldInputError about the scenario is the file's; one about the run's options is not. */
async function inStudy<T>(file: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof YieldInputError && !e.path.startsWith('options')) throw InputFileError.from(file, e);
    throw e;
  }
}

/** Reads a scenario file: the scenario, its variations (inline `variations` or none) and its history. */
async function loadScenario(io: CliIo, file: string): Promise<{ scenario: Scenario; variations: Variation[]; history?: BookingRecord[] }> {
  const json = await readJson(io, file);
  const scenario = inFile(file, () => parseScenario(json));
  const inline = (json as { variations?: unknown }).variations;
  const variations = inline === undefined ? [] : inFile(file, () => parseVariations(inline), 'variations');
  let history: BookingRecord[] | undefined;
  if (scenario.demand.source === 'history') {
    if (scenario.demand.file === undefined) throw new InputFileError(file, [{ path: 'demand.file', message: 'is required when demand.source is "history" (the booking CSV, relative to the scenario file)' }]);
    const csv = resolve(io.cwd, dirname(file), scenario.demand.file);
    history = (await readBookings(io, csv)).records;
  }
  return { scenario, variations, history };
}

const STUDY_OPTIONS = {
  trajectories: { type: 'string' },
  shard: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
} as const;

export async function whatifCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('whatif', argv, { ...STUDY_OPTIONS, variations: { type: 'string' } });
  if (p.values.help) return -1;
  const [file] = positionals(p.positionals, ['scenario.json'], 'whatif');
  const workers = integerFlag(p.values.workers, 'workers', 'whatif', 1, 1);
  const loaded = await loadScenario(io, file!);
  let variations = loaded.variations;
  if (p.values.variations !== undefined) {
    const v = await readJson(io, p.values.variations);
    variations = inFile(p.values.variations, () => parseVariations(v));
  }
  const total = integerFlag(p.values.trajectories, 'trajectories', 'whatif', 1, loaded.scenario.simulation?.trajectories ?? 200);
  const { first, count } = shardRange(p.values.shard, total, 'whatif');
  const bar = progressBar(io, 'whatif');
  const r = await inStudy(file!, () =>
    whatIf(loaded.scenario, variations, { history: loaded.history, trajectories: count, firstTrajectory: first, workers, onProgress: (d, t) => bar.update(d, t) }),
  );
  bar.done();
  if (r.status !== 'ok') {
    io.err(`${file}: demand: ${r.message}\n`);
    return 1;
  }
  if (p.values.out) await writeJson(io, p.values.out, r);
  if (p.values.json) io.out(JSON.stringify(r) + '\n');
  else io.out(whatIfTable(r) + (p.values.out ? `\n  result written to ${p.values.out}${p.values.shard ? ` (shard ${p.values.shard}: trajectories ${first}–${first + count - 1})` : ''}\n` : ''));
  return 0;
}

/** A what-if result as a short terminal table. */
export function whatIfTable(r: WhatIfResult): string {
  const pm = (h: number | null) => (h === null ? '' : ` ± ${money(h)}`);
  const diff = (d: { mean: number; halfWidth: number | null } | undefined) => (d ? `${d.mean >= 0 ? '+' : ''}${money(d.mean)}${pm(d.halfWidth)}` : '—');
  const rows = [
    ['variation', 'policy', 'revenue', 'vs baseline', 'contribution', 'vs baseline', 'occupancy', 'walked'],
    ...[r.baseline, ...r.variations].map((v) => [
      v.name,
      v.policy,
      money(v.metrics.revenue.mean),
      diff(v.difference?.revenue),
      money(v.metrics.contribution.mean),
      diff(v.difference?.contribution),
      share(v.metrics.occupancy.mean),
      v.metrics.deniedService.mean.toFixed(1),
    ]),
  ];
  if (r.hindsight) rows.push(['perfect hindsight (bound)', '', '', '', `${money(r.hindsight.mean)}${pm(r.hindsight.halfWidth)}`, diff({ mean: r.hindsight.mean - r.baseline.metrics.contribution.mean, halfWidth: null }), '', '']);
  return (
    `\nwhat-if · ${r.scenario.name} · ${r.trajectories} trajectories from #${r.firstTrajectory} (seed ${r.seed}, ${Math.round(r.level * 100)} % intervals)\n\n` +
    table(rows, [2, 3, 4, 5, 6, 7]) +
    '  Revenue and contribution of the bookings still to come (rooms already on the books are sunk); ± the interval of the paired difference.\n'
  );
}

export async function simulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('simulate', argv, { ...STUDY_OPTIONS, policies: { type: 'string' }, hindsight: { type: 'boolean' } });
  if (p.values.help) return -1;
  const [file] = positionals(p.positionals, ['scenario.json'], 'simulate');
  const workers = integerFlag(p.values.workers, 'workers', 'simulate', 1, 1);
  const kinds = ['fcfs', 'dlp', 'rlp', 'davn', 'emsrb-per-night', 'dp-decomposition', 'lagrangian'] as const;
  const policyKinds = p.values.policies === undefined ? undefined : p.values.policies.split(',').map((s) => choiceFlag(s.trim(), 'policies', 'simulate', kinds, 'fcfs'));
  const loaded = await loadScenario(io, file!);
  const total = integerFlag(p.values.trajectories, 'trajectories', 'simulate', 1, loaded.scenario.simulation?.trajectories ?? 200);
  const { first, count } = shardRange(p.values.shard, total, 'simulate');
  const demand = inFile(file!, () => resolveDemand(loaded.scenario, loaded.history));
  if ('status' in demand) {
    io.err(`${file}: demand: ${demand.message}\n`);
    return 1;
  }
  const inputs = inFile(file!, () => applyVariation(loaded.scenario, demand, [], 'scenario'));
  const process = inFile(file!, () => hotelBookingProcess(inputs.input));
  const policies: PolicySpec[] = policyKinds ? policyKinds.map((kind) => ({ kind })) : [inputs.policy];
  const bar = progressBar(io, 'simulate');
  const r = await inStudy(file!, () =>
    simulatePolicies(process, policies, {
      trajectories: count,
      firstTrajectory: first,
      seed: loaded.scenario.simulation?.seed,
      level: loaded.scenario.simulation?.level,
      reoptimizations: loaded.scenario.simulation?.reoptimizations,
      hindsight: p.values.hindsight ?? loaded.scenario.simulation?.hindsight ?? false,
      workers,
      onProgress: (d, t) => bar.update(d, t),
    }),
  );
  bar.done();
  if (p.values.out) await writeJson(io, p.values.out, r);
  if (p.values.json) io.out(JSON.stringify(r) + '\n');
  else io.out(simulationTable(r) + (p.values.out ? `\n  result written to ${p.values.out}\n` : ''));
  return 0;
}

/** A simulation result as a short terminal table. */
export function simulationTable(r: SimulationResult): string {
  const pm = (h: number | null) => (h === null ? '' : ` ± ${money(h)}`);
  const rows = [
    ['policy', 'revenue', 'vs first', 'contribution', 'occupancy', 'walked'],
    ...r.policies.map((q) => [
      q.name,
      `${money(q.metrics.revenue.mean)}${pm(q.metrics.revenue.halfWidth)}`,
      q.differenceToFirst ? `${money(q.differenceToFirst.revenue.mean)}${pm(q.differenceToFirst.revenue.halfWidth)}` : '—',
      money(q.metrics.contribution.mean),
      share(q.metrics.occupancy.mean),
      q.metrics.deniedService.mean.toFixed(1),
    ]),
  ];
  if (r.hindsight) rows.push(['perfect hindsight (bound)', '', '', `${money(r.hindsight.mean)}${pm(r.hindsight.halfWidth)}`, '', '']);
  return `\nsimulation · ${r.trajectories} trajectories from #${r.firstTrajectory} (seed ${r.seed})\n\n` + table(rows, [1, 2, 3, 4, 5]);
}

export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('merge', argv, { out: { type: 'string' } });
  if (p.values.help) return -1;
  if (p.positionals.length === 0) throw new UsageError('missing <shard.json> … (the shard results to merge)', 'merge');
  const parts: unknown[] = [];
  for (const f of p.positionals) parts.push(await readJson(io, f));
  const kinds = new Set(parts.map((x) => (x as { kind?: unknown } | null)?.kind));
  let merged: SimulationResult | WhatIfResult;
  const where = p.positionals.join(', ');
  if (kinds.size === 1 && kinds.has('simulation')) merged = inFile(where, () => mergeSimulations(parts as SimulationResult[]));
  else if (kinds.size === 1 && kinds.has('what-if')) merged = inFile(where, () => mergeWhatIf(parts as WhatIfResult[]));
  else
    throw new InputFileError(where, [{ path: 'kind', message: "every shard must be a result of the same command (kind 'simulation' or 'what-if')" }]);
  if (p.values.out) await writeJson(io, p.values.out, merged);
  if (p.values.json || !p.values.out) io.out(JSON.stringify(merged) + '\n');
  else io.out(`merged ${parts.length} shard(s), ${merged.trajectories} trajectories, into ${p.values.out}\n`);
  return 0;
}

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('report', argv, { format: { type: 'string' }, out: { type: 'string' } });
  if (p.values.help) return -1;
  const [file] = positionals(p.positionals, ['result.json'], 'report');
  const format = choiceFlag(p.values.format, 'format', 'report', ['html', 'markdown'] as const, p.values.out?.endsWith('.md') ? 'markdown' : 'html');
  const json = (await readJson(io, file!)) as { kind?: unknown };
  if (json === null || typeof json !== 'object' || (json.kind !== 'simulation' && json.kind !== 'what-if'))
    throw new InputFileError(file!, [{ path: 'kind', message: "must be 'simulation' or 'what-if' (a result of yieldcraft simulate / whatif / merge)" }]);
  const text = await inFileAsync(file!, () => renderReport(json as SimulationResult, { format }));
  if (p.values.out) {
    await writeText(io, p.values.out, text);
    io.out(`${p.values.out}\n`);
  } else io.out(text);
  return 0;
}
