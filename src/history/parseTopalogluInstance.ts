import { YieldInputError } from '../model/errors.js';
import type { Network } from '../model/schemas.js';
import { validateBookingProcess, type NetworkBookingProcess } from '../model/bookingProcess.js';

/** A leg of a Topaloglu (2009) instance as read: from, to (0 = the hub), seats. */
export interface TopalogluLeg {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
}
/** An itinerary of a Topaloglu (2009) instance as read. */
export interface TopalogluItinerary {
  readonly from: number;
  readonly to: number;
  /** 0 = low fare, 1 = high fare. */
  readonly fareClass: number;
  readonly fare: number;
}
/** A Topaloglu (2009) instance: the booking process plus the legs and itineraries as read. */
export interface TopalogluInstance extends NetworkBookingProcess {
  readonly arrivalProbabilities: Float64Array;
  readonly legs: readonly TopalogluLeg[];
  readonly itineraries: readonly TopalogluItinerary[];
}

/** The hub location of the published instances. */
export const TOPALOGLU_HUB = 0;

/**
 * Reads (data-set I/O, not an optimizer) one of the 48 standard network revenue-management test problems of Topaloglu (2009) (the
 * `rm_T_N_A_K.txt` files: hub-and-spoke airline networks, T periods, N spokes) into a
 * {@link NetworkBookingProcess}: legs become resources (id `"from-to"`, e.g. `"1-0"`), itineraries
 * become products (id `"from-to-class"`, e.g. `"0-1-1"`; class 0 is the low fare, 1 the high fare) with
 * their fare and legs, and the per-period arrival probabilities become a period-major Float64Array.
 * Each product's `demand` is set to its expected total arrivals Σ_t p_{t,j}, so `dlp(instance.network)`
 * computes the paper's deterministic LP bound (the `dlp_bound` column).
 *
 * File format (text; lines starting with `#` are comments): the number of periods τ; a leg count then
 * one `from to capacity` line per leg; an itinerary count then one `from to class fare` line per
 * itinerary; then one tab-separated line per period, `t` followed by `[ from to class ]  probability`
 * pairs. An itinerary from a spoke to another spoke uses the legs `from → 0` and `0 → to` through the
 * hub 0; one from or to the hub uses its direct leg. The files are distributed gzipped: gunzip first
 * (`zlib.gunzipSync(buffer).toString('utf8')` in Node).
 *
 * Reference: H. Topaloglu (2009), Operations Research 57(3):637–649 (the computational study); the
 * instances and the format as published by the author for research (the format is described above).
 *
 * @param text - the whole (gunzipped) file
 * @returns the process plus the raw legs and itineraries as read
 * @throws YieldInputError naming the line (`line 14`) for a malformed file
 * @example
 * import { parseTopalogluInstance } from 'yieldcraft/history';
 * const inst = parseTopalogluInstance('2\n1\n0 1 3\n1\n0 1 0 50.0\n0\t[ 0 1 0 ]\t0.5\n1\t[ 0 1 0 ]\t0.25\n');
 * inst.network.products[0]; // => { id: '0-1-0', fare: 50, resources: ['0-1'], demand: 0.75 }
 */
