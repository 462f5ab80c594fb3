/**
 * `yieldcraft/optimize`: single-resource controls (Littlewood, EMSR, exact static and dynamic DP,
 * fare transformation), network controls (DLP, RLP, DAVN, DP decomposition, bid prices), and the typed
 * LP port with its solver adapters.
 */
export * from './singleResource/index.js';
export * from './lp/index.js';
export * from './network/index.js';
