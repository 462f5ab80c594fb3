/**
 * A static bid-price booking rule with an explicit tie rule, shared by the DLP and RLP policies.
 * @internal (not exported from the package)
 */
import type { CompiledNetwork } from '../../optimize/network/networkInput.js';
import type { BookingRule } from '../policy.js';

export type DlpTieRule = 'allocation' | 'accept' | 'reject';

/** Relative tolerance deciding that a fare equals a bid-price sum. */
export const TIE_TOLERANCE = 1e-9;

/**
 * A static bid-price rule from bid prices π (per resource) with the tie rule; `allocation` and the
 * sales at planning time are used by the 'allocation' tie rule. @internal
 */
export function bidPriceRule(
  net: CompiledNetwork,
  pi: Float64Array,
  allocation: Float64Array,
  soldAtPlan: Int32Array,
  tieRule: DlpTieRule,
): BookingRule {
  const nP = net.productIds.length;
  // 1 = accept, 0 = reject, 2 = tie handled by allocation
  const kind = new Uint8Array(nP);
  const limit = new Float64Array(nP);
  for (let j = 0; j < nP; j++) {
    let sum = 0;
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) sum += pi[net.productResources[k]!]!;
    const f = net.fare[j]!;
    const gap = f - sum;
    const tol = TIE_TOLERANCE * Math.max(1, f, sum);
    if (gap > tol) kind[j] = 1;
    else if (gap < -tol) kind[j] = 0;
    else if (tieRule === 'accept') kind[j] = 1;
    else if (tieRule === 'reject') kind[j] = 0;
    else {
      kind[j] = 2;
      limit[j] = soldAtPlan[j]! + allocation[j]!;
    }
  }
  return (j, s) => {
    const c = kind[j]!;
    if (c === 0) return false;
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) if (s.remaining[net.productResources[k]!]! < 1) return false;
    return c === 1 || s.sold[j]! < limit[j]! - 1e-9;
  };
}
