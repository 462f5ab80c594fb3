import type { Network, NetworkProduct, NetworkResource } from '../../model/index.js';
import { fail, object, positiveInteger } from '../../internal/validate.js';
import { loadHighs } from '../lp/configureLpSolvers.js';
import { dlp } from './dlp.js';

export interface WarmUpDlpOptions {
  /** Nights of the synthetic hotel (whole, 1…3650); default 365 (a year: ≈ 12,700 stays). */
  readonly nights?: number;
  /** How many times its DLP is solved (whole, 1…20); default 3. */
  readonly rounds?: number;
}

/** Defaults of {@link WarmUpDlpOptions}. */
export const WARM_UP_DLP_DEFAULTS = { nights: 365, rounds: 3 } as const satisfies Required<WarmUpDlpOptions>;

/** The largest `nights` accepted: ten years (≈ 127,000 stays, tens of seconds of solving). */
const MAX_NIGHTS = 3650;
/** The largest `rounds` accepted. */
const MAX_ROUNDS = 20;

export interface WarmUpDlpOk {
  readonly status: 'ok';
  /** Loading HiGHS (import + WebAssembly instantiation), ms; ≈ 0 when it was already loaded. */
  readonly loadMs: number;
  /** Building the synthetic network (plain objects), ms. */
  readonly buildMs: number;
  /** Wall time of each round's `dlp` call (compile the network, solve, read back), ms, in order. */
  readonly solveMs: readonly number[];
}

export interface WarmUpDlpFailed {
  readonly status: 'solver-failed';
  /** What failed: HiGHS could not be loaded, or a round's DLP did not solve. */
  readonly message: string;
  readonly loadMs: number;
  readonly buildMs: number;
  /** The rounds solved before the failure (the failed one included when it got to the solver). */
  readonly solveMs: readonly number[];
}

/** The result of {@link warmUpDlp}. */
export type WarmUpDlpResult = WarmUpDlpOk | WarmUpDlpFailed;

/** The synthetic hotel's rates per night, high → low (money). */
const RATES = [240, 190, 150, 115, 85] as const;

/**
 * The synthetic hotel that {@link warmUpDlp} solves (deterministic): `nights` nights of 120 rooms on
 * weekdays and 160 on the two weekend nights of each week; a stay of L = 1…7 nights (not past the last
 * night) at each of five rates (240, 190, 150, 115, 85 per night) with fare rate × L × (1 − 0.04 (L − 1))
 * and mean demand 10 u / √L, u uniform in [0, 1) from a fixed linear congruential sequence. Stays are
 * listed by arrival, then length, then rate. Away from the first and last six nights the stays over a
 * night ask for 1.9–3.3 times its rooms, so the LP has many binding rows, as a busy real year does. @internal exported for tests and the bench
 */
export function warmUpNetwork(nights: number): Network {
  const resources: NetworkResource[] = [];
  for (let i = 0; i < nights; i++) resources.push({ id: `night-${i}`, capacity: i % 7 >= 5 ? 160 : 120 });
  const products: NetworkProduct[] = [];
  let s = 20240601;
  for (let a = 0; a < nights; a++) {
    for (let L = 1; L <= 7 && a + L <= nights; L++) {
      const uses: string[] = [];
      for (let k = 0; k < L; k++) uses.push(`night-${a + k}`);
      for (const rate of RATES) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0; // glibc's LCG constants, mod 2³²
        const u = (s >>> 8) / 2 ** 24;
        products.push({ id: `stay-${a}-${L}-${rate}`, fare: rate * L * (1 - 0.04 * (L - 1)), resources: uses, demand: (10 * u) / Math.sqrt(L) });
      }
    }
  }
  return { resources, products };
}

