import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bidPriceControls,
  bookingState,
  decide,
  nestedLimitControls,
  nestedLimitState,
  networkBookingState,
  recordCancellation,
  recordNoShow,
  recordSale,
  resourceNestedLimitControls,
  type BookingState,
  type Controls,
} from '../../src/control/index.js';
import { YieldInputError } from '../../src/model/errors.js';
import { pathOf } from '../errorPath.js';

/** Two nights, a one-night and a two-night stay (hand case). */
const network = {
  resources: [
    { id: 'Fri', capacity: 5 },
    { id: 'Sat', capacity: 3 },
  ],
  products: [
    { id: 'Fri-1n', fare: 100, resources: ['Fri'], demand: 4 },
    { id: 'Fri-2n', fare: 180, resources: ['Fri', 'Sat'], demand: 2 },
    { id: 'Sat-1n', fare: 90, resources: ['Sat'], demand: 3 },
  ],
};
const bid = bidPriceControls(network, { Fri: 0, Sat: 0 });

const snapshot = (s: BookingState) =>
  s.kind === 'network'
    ? { sold: Array.from(s.sold), productSold: Array.from(s.productSold), noShows: Array.from(s.noShows), period: s.period }
    : { sold: Array.from(s.sold) };

/** Calls f, expects a YieldInputError naming `path`, and checks the state did not move. */
function rejectsUnchanged(state: BookingState, f: () => void, path: string): void {
  const before = snapshot(state);
  expect(pathOf(f)).toBe(path);
  expect(snapshot(state)).toEqual(before);
}

describe('recordSale / recordCancellation / recordNoShow on a network state', () => {
  it('a sale holds the units on every night of the stay and counts the product', () => {
    const s = networkBookingState(bid);
    recordSale(s, bid, 'Fri-2n', 2);
    recordSale(s, bid, 0);
    expect(Array.from(s.sold)).toEqual([3, 2]);
    expect(Array.from(s.productSold)).toEqual([1, 2, 0]);
  });

  it('a cancellation gives the units back to every night and to the counters of these controls', () => {
    const s = networkBookingState(bid);
    recordSale(s, bid, 'Fri-2n', 2);
    recordCancellation(s, bid, 'Fri-2n', 1);
    expect(Array.from(s.sold)).toEqual([1, 1]);
    expect(Array.from(s.productSold)).toEqual([0, 1, 0]);
    // the freed unit sells again: Sat had 3, 1 held, so 2 Sat-1n fit, not 3
    expect(decide({ product: 'Sat-1n', quantity: 2 }, s, bid).accept).toBe(true);
    expect(decide({ product: 'Sat-1n', quantity: 3 }, s, bid).reason).toBe('sold-out');
  });

  it('a cancellation of an older booking (underTheseControls: false) gives the units back but leaves the counters', () => {
    const s = networkBookingState(bid, { sold: { Fri: 2, Sat: 2 } });
    recordCancellation(s, bid, 'Fri-2n', 2, { underTheseControls: false });
    expect(Array.from(s.sold)).toEqual([0, 0]);
    expect(Array.from(s.productSold)).toEqual([0, 0, 0]);
    // under these controls nothing was sold, so the default (true) refuses
    const t = networkBookingState(bid, { sold: { Fri: 2, Sat: 2 } });
    rejectsUnchanged(t, () => recordCancellation(t, bid, 'Fri-2n', 1), 'quantity');
  });

  it('a no-show frees the rooms, keeps the sale counted against the controls, and counts the no-show', () => {
    const s = networkBookingState(bid);
    recordSale(s, bid, 'Fri-2n', 2);
    recordNoShow(s, bid, 'Fri-2n');
    expect(Array.from(s.sold)).toEqual([1, 1]);
    expect(Array.from(s.productSold)).toEqual([0, 2, 0]);
    expect(Array.from(s.noShows)).toEqual([0, 1, 0]);
    recordNoShow(s, bid, 1, 1);
    expect(Array.from(s.noShows)).toEqual([0, 2, 0]);
    expect(Array.from(s.sold)).toEqual([0, 0]);
  });

  it('rejects a negative, fractional, zero or NaN quantity, an over-capacity sale and an unknown product, leaving the state unchanged', () => {
    const s = networkBookingState(bid, { sold: { Fri: 1, Sat: 2 }, productSold: { 'Sat-1n': 2 } });
    rejectsUnchanged(s, () => recordSale(s, bid, 'Fri-1n', -3), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, bid, 'Fri-1n', 1.5), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, bid, 'Fri-1n', 0), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, bid, 'Fri-1n', Number.NaN), 'quantity');
    // Fri-2n uses Sat, which has 1 left: 2 would hold 4 > 3 — and Fri is not touched either
    rejectsUnchanged(s, () => recordSale(s, bid, 'Fri-2n', 2), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, bid, 'Sun-1n', 1), 'product');
    rejectsUnchanged(s, () => recordSale(s, bid, 3, 1), 'product');
    rejectsUnchanged(s, () => recordCancellation(s, bid, 'Sat-1n', 3), 'quantity');
    rejectsUnchanged(s, () => recordCancellation(s, bid, 'Sat-1n', -1), 'quantity');
    rejectsUnchanged(s, () => recordCancellation(s, bid, 'nope'), 'product');
    rejectsUnchanged(s, () => recordNoShow(s, bid, 'Fri-1n', 2), 'quantity');
    rejectsUnchanged(s, () => recordNoShow(s, bid, 'Sat-1n', 0.5), 'quantity');
    rejectsUnchanged(s, () => recordNoShow(s, bid, 'nope'), 'product');
    rejectsUnchanged(s, () => recordCancellation(s, bid, 'Sat-1n', 1, null as never), 'options');
  });

  it("rejects a state that belongs to other controls (nested limits' state, another network)", () => {
    const nested = nestedLimitControls([10, 4]);
    const ns = nestedLimitState(nested);
    expect(pathOf(() => recordSale(ns, bid, 0))).toBe('state');
    const other = bidPriceControls({ resources: [{ id: 'L', capacity: 2 }], products: [{ id: 'P', fare: 1, resources: ['L'], demand: 1 }] }, { L: 0 });
    expect(pathOf(() => recordSale(networkBookingState(other), bid, 0))).toBe('state');
  });

  it('networkBookingState validates what is held (whole, ≥ 0, within capacity, known ids)', () => {
    expect(pathOf(() => networkBookingState(bid, { sold: { Fri: 6 } }))).toBe('state.sold.Fri');
    expect(pathOf(() => networkBookingState(bid, { sold: { Fri: 1.5 } }))).toBe('state.sold.Fri');
    expect(pathOf(() => networkBookingState(bid, { sold: { Sun: 1 } }))).toBe('state.sold.Sun');
    expect(pathOf(() => networkBookingState(bid, { sold: [1] }))).toBe('state.sold');
    expect(pathOf(() => networkBookingState(bid, { productSold: { nope: 1 } }))).toBe('state.productSold.nope');
    expect(pathOf(() => networkBookingState(nestedLimitControls([3])))).toBe('controls');
    expect(Array.from(networkBookingState(bid, { sold: [2, 3] }).sold)).toEqual([2, 3]);
  });
});

