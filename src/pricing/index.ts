/** `yieldcraft/pricing`: price-response models, optimal static and multi-segment prices, dynamic pricing. */
export {};
