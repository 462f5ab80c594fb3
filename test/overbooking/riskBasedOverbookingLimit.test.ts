import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { riskBasedOverbookingLimit } from '../../src/overbooking/index.js';
import { YieldInputError } from '../../src/model/index.js';
import { binomialShows, overflowByEnumeration, poissonPmf, showsFromNoShows } from './independent.js';

const binomial = (probability: number) => ({ kind: 'binomial' as const, probability });

describe('riskBasedOverbookingLimit', () => {
  it('stops below 40 bookings on 35 seats at a 5 % target, since P(denied | 40) = 0.0759 is published', () => {
    // physicsforums.com "Overbooked flight probability problem": 40 tickets, 35 seats, no-show 0.2,
    // P(more than 35 show) = .0759 > 0.05. The level below is checked by full enumeration.
    const r = riskBasedOverbookingLimit({ capacity: 35, showUp: binomial(0.8), maxDeniedProbability: 0.05 });
    expect(r.status).toBe('optimal');
    expect(r.authorized).toBe(39);
    expect(overflowByEnumeration(binomialShows(39, 0.8), 35)).toBeLessThanOrEqual(0.05);
    expect(overflowByEnumeration(binomialShows(40, 0.8), 35).toFixed(4)).toBe('0.0759');
    expect(r.status === 'optimal' && r.deniedServiceProbability).toBeCloseTo(overflowByEnumeration(binomialShows(39, 0.8), 35), 12);
  });

  it('allows 194 tickets on 191 seats only when a 69.3 % chance of bumping someone is acceptable', () => {
    // justaaa.com worked answer: 194 tickets, 191 seats, 1 % no-shows, P(at least one bumped) = .6930.
    const at = (eps: number) => riskBasedOverbookingLimit({ capacity: 191, showUp: binomial(0.99), maxDeniedProbability: eps });
    expect(at(0.6931).authorized).toBeGreaterThanOrEqual(194);
    expect(at(0.6929).authorized).toBeLessThan(194);
  });

  it('with Poisson no-shows, is C + the largest x with P(Z ≤ x − 1) ≤ ε', () => {
    // Independent: P(S_b > C) = P(Z < b − C) summed from the Poisson recurrence.
    const pmf = poissonPmf(6);
    const r = riskBasedOverbookingLimit({ capacity: 150, showUp: { kind: 'poisson-no-shows', mean: 6 }, maxDeniedProbability: 0.1 });
    let b = 150;
    while (overflowByEnumeration(showsFromNoShows(b + 1, pmf, 100), 150) <= 0.1) b++;
    expect(r.authorized).toBe(b);
  });

  it('a zero target authorizes exactly the capacity under binomial shows', () => {
    expect(riskBasedOverbookingLimit({ capacity: 80, showUp: binomial(0.9), maxDeniedProbability: 0 }).authorized).toBe(80);
  });

  it('is unbounded when any risk is acceptable, or capped when told', () => {
    expect(riskBasedOverbookingLimit({ capacity: 80, showUp: binomial(0.9), maxDeniedProbability: 1 })).toMatchObject({
      status: 'unbounded',
      authorized: Infinity,
    });
    expect(
      riskBasedOverbookingLimit({ capacity: 80, showUp: binomial(0.9), maxDeniedProbability: 1 }, { maxAuthorized: 95 }),
    ).toMatchObject({ status: 'capped', authorized: 95 });
  });

  it('property: the level meets the target and one more booking would break it; a looser target never lowers it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 150 }),
        fc.double({ min: 0.3, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.09, noNaN: true }),
        (C, q, eps, more) => {
          const r = riskBasedOverbookingLimit({ capacity: C, showUp: binomial(q), maxDeniedProbability: eps });
          const looser = riskBasedOverbookingLimit({ capacity: C, showUp: binomial(q), maxDeniedProbability: eps + more });
          const pNext = overflowByEnumeration(binomialShows(r.authorized + 1, q), C);
          return (
            r.status === 'optimal' &&
            r.deniedServiceProbability <= eps &&
            pNext > eps - 1e-12 &&
            looser.authorized >= r.authorized
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('throws YieldInputError naming maxDeniedProbability when it is outside [0, 1]', () => {
    try {
      riskBasedOverbookingLimit({ capacity: 80, showUp: binomial(0.9), maxDeniedProbability: 1.5 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(YieldInputError);
      expect((e as YieldInputError).path).toBe('maxDeniedProbability');
    }
  });
});
