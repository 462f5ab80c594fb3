import { array, fail, join, nonNegative, object } from '../internal/validate.js';
import { parseEpochDay } from '../history/epochDay.js';
import { STATUS_STAYED } from '../history/bookingTable.js';
import { customerTable, type CustomerRecord } from './customerRecord.js';
import { contributionPerRoomNight, economics, type BookingEconomicsOptions } from './bookingEconomics.js';

/** A product as the mix needs it (a `HotelProduct` fits). */
export interface MixProduct {
  readonly id: string;
  readonly fare: number;
  readonly resources: readonly string[];
  readonly segment?: string;
}

export interface CustomerMixInput {
  readonly network: { readonly products: readonly MixProduct[] };
  readonly allocation: Readonly<Record<string, number>>;
  readonly records: readonly CustomerRecord[];
  readonly from: string;
  readonly to: string;
}

export interface CustomerMixOptions extends BookingEconomicsOptions {
  /** Maps a record's segment to the optimiser's segment name (unlisted segments keep their name). */
  readonly segmentMap?: Readonly<Record<string, string>>;
}

/** One side of the mix for one segment. */
export interface MixSide {
  readonly roomNights: number;
  /** Share of this side's room-nights in the period (0 when the side sold nothing). */
  readonly share: number;
  readonly contribution: number;
  /** contribution ÷ room-nights (0 without room-nights). */
  readonly contributionPerRoomNight: number;
}

export interface CustomerMixRow {
  readonly segment: string;
  readonly optimiser: MixSide;
  readonly actual: MixSide;
}

export interface CustomerMix {
  readonly from: string;
  readonly to: string;
  readonly segments: readonly CustomerMixRow[];
  readonly optimiser: MixSide;
  readonly actual: MixSide;
}

const collator = new Intl.Collator('en', { numeric: true });

function isoDay(x: unknown, path: string): number {
  const d = parseEpochDay(x);
  if (Number.isNaN(d)) fail(path, `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(x)}`);
  return d;
}

/**
 * The right customer mix for a period: the mix of segments an optimiser's allocation takes (e.g. the
 * DLP's partitioned allocation of a hotel network), beside the mix the hotel actually sold (from
 * history) and the contribution each earns — in room-nights of the period, shares and money.
 *
 * Reference: Talluri & van Ryzin (2004), §3.3.1 (the DLP allocation as the target mix of products) and
 * §10.2.4 (hotel segment mix); Cross (1997), *Revenue Management*, ch. 4 ("the right customer mix").
 *
 * Counting (period = the nights `from … to`, inclusive):
 * - optimiser: a product j with allocation x_j (stays), fare f_j (the stay's contribution) and L_j
 *   nights, n_j of them inside the period, contributes x_j·n_j room-nights and x_j·f_j·n_j/L_j money
 *   (the stay's contribution spread evenly over its nights); its segment is `segment` of the product;
 * - actual: every stayed booking's nights inside the period, `rooms` room-nights each night, and its
 *   contribution after commission and variable cost per room-night (`segmentProfitability`'s model,
 *   known ancillary spread evenly over the nights); its segment is the record's `segment`, or
 *   `options.segmentMap[segment]` to put history in the optimiser's segments.
 * Shares are of each side's own total room-nights. A segment present on one side only shows zeros on
 * the other.
 *
 * @param input.network - the products (`id`, `fare`, `resources` — night dates, ISO — and `segment`),
 *   e.g. a `hotelNetwork`; resources that are not ISO dates are an error
 * @param input.allocation - stays by product id (≥ 0), e.g. `dlp(...).allocation`; an id that names no
 *   product is an error
 * @param input.records - booking history (final statuses) for the actual mix; never modified
 * @param input.from - the first night of the period, ISO date
 * @param input.to - the last night of the period (included), ISO date
 * @param options - the cost model (`BOOKING_ECONOMICS_DEFAULTS`) and `segmentMap`
 * @returns `{ from, to, segments, optimiser, actual }` with one row per segment (natural order)
 * @example
 * import { customerMix } from 'yieldcraft/customer';
 * const mix = customerMix({
 *   network: { products: [
 *     { id: 'a', fare: 200, resources: ['2016-07-01', '2016-07-02'], segment: 'Corporate' },
 *     { id: 'b', fare: 60, resources: ['2016-07-01'], segment: 'Groups' } ] },
 *   allocation: { a: 3, b: 4 },
 *   records: [{ bookingDate: '2016-06-01', arrivalDate: '2016-07-01', nights: 1, rooms: 10,
 *     segment: 'Groups', channel: 'Direct', rate: 60, status: 'stayed' }],
 *   from: '2016-07-01', to: '2016-07-01',
 * });
 * mix.segments.map((s) => [s.segment, s.optimiser.roomNights, s.optimiser.contribution, s.actual.roomNights,
 *   s.actual.contribution]);
 * // => [['Corporate', 3, 300, 0, 0], ['Groups', 4, 240, 10, 350]]
 */
