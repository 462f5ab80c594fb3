/**
 * yieldcraft: yield and demand management for perishable capacity.
 *
 * Everything is also importable from a subpath per domain (`yieldcraft/optimize`, …), which keeps
 * bundles small: importing `littlewood` pulls in neither the LP solver nor the simulator.
 *
 * @module yieldcraft
 */
export * from './model/index.js';
export * from './distributions/index.js';
export * from './history/index.js';
export * from './forecast/index.js';
export * from './optimize/index.js';
export * from './overbooking/index.js';
export * from './pricing/index.js';
export * from './control/index.js';
export * from './simulate/index.js';
export * from './metrics/index.js';
export * from './customer/index.js';
export * from './scenario/index.js';
export * from './report/index.js';
