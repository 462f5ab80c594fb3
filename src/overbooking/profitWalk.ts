/**
 * Walks the expected outcome of authorizing b = C, C+1, … bookings one booking at a time, using the
 * marginal identities of `showUp.ts`:
 *
 *   E[min(S_{b+1}, C)] = E[min(S_b, C)] + turnsUp(b) − denied(b)     E[(S_{b+1} − C)⁺] = E[(S_b − C)⁺] + denied(b)
 *
 * starting from b = C, where S_C ≤ C gives E[min(S_C, C)] = E[S_C] and E[(S_C − C)⁺] = 0.
 * @internal
 */
import type { ShowUpLaw } from './showUp.js';

/** Who pays the fare: every show (no-shows refunded, the default) or every booking (no-shows forfeit). */
export type RevenueBasis = 'per-show' | 'per-booking';

/** The expected outcome of authorizing `authorized` bookings on one resource. */
export interface OverbookingOutcome {
  /** b: bookings accepted, units. */
  readonly authorized: number;
  /** Expected profit, money (see `overbookingLimit` for the two revenue bases). */
  readonly expectedProfit: number;
  /** E[S_b]: expected shows, units. */
  readonly expectedShows: number;
  /** E[min(S_b, C)]: expected units occupied. */
  readonly expectedOccupied: number;
  /** E[(S_b − C)⁺]: expected customers denied service (walked, bumped). */
  readonly expectedDenied: number;
  /** C − E[min(S_b, C)]: expected empty units (spoilage from no-shows). */
  readonly expectedEmpty: number;
  /** P(S_b > C): probability that at least one customer is denied service. */
  readonly deniedServiceProbability: number;
}

export class ProfitWalk {
  b: number;
  occupied: number;
  deniedUnits = 0;

  constructor(
    private readonly law: ShowUpLaw,
    private readonly capacity: number,
    private readonly fare: number,
    private readonly deniedServiceCost: number,
    private readonly basis: RevenueBasis,
  ) {
    this.b = capacity;
    this.occupied = law.meanShows(capacity);
  }

  /** Expected profit at the current b. */
  profit(): number {
    const revenue = this.basis === 'per-show' ? this.fare * this.occupied : this.fare * this.b;
    return revenue - this.deniedServiceCost * this.deniedUnits;
  }

  /** Moves to b + 1, given turnsUp(b) and denied(b). */
  step(turnsUp: number, denied: number): void {
    this.occupied += turnsUp - denied;
    this.deniedUnits += denied;
    this.b++;
  }

  outcome(): OverbookingOutcome {
    return {
      authorized: this.b,
      expectedProfit: this.profit(),
      expectedShows: this.occupied + this.deniedUnits,
      expectedOccupied: this.occupied,
      expectedDenied: this.deniedUnits,
      expectedEmpty: this.capacity - this.occupied,
      deniedServiceProbability: this.law.overflow(this.b),
    };
  }
}
