import { describe, expect, it } from 'vitest';
import * as history from '../../../src/history/index.js';
import * as network from '../../../src/optimize/network/index.js';
import * as model from '../../../src/model/index.js';
import * as lp from '../../../src/optimize/lp/index.js';
import * as control from '../../../src/control/index.js';

// Internal helpers stay importable from their files (the library's own modules and tests do so) but are
// not part of the public API: the domain indexes (and through them the package root) do not export them.
describe('domain indexes keep internal helpers out of the public API', () => {
  it('history exports the date functions documented in docs/history.md, not the calendar internals', () => {
    for (const name of ['toEpochDay', 'fromEpochDay', 'addDays', 'dayOfWeek']) expect(history).toHaveProperty(name);
    for (const name of ['daysFromCivil', 'daysInMonth', 'parseEpochDay', 'isIsoDate']) expect(history).not.toHaveProperty(name);
  });
  it('the reader of the published Topaloglu instances is data-set I/O: exported from history, not from optimize', () => {
    for (const name of ['parseTopalogluInstance', 'TOPALOGLU_HUB']) expect(history).toHaveProperty(name);
    for (const name of ['parseTopalogluInstance', 'TOPALOGLU_HUB']) expect(network).not.toHaveProperty(name);
  });
  it('optimize/network and optimize/lp export the optimizers, not the dual-face builder, demandMean or the normalized-LP entry', () => {
    for (const name of ['dlp', 'bidPriceRange', 'rlp', 'openDlpSession', 'lagrangianRelaxation', 'dpDecomposition', 'davn'])
      expect(network).toHaveProperty(name);
    for (const name of ['dlpDualFace', 'demandMean']) expect(network).not.toHaveProperty(name);
    expect(lp).toHaveProperty('solveLp');
    expect(lp).not.toHaveProperty('solveNormalizedLp');
  });
  it('the booking process and the compile step are model vocabulary: exported from model, not from optimize', () => {
    const processNames = ['compileNetwork', 'validateBookingProcess', 'expectedArrivals', 'remainingNetwork', 'reoptimizationSchedule', 'PERIOD_PROBABILITY_TOLERANCE'];
    for (const name of processNames) expect(model).toHaveProperty(name);
    for (const name of processNames) expect(network).not.toHaveProperty(name);
    for (const name of ['compileBookingProcess', 'demandMean', 'startCapacity', 'bidPriceVector']) expect(model).not.toHaveProperty(name);
  });
  it('control exports bid-price controls and deciders, not the spec compiler or the dispatch helper', () => {
    for (const name of ['bidPriceControls', 'decideBidPrice', 'createBidPriceDecider', 'networkBookingState', 'decide', 'recordSale', 'recordCancellation', 'recordNoShow'])
      expect(control).toHaveProperty(name);
    for (const name of ['compileBidPriceSpec', 'decideNetwork']) expect(control).not.toHaveProperty(name);
  });
});
