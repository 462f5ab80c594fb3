/** Shared helper of the network tests (not a test file). */
import type { DlpResult } from '../../../src/optimize/network/index.js';
import { dlpModel } from '../../../src/optimize/network/dlp.js';
import { compileNetwork, type Network } from '../../../src/model/index.js';
import { checkOptimality } from '../lp/lpChecker.js';

/**
 * KKT certificate of a DLP result, by the independent checker: the reduced cost of x_j ≤ D_j is
 * f_j − Σ π. Returns the violations (empty when optimal).
 */
export function certifyDlp(network: Network, r: DlpResult): string[] {
  if (r.status !== 'optimal') return [`status ${r.status}`];
  const net = compileNetwork(network);
  const reduced = new Float64Array(net.fare.length);
  for (let j = 0; j < reduced.length; j++) {
    let s = 0;
    for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) s += r.bidPriceArray[net.productResources[q]!]!;
    reduced[j] = net.fare[j]! - s;
  }
  return checkOptimality(dlpModel(net), { objective: r.objective, primal: r.allocationArray, duals: r.bidPriceArray, reducedCosts: reduced });
}
