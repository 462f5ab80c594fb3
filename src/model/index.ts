/**
 * `yieldcraft/model`: the vocabulary (resources, products, segments, channels, costs, demand, requests,
 * inventory state), zod schemas with `parse*`/`safeParse*`, `YieldInputError`, and `contribution`.
 */
export * from './errors.js';
export * from './demand.js';
export * from './schemas.js';
export * from './contribution.js';
export * from './hotel.js';
