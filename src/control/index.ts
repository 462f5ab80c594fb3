/** `yieldcraft/control`: see DESIGN.md and README for this domain. */
export {};
export * from './los.js';