export function parseTopalogluInstance(text: string): TopalogluInstance {
  if (typeof text !== 'string') throw new YieldInputError('invalid-type', 'text', 'must be a string (gunzip the .gz file first)');
  const raw = text.split(/\r?\n/);
  let k = 0;
  /** Next non-comment, non-blank line with its 1-based line number. */
  const next = (what: string): { line: string; no: number } => {
    while (k < raw.length) {
      const line = raw[k++]!;
      const s = line.trim();
      if (s === '' || s.startsWith('#')) continue;
      return { line: s, no: k };
    }
    throw new YieldInputError('invalid', `line ${k}`, `unexpected end of file: expected ${what}`);
  };
  const bad = (no: number, msg: string): never => {
    throw new YieldInputError('invalid', `line ${no}`, msg);
  };
  const int = (s: string | undefined, no: number, what: string, min = 0): number => {
    const v = Number(s);
    if (s === undefined || !Number.isInteger(v) || v < min) bad(no, `${what} must be a whole number ≥ ${min}, got ${JSON.stringify(s)}`);
    return v;
  };

  const tl = next('the number of periods');
  const periods = int(tl.line, tl.no, 'the number of periods', 1);

  const lc = next('the number of legs');
  const nLegs = int(lc.line, lc.no, 'the number of legs', 1);
  const legs: TopalogluLeg[] = [];
  const legIndex = new Map<string, number>();
  for (let i = 0; i < nLegs; i++) {
    const { line, no } = next(`leg ${i + 1} of ${nLegs}`);
    const f = line.split(/\s+/);
    if (f.length !== 3) bad(no, `a leg line is "from to capacity", got ${JSON.stringify(line)}`);
    const leg = { from: int(f[0], no, 'from'), to: int(f[1], no, 'to'), capacity: int(f[2], no, 'capacity') };
    const id = `${leg.from}-${leg.to}`;
    if (legIndex.has(id)) bad(no, `duplicate leg ${id}`);
    legIndex.set(id, i);
    legs.push(leg);
  }

  const ic = next('the number of itineraries');
  const nIt = int(ic.line, ic.no, 'the number of itineraries', 1);
  const itineraries: TopalogluItinerary[] = [];
  const itIndex = new Map<string, number>();
  const itLegs: string[][] = [];
  for (let j = 0; j < nIt; j++) {
    const { line, no } = next(`itinerary ${j + 1} of ${nIt}`);
    const f = line.split(/\s+/);
    if (f.length !== 4) bad(no, `an itinerary line is "from to class fare", got ${JSON.stringify(line)}`);
    const fare = Number(f[3]);
    if (!Number.isFinite(fare) || fare < 0) bad(no, `fare must be a finite number ≥ 0, got ${JSON.stringify(f[3])}`);
    const it = { from: int(f[0], no, 'from'), to: int(f[1], no, 'to'), fareClass: int(f[2], no, 'class'), fare };
    const key = `${it.from}-${it.to}-${it.fareClass}`;
    if (itIndex.has(key)) bad(no, `duplicate itinerary ${key}`);
    const direct = `${it.from}-${it.to}`;
    let uses: string[];
    if (legIndex.has(direct)) uses = [direct];
    else if (legIndex.has(`${it.from}-${TOPALOGLU_HUB}`) && legIndex.has(`${TOPALOGLU_HUB}-${it.to}`))
      uses = [`${it.from}-${TOPALOGLU_HUB}`, `${TOPALOGLU_HUB}-${it.to}`];
    else return bad(no, `itinerary ${key}: no leg ${direct} and no connection through the hub ${TOPALOGLU_HUB}`);
    itIndex.set(key, j);
    itineraries.push(it);
    itLegs.push(uses);
  }

  const probs = new Float64Array(periods * nIt);
  const filled = new Uint8Array(periods * nIt);
  for (let t = 0; t < periods; t++) {
    const { line, no } = next(`the probabilities of period ${t}`);
    // `t  [ a b c ]  p  [ a b c ]  p …`
    const head = /^(\d+)\s*/.exec(line);
    if (!head || Number(head[1]) !== t) bad(no, `expected the line of period ${t}, got ${JSON.stringify(line.slice(0, 40))}`);
    const re = /\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]\s*([^\s[]+)/g;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(line)) !== null) {
      const key = `${m[1]}-${m[2]}-${m[3]}`;
      const j = itIndex.get(key);
      if (j === undefined) bad(no, `unknown itinerary [ ${m[1]} ${m[2]} ${m[3]} ]`);
      const v = Number(m[4]);
      if (!Number.isFinite(v) || v < 0 || v > 1) bad(no, `probability of [ ${m[1]} ${m[2]} ${m[3]} ] must be in [0, 1], got ${JSON.stringify(m[4])}`);
      if (filled[t * nIt + j!]) bad(no, `itinerary [ ${m[1]} ${m[2]} ${m[3]} ] listed twice`);
      filled[t * nIt + j!] = 1;
      probs[t * nIt + j!] = v;
      count++;
    }
    if (count !== nIt) bad(no, `period ${t} lists ${count} itineraries, expected ${nIt}`);
  }

  const demand = new Float64Array(nIt);
  for (let t = 0; t < periods; t++) for (let j = 0; j < nIt; j++) demand[j]! += probs[t * nIt + j]!;
  const network: Network = {
    resources: legs.map((l) => ({ id: `${l.from}-${l.to}`, capacity: l.capacity })),
    products: itineraries.map((it, j) => ({
      id: `${it.from}-${it.to}-${it.fareClass}`,
      fare: it.fare,
      resources: itLegs[j]!,
      demand: demand[j]!,
    })),
  };
  const instance: TopalogluInstance = { network, periods, arrivalProbabilities: probs, legs, itineraries };
  validateBookingProcess(instance, 'instance');
  return instance;
}
