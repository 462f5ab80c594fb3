/** See ../index.ts. */
export {};
