/** See ../index.ts. */
export * from './networkInput.js';
export * from './dlp.js';