/**
 * Warms up the LP solver for the DLP: loads HiGHS (as configured by `configureLpSolvers`) and solves the
 * DLP of a built-in synthetic hotel `rounds` times, so that the first real DLP of the process runs about
 * as fast as the later ones. Call it once at start-up, before a service takes traffic; it is opt-in.
 *
 * Why: HiGHS is WebAssembly, and V8 compiles WebAssembly lazily — each function with its baseline
 * compiler (Liftoff) on its first call, then again with its optimising compiler (TurboFan) once it has
 * run hot enough ("dynamic tiering"). The first large DLP of a process therefore runs mostly baseline
 * code and pays for the compilation: on the one-year hotel of the bench (15,204 stays) it took 0.5 s on
 * an idle machine (1–2 s on a busy one) against 80–150 ms once warm, and 104 ms after this warm-up. Node 20 cannot cache compiled WebAssembly across processes, so the cost
 * can only be moved, not removed; this function moves it to start-up. It costs 0.7 s (idle machine) to
 * 1.5 s (busy) at the defaults (a year of nights, three rounds: the first round is the slow one, the third is about as fast as
 * a warm solve, which is the sign that the simplex code has been optimised). `npm run bench -- cold-dlp`
 * measures the first real DLP with and without it (bench/cold-dlp.bench.ts; bench/README.md, section
 * cold-dlp; docs/network.md, "The first DLP in a process").
 *
 * The synthetic hotel (not your network: nothing of yours is needed at start-up) is a year of 120/160
 * rooms, stays of 1–7 nights at five rates, mean demands from a fixed pseudo-random sequence (docs/network.md gives it in
 * full). What V8 optimises is HiGHS' simplex, whatever the numbers: on the 500-leg, 20,000-itinerary airline of
 * bench/network-speed it cut the first DLP of a process from 1.1–1.2 s to 0.15–0.17 s (warm: 0.1–0.3 s). A network much larger than a year of a hotel warms up
 * better with a larger `nights`. It is solved with HiGHS only: javascript-lp-solver is JavaScript, warmed by V8's JIT
 * on its own, and a year of hotel takes it tens of seconds.
 *
 * Call `configureLpSolvers` (if at all) before it: configuring again drops the loaded solver.
 *
 * @param options.nights - nights of the synthetic hotel, whole, 1…3650 (default 365)
 * @param options.rounds - DLP solves, whole, 1…20 (default 3)
 * @returns a Promise of `{ status: 'ok', loadMs, buildMs, solveMs }` (solveMs: one wall time per round,
 *   ms), or `{ status: 'solver-failed', message, … }` when HiGHS cannot be loaded or a solve fails (never
 *   a rejection for that); bad options reject with a YieldInputError naming the field (`options.nights`,
 *   `options.rounds`, or an unknown option), before anything is loaded
 * @example
 * import { warmUpDlp } from 'yieldcraft/optimize';
 * const w = await warmUpDlp({ nights: 30, rounds: 2 }); // at start-up; the defaults warm a year
 * w.status; // => 'ok'
 * w.solveMs.length; // => 2
 */
export async function warmUpDlp(options: WarmUpDlpOptions = {}): Promise<WarmUpDlpResult> {
  const o = object(options, 'options');
  for (const k of Object.keys(o)) {
    if (k !== 'nights' && k !== 'rounds') fail(`options.${k}`, "is not an option (expected 'nights' or 'rounds')");
  }
  const nights = o['nights'] === undefined ? WARM_UP_DLP_DEFAULTS.nights : positiveInteger(o['nights'], 'options.nights');
  if (nights > MAX_NIGHTS) fail('options.nights', `must be at most ${MAX_NIGHTS} (ten years of nights), got ${nights}`);
  const rounds = o['rounds'] === undefined ? WARM_UP_DLP_DEFAULTS.rounds : positiveInteger(o['rounds'], 'options.rounds');
  if (rounds > MAX_ROUNDS) fail('options.rounds', `must be at most ${MAX_ROUNDS}, got ${rounds}`);

  const solveMs: number[] = [];
  const tl = performance.now();
  try {
    await loadHighs();
  } catch (e) {
    const message = `could not load the 'highs' WebAssembly solver: ${(e as Error)?.message ?? String(e)}`;
    return { status: 'solver-failed', message, loadMs: performance.now() - tl, buildMs: 0, solveMs };
  }
  const loadMs = performance.now() - tl;
  const tb = performance.now();
  const network = warmUpNetwork(nights);
  const buildMs = performance.now() - tb;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    let message: string | undefined;
    try {
      const result = await dlp(network, { solver: 'highs' });
      if (result.status !== 'optimal') message = result.message;
    } catch (e) {
      message = `the DLP threw: ${(e as Error)?.message ?? String(e)}`;
    }
    solveMs.push(performance.now() - t);
    if (message !== undefined) return { status: 'solver-failed', message: `round ${r + 1}: ${message}`, loadMs, buildMs, solveMs };
  }
  return { status: 'ok', loadMs, buildMs, solveMs };
}
