import { describe, expect, it } from 'vitest';
import { YieldInputError } from '../../src/model/index.js';
import { bidPriceControls, lastRoomValues, losControls } from '../../src/control/index.js';
import { bidPriceRange, dlp, openDlpSession } from '../../src/optimize/network/index.js';
import { compileNetwork } from '../../src/model/index.js';
import { solveDlp } from '../../src/optimize/network/dlp.js';
import { emUnconstrain, forecastAccuracy, holtWinters, projectionDetruncation } from '../../src/forecast/index.js';

// A null options object, a non-array option or a product without resources used to crash with a
// TypeError deep inside; each must be a YieldInputError naming the field.
const net = { resources: [{ id: 'n', capacity: 10 }], products: [{ id: 'p', fare: 50, resources: ['n'], demand: 4 }] };
const fieldError = (path: string) => expect.objectContaining({ name: 'YieldInputError', path });

describe('options and malformed inputs throw YieldInputError naming the field, never a TypeError', () => {
  it('network optimizers: null options, a non-array resources option', async () => {
    const bad = null as never;
    await expect(dlp(net, bad)).rejects.toEqual(fieldError('options'));
    await expect(solveDlp(compileNetwork(net), {}, bad)).rejects.toEqual(fieldError('options'));
    await expect(openDlpSession(compileNetwork(net), bad)).rejects.toEqual(fieldError('options'));
    await expect(bidPriceRange(net, bad)).rejects.toEqual(fieldError('options'));
    await expect(bidPriceRange(net, { resources: 'n' as never })).rejects.toEqual(fieldError('options.resources'));
  });
  it('controls: null options, a hotel product without resources', async () => {
    await expect(lastRoomValues(net, null as never)).rejects.toEqual(fieldError('options'));
    expect(() => bidPriceControls(net, { n: 1 }, null as never)).toThrow(YieldInputError);
    expect(() => losControls(net as never, { n: 1 }, null as never)).toThrow(YieldInputError);
    const noResources = { resources: [{ id: 'n', capacity: 1 }], products: [{ id: 'x', fare: 1 }] } as never;
    expect(() => losControls(noResources, { n: 1 })).toThrow(fieldError('hotel.products[0].resources'));
  });
  it('forecast: null options', () => {
    const obs = [{ value: 1, censored: false }, { value: 2, censored: true }];
    for (const f of [
      () => holtWinters([1, 2, 3], null as never),
      () => emUnconstrain(obs, null as never),
      () => projectionDetruncation(obs, null as never),
      () => forecastAccuracy([1], [1], null as never),
    ])
      expect(f).toThrow(fieldError('options'));
  });
});