describe('recordSale / recordCancellation / recordNoShow on a nested-limit state (one resource)', () => {
  const c = nestedLimitControls([10, 6, 2]);

  it('sells, cancels and records no-shows per class', () => {
    const s = nestedLimitState(c);
    recordSale(s, c, 2, 2);
    recordSale(s, c, 0, 5);
    expect(Array.from(s.sold)).toEqual([5, 0, 2]);
    // class 2 (b_3 = 2) is now closed; a cancellation reopens it
    expect(decide({ product: 2 }, s, c).reason).toBe('class-limit');
    recordCancellation(s, c, 2, 1);
    expect(decide({ product: 2 }, s, c).accept).toBe(true);
    recordNoShow(s, c, 0, 2);
    expect(Array.from(s.sold)).toEqual([3, 0, 1]);
  });

  it('rejects a sale above b_1, more than was sold, a bad quantity and an unknown class, state unchanged', () => {
    const s = nestedLimitState(c, { sold: [6, 2, 1] });
    rejectsUnchanged(s, () => recordSale(s, c, 0, 2), 'quantity'); // 9 + 2 > 10
    rejectsUnchanged(s, () => recordCancellation(s, c, 1, 3), 'quantity');
    rejectsUnchanged(s, () => recordNoShow(s, c, 2, 2), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, c, 1, -1), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, c, 1, 0.25), 'quantity');
    rejectsUnchanged(s, () => recordSale(s, c, 3), 'product');
    rejectsUnchanged(s, () => recordSale(s, c, 'gold'), 'product');
  });
});

describe('state operations (properties)', () => {
  it('on random sequences of operations, a valid one moves held units by exactly ±q on each night used, an invalid one throws YieldInputError and moves nothing', () => {
    const families: Controls[] = [
      bid,
      resourceNestedLimitControls(
        { ...network, products: network.products.map((p) => ({ ...p, classes: p.resources.map(() => 0) })) },
        { Fri: [5], Sat: [3] },
      ),
    ];
    const op = fc.record({
      kind: fc.constantFrom('sale', 'cancel', 'noShow' as const),
      product: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('Fri-1n', 'Fri-2n', 'Sat-1n', 'Sun-1n')),
      quantity: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constant(1.5)),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.array(op, { maxLength: 30 }), (f, ops) => {
        const c = families[f]!;
        const s = bookingState(c);
        if (s.kind !== 'network') throw new Error('network state expected');
        const held = [0, 0];
        const sold = [0, 0, 0];
        const uses = [[0], [0, 1], [1]];
        const caps = [5, 3];
        for (const o of ops) {
          const j = typeof o.product === 'number' ? o.product : ['Fri-1n', 'Fri-2n', 'Sat-1n'].indexOf(o.product);
          const q = o.quantity;
          const validQ = Number.isInteger(q) && q >= 1;
          let valid = j >= 0 && validQ;
          if (valid && o.kind === 'sale') valid = uses[j]!.every((i) => held[i]! + q <= caps[i]!);
          if (valid && o.kind === 'cancel') valid = uses[j]!.every((i) => held[i]! >= q) && sold[j]! >= q;
          if (valid && o.kind === 'noShow') valid = uses[j]!.every((i) => held[i]! >= q);
          const before = snapshot(s);
          const run = () =>
            o.kind === 'sale' ? recordSale(s, c, o.product, q) : o.kind === 'cancel' ? recordCancellation(s, c, o.product, q) : recordNoShow(s, c, o.product, q);
          if (!valid) {
            expect(run).toThrow(YieldInputError);
            expect(snapshot(s)).toEqual(before);
            continue;
          }
          run();
          const sign = o.kind === 'sale' ? 1 : -1;
          for (const i of uses[j]!) held[i]! += sign * q;
          if (o.kind !== 'noShow') sold[j]! += sign * q;
          expect(Array.from(s.sold)).toEqual(held);
          expect(Array.from(s.productSold)).toEqual(sold);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
