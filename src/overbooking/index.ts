/** `yieldcraft/overbooking`: see DESIGN.md and README for this domain. */
export {};
