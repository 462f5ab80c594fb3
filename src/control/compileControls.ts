import { fail, object } from '../internal/validate.js';
import type { Controls, ControlsSpec } from './controls.js';
import { compileNestedLimits } from './nestedLimitControls.js';
import { compileBidPriceSpec } from './bidPriceControls.js';
import { compileDynamicBidPriceSpec } from './dynamicBidPriceControls.js';
import { compileResourceNestedLimitsSpec } from './resourceNestedLimitControls.js';

/**
 * Compiles plain-data controls (as stored in a file or sent by the optimiser, e.g. `JSON.parse` of
 * earlier controls) into validated controls for `decide`, dispatching on `kind`.
 *
 * Each control family adds one `case` here (and one in `decide`): `'nested-limits'` →
 * `nestedLimitControls`; `'bid-prices'` → the bid-price compiler of `bidPrice*.ts`.
 *
 * @param spec - `{ kind: 'nested-limits', limits, classIds? }`
 * @example
 * import { compileControls, nestedLimitControls } from 'yieldcraft/control';
 * const saved = JSON.stringify(nestedLimitControls([120, 80, 30]));
 * compileControls(JSON.parse(saved)).limits; // => [120, 80, 30]
 */
export function compileControls(spec: ControlsSpec): Controls {
  const s = object(spec, 'controls');
  switch (s.kind) {
    case 'nested-limits':
      return compileNestedLimits(s.limits, s.classIds, 'controls.limits', 'controls.classIds');
    case 'bid-prices':
      return compileBidPriceSpec(s, 'controls');
    case 'dynamic-bid-prices':
      return compileDynamicBidPriceSpec(s, 'controls');
    case 'resource-nested-limits':
      return compileResourceNestedLimitsSpec(s, 'controls');
    default:
      return fail(
        'controls.kind',
        `must be 'nested-limits', 'bid-prices', 'dynamic-bid-prices' or 'resource-nested-limits', got ${JSON.stringify(s.kind)}`,
      );
  }
}
