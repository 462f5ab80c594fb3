import { nonNegative, object, positiveInteger, probability } from '../internal/validate.js';

export interface ContributionInput {
  readonly price: number;
  readonly commission?: number;
  readonly feePerBooking?: number;
  readonly units?: number;
  readonly variableCost?: number;
  readonly ancillarySpend?: number;
}

/**
 * The value of one sale to the seller: price net of channel commission and per-booking fees, minus the
 * variable cost of serving the unit, plus the ancillary spend it brings.
 *
 *   contribution = price · (1 − commission) − feePerBooking / units − variableCost + ancillarySpend
 *
 * Every optimizer in yieldcraft takes a "fare": pass this contribution rather than the price, so that a
 * room sold through a 18 %-commission OTA competes with a direct booking on what each really earns.
 * Reference: Phillips (2005), §6.1 (contribution margin as the objective); Talluri & van Ryzin (2004),
 * §10.1 (net revenue by channel).
 *
 * @param input.price - price per unit (per room-night or seat), money; finite, ≥ 0
 * @param input.commission - channel commission as a share of price, in [0, 1] (default 0)
 * @param input.feePerBooking - fixed fee per booking, money (default 0)
 * @param input.units - units in the booking the fee is spread over (default 1)
 * @param input.variableCost - cost of serving one unit, money (default 0)
 * @param input.ancillarySpend - expected extra spend per unit, money (default 0)
 * @returns contribution per unit, money (may be negative: a sale that loses money)
 * @example
 * import { contribution } from 'yieldcraft/model';
 * contribution({ price: 200, commission: 0.18, variableCost: 25, ancillarySpend: 15 }); // => 154
 */
export function contribution(input: ContributionInput): number {
  object(input, 'input');
  const price = nonNegative(input.price, 'price');
  const commission = input.commission === undefined ? 0 : probability(input.commission, 'commission');
  const fee = input.feePerBooking === undefined ? 0 : nonNegative(input.feePerBooking, 'feePerBooking');
  const units = input.units === undefined ? 1 : positiveInteger(input.units, 'units');
  const cost = input.variableCost === undefined ? 0 : nonNegative(input.variableCost, 'variableCost');
  const anc = input.ancillarySpend === undefined ? 0 : nonNegative(input.ancillarySpend, 'ancillarySpend');
  return price * (1 - commission) - fee / units - cost + anc;
}
