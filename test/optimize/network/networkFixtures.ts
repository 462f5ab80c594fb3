/**
 * Published and generated networks shared by the network tests (and mirrored in examples/).
 */
import fc from 'fast-check';
import type { Network } from '../../../src/model/index.js';

/**
 * A 3-night hotel with 5 packages, capacity 150 rooms: the DLP group assignment of OPM 682 Revenue
 * Management (Prof. C. Schön, University of Mannheim, fall 2021), published with its AMPL solution in
 * github.com/iamphuc/Deterministic-Linear-Programming (README, "Interpretation of Results" and "Bid
 * Prices"): revenue $104,000; sales (60, 40, 50, 40, 50); bid prices per night (200, 100, 0). The
 * capacity (150) is read off the README's consumption table (each night sums to 150). Integers, exact.
 */
export const mannheimHotel: Network = {
  resources: [
    { id: 'night1', capacity: 150 },
    { id: 'night2', capacity: 150 },
    { id: 'night3', capacity: 150 },
  ],
  products: [
    { id: 'p1-3nights', fare: 900, resources: ['night1', 'night2', 'night3'], demand: 60 },
    { id: 'p2-nights1-2', fare: 300, resources: ['night1', 'night2'], demand: 60 },
    { id: 'p3-nights2-3', fare: 400, resources: ['night2', 'night3'], demand: 50 },
    { id: 'p4-night3', fare: 200, resources: ['night3'], demand: 40 },
    { id: 'p5-night1', fare: 200, resources: ['night1'], demand: 80 },
  ],
};

/**
 * Leisure Air: Anderson, Sweeney, Williams, Camm, Cochran, Fry & Ohlmann, *An Introduction to Management
 * Science* (Cengage), "Revenue management" application of ch. 4/5 (EMEA edition: §4.x, Table 4.16 and
 * Figure 4.11, pp. 180–182, legs Glasgow–Amsterdam (1), Edinburgh–Amsterdam (2), Amsterdam–Salzburg (3),
 * Amsterdam–Geneva (4), 132 seats each; the US edition's Pittsburgh/Newark/Charlotte/Myrtle Beach/
 * Orlando is the same model). Published: optimum 103,103; GAQ = 33, GSQ = 44, GVQ = 22, GAY = 16; dual
 * price of the GSQ demand constraint 85, of the GAY demand constraint 376. Fares in whole money units.
 * The last row of Table 4.16 (ODIF 16, Amsterdam–Geneva Y) is cut off in the copy we could read: we
 * use fare 582 from the US edition; its demand `avyDemand` is a parameter (see the test).
 */
export function leisureAir(avyDemand: number): Network {
  const rows: [string, number, number, string[]][] = [
    ['GAQ', 178, 33, ['GA']], ['GSQ', 268, 44, ['GA', 'AS']], ['GVQ', 228, 45, ['GA', 'AV']],
    ['GAY', 380, 16, ['GA']], ['GSY', 456, 6, ['GA', 'AS']], ['GVY', 560, 11, ['GA', 'AV']],
    ['EAQ', 199, 26, ['EA']], ['ESQ', 249, 56, ['EA', 'AS']], ['EVQ', 349, 39, ['EA', 'AV']],
    ['EAY', 385, 15, ['EA']], ['ESY', 444, 7, ['EA', 'AS']], ['EVY', 580, 9, ['EA', 'AV']],
    ['ASQ', 179, 64, ['AS']], ['ASY', 380, 8, ['AS']], ['AVQ', 224, 46, ['AV']], ['AVY', 582, avyDemand, ['AV']],
  ];
  return {
    resources: ['GA', 'EA', 'AS', 'AV'].map((id) => ({ id, capacity: 132 })),
    products: rows.map(([id, fare, demand, resources]) => ({ id, fare, demand, resources })),
  };
}

/** Random small networks with integer data: 1–4 resources, 1–8 products using 1–3 distinct resources. */
export const arbNetwork: fc.Arbitrary<Network> = fc
  .integer({ min: 1, max: 4 })
  .chain((m) =>
    fc.record({
      capacities: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: m, maxLength: m }),
      products: fc.array(
        fc.record({
          fare: fc.integer({ min: 0, max: 500 }),
          demand: fc.integer({ min: 0, max: 25 }),
          uses: fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: Math.min(3, m) }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  )
  .map(({ capacities, products }) => ({
    resources: capacities.map((capacity, i) => ({ id: `r${i}`, capacity })),
    products: products.map((p, j) => ({ id: `p${j}`, fare: p.fare, demand: p.demand, resources: p.uses.map((i) => `r${i}`) })),
  }));