export function customerMix(input: CustomerMixInput, options: CustomerMixOptions = {}): CustomerMix {
  const inp = object(input, 'input');
  const opts = object(options, 'options');
  const e = economics(options, 'options');
  const from = isoDay(inp.from, 'input.from');
  const to = isoDay(inp.to, 'input.to');
  if (to < from) fail('input.to', `must not be before input.from ${String(inp.from)}`, 'inconsistent');
  const map: Record<string, unknown> = opts.segmentMap === undefined ? {} : object(opts.segmentMap, 'options.segmentMap');
  for (const [k, v] of Object.entries(map))
    if (typeof v !== 'string' || v === '') fail(join('options.segmentMap', k), 'must be a non-empty segment name', 'invalid-type');

  const opt = new Map<string, { rn: number; c: number }>();
  const act = new Map<string, { rn: number; c: number }>();
  const add = (m: typeof opt, seg: string, rn: number, c: number) => {
    const cur = m.get(seg);
    if (cur === undefined) m.set(seg, { rn, c });
    else {
      cur.rn += rn;
      cur.c += c;
    }
  };

  // The optimiser's side.
  const network = object(inp.network, 'input.network');
  const products = array<MixProduct>(network.products, 'input.network.products');
  const index = new Map<string, number>();
  products.forEach((p, i) => {
    const path = join('input.network.products', i);
    object(p, path);
    if (typeof p.id !== 'string') fail(join(path, 'id'), 'must be a string', 'invalid-type');
    index.set(p.id, i);
  });
  const allocation = object(inp.allocation, 'input.allocation');
  for (const [id, xRaw] of Object.entries(allocation)) {
    const x = nonNegative(xRaw, `input.allocation[${JSON.stringify(id)}]`);
    const i = index.get(id);
    if (i === undefined) fail(`input.allocation[${JSON.stringify(id)}]`, `names no product of the network`, 'unknown-reference');
    if (x === 0) continue;
    const p = products[i] as MixProduct;
    const path = join('input.network.products', i);
    const fare = nonNegative(p.fare, join(path, 'fare'));
    if (typeof p.segment !== 'string' || p.segment === '')
      fail(join(path, 'segment'), 'an allocated product needs a segment', 'invalid-type');
    const res = array<string>(p.resources, join(path, 'resources'));
    if (res.length === 0) fail(join(path, 'resources'), 'must name at least one night', 'empty');
    let inside = 0;
    res.forEach((r, k) => {
      const d = isoDay(r, join(join(path, 'resources'), k));
      if (d >= from && d <= to) inside++;
    });
    if (inside > 0) add(opt, p.segment, x * inside, (x * fare * inside) / res.length);
  }

  // The actual side.
  const table = customerTable(inp.records as readonly CustomerRecord[], 'input.records');
  for (let i = 0; i < table.length; i++) {
    if ((table.status[i] as number) !== STATUS_STAYED) continue;
    const a = table.arrivalDay[i] as number;
    const n = table.nights[i] as number;
    const lo = Math.max(a, from);
    const hi = Math.min(a + n - 1, to);
    if (hi < lo) continue;
    const r = table.records[i] as CustomerRecord;
    const inside = hi - lo + 1;
    const rooms = table.rooms[i] as number;
    const seg = typeof map[r.segment] === 'string' ? (map[r.segment] as string) : r.segment;
    const perNight = contributionPerRoomNight(e, r.rate, r.channel);
    add(act, seg, rooms * inside, rooms * inside * perNight + ((r.ancillarySpend ?? 0) * inside) / n);
  }

  const totals = (m: typeof opt) => {
    let rn = 0;
    let c = 0;
    for (const v of m.values()) {
      rn += v.rn;
      c += v.c;
    }
    return { rn, c };
  };
  const ot = totals(opt);
  const at = totals(act);
  const side = (v: { rn: number; c: number } | undefined, total: number): MixSide => {
    const rn = v?.rn ?? 0;
    const c = v?.c ?? 0;
    return { roomNights: rn, share: total > 0 ? rn / total : 0, contribution: c, contributionPerRoomNight: rn > 0 ? c / rn : 0 };
  };
  const names = [...new Set([...opt.keys(), ...act.keys()])].sort(collator.compare);
  return {
    from: inp.from as string,
    to: inp.to as string,
    segments: names.map((segment) => ({ segment, optimiser: side(opt.get(segment), ot.rn), actual: side(act.get(segment), at.rn) })),
    optimiser: side(ot, ot.rn),
    actual: side(at, at.rn),
  };
}
