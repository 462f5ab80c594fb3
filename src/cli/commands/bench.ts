/**
 * `yieldcraft bench`: a quick benchmark of the installed package on this machine — the booking path
 * (`decide` with nested limits and with bid prices on a 500-leg network), the DLP of a one-year hotel
 * (first and warm solve), and the simulator (requests replayed per second with fixed bid prices) — with
 * the machine, Node version and load. The full suite with its baselines (C, R, the Topaloglu instances)
 * is `npm run bench` in a clone of the repository.
 */
import { cpus, loadavg } from 'node:os';
import { integerFlag, parseCommand, positionals } from '../args.js';
import type { CliIo } from '../io.js';
import { progressBar } from '../progress.js';
import { nestedLimitControls } from '../../control/nestedLimitControls.js';
import { nestedLimitState } from '../../control/nestedLimitState.js';
import { bidPriceControls } from '../../control/bidPriceControls.js';
import { networkBookingState } from '../../control/bookingState.js';
import { decide } from '../../control/decide.js';
import { createDecision } from '../../model/bookingPath.js';
import { hotelNetwork } from '../../model/hotel.js';
import { dlp } from '../../optimize/network/dlp.js';
import { simulatePolicies } from '../../simulate/simulatePolicies.js';
import { fcfsPolicy } from '../../simulate/policies/fcfsPolicy.js';
import { mulberry32 } from '../../internal/rng.js';
import type { Network } from '../../model/index.js';
import type { NetworkBookingProcess } from '../../model/bookingProcess.js';

interface Row {
  readonly what: string;
  readonly value: number;
  readonly unit: string;
}

/** Calls `f` in batches for about `seconds`, returning calls per second. */
function rate(f: (k: number) => void, seconds: number): number {
  for (let k = 0; k < 10_000; k++) f(k); // warm up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let k = 0; k < 20_000; k++) f(n + k);
    n += 20_000;
    t = performance.now();
  }
  return (n / (t - t0)) * 1000;
}

function airline(legs: number, products: number): Network {
  const rng = mulberry32(500);
  const resources = Array.from({ length: legs }, (_, i) => ({ id: `L${i}`, capacity: 100 + Math.floor(rng() * 100) }));
  return {
    resources,
    products: Array.from({ length: products }, (_, j) => {
      const a = Math.floor(rng() * legs);
      const b = (a + 1 + Math.floor(rng() * (legs - 1))) % legs;
      return { id: `P${j}`, fare: 50 + Math.floor(rng() * 450), resources: rng() < 0.5 ? [`L${a}`] : [`L${a}`, `L${b}`], demand: 1 + rng() * 10 };
    }),
  };
}

function hotelYear(): Network {
  const start = Date.UTC(2026, 0, 1);
  const nights = Array.from({ length: 365 }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), capacity: 200 }));
  const rates = [160, 140, 120, 100, 85, 70].map((price, k) => ({ id: `R${k}`, price }));
  return hotelNetwork({ nights, rates, maxLengthOfStay: 7, demand: (_a, los, rate) => (10 / los) * (1 + Number(rate.id.slice(1)) / 3) });
}

export async function benchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('bench', argv, { seconds: { type: 'string' } });
  if (p.values.help) return -1;
  positionals(p.positionals, [], 'bench');
  const seconds = integerFlag(p.values.seconds, 'seconds', 'bench', 1, 1);
  const bar = progressBar(io, 'bench');
  const rows: Row[] = [];

  bar.update(0, 5, 'decide, nested limits');
  const nested = nestedLimitControls([100, 70, 45, 32]);
  const nestedState = nestedLimitState(nested, { sold: [0, 10, 10, 20] });
  const out = createDecision();
  const reqs = [0, 1, 2, 3].map((product) => ({ product }));
  rows.push({ what: 'decide, nested limits (4 classes)', value: rate((k) => decide(reqs[k & 3]!, nestedState, nested, out), seconds), unit: 'decisions/s' });

  bar.update(1, 5, 'decide, bid prices');
  const net = airline(500, 2000);
  const prices = Object.fromEntries(net.resources.map((r, i) => [r.id, 40 + (i % 50)]));
  const bp = bidPriceControls(net, prices);
  const bpState = networkBookingState(bp);
  const bpReqs = Array.from({ length: 1024 }, (_, k) => ({ product: (k * 7919) % 2000 }));
  rows.push({ what: 'decide, bid prices (500 legs, 2,000 products)', value: rate((k) => decide(bpReqs[k & 1023]!, bpState, bp, out), seconds), unit: 'decisions/s' });

  bar.update(2, 5, 'DLP, one-year hotel');
  const year = hotelYear();
  let t0 = performance.now();
  const first = await dlp(year);
  const firstMs = performance.now() - t0;
  t0 = performance.now();
  const warm = await dlp(year);
  const warmMs = performance.now() - t0;
  if (first.status !== 'optimal' || warm.status !== 'optimal') {
    bar.done();
    io.err(`bench: the LP solver failed: ${'message' in first ? first.message : ''}\n`);
    return 1;
  }
  rows.push({ what: `DLP, one-year hotel (${year.products.length.toLocaleString('en-US')} stays), first solve in this process`, value: firstMs, unit: 'ms' });
  rows.push({ what: 'DLP, one-year hotel, warm', value: warmMs, unit: 'ms' });

  bar.update(4, 5, 'simulator');
  const T = 20_000;
  const nP = 200;
  const small = airline(40, nP);
  const bookingProcess: NetworkBookingProcess = { network: small, periods: T, arrivalProbabilities: new Float64Array(T * nP).fill(0.9 / nP) };
  t0 = performance.now();
  const sim = await simulatePolicies(bookingProcess, [fcfsPolicy()], { trajectories: 20, reoptimizations: 1 });
  const simMs = performance.now() - t0;
  rows.push({ what: 'simulator, fixed bid prices (demand generation included)', value: (sim.policies[0]!.metrics.requests.mean * 20 * 1000) / simMs, unit: 'requests/s' });
  bar.update(5, 5);
  bar.done();

  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadAverage: loadavg()[0] ?? 0 };
  if (p.values.json) {
    io.out(`${JSON.stringify({ machine, seconds, results: rows }, null, 2)}\n`);
    return 0;
  }
  const fmt = (r: Row) => (r.unit === 'ms' ? `${r.value.toFixed(0)} ms` : `${Math.round(r.value).toLocaleString('en-US')} ${r.unit}`);
  const w = Math.max(...rows.map((r) => r.what.length));
  io.out(`yieldcraft bench · ${machine.cpu} · ${machine.cores} cores · Node ${machine.node} · load ${machine.loadAverage.toFixed(1)}\n\n`);
  for (const r of rows) io.out(`  ${r.what.padEnd(w)}  ${fmt(r).padStart(22)}\n`);
  io.out('\n(the full suite with its baselines: `npm run bench` in a clone of the repository; see bench/README.md)\n');
  return 0;
}
