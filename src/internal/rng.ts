/**
 * Seeded pseudo-random numbers. Kernels never call Math.random: randomness is injected as an `Rng`
 * (a function returning uniforms in [0, 1)), so the same seed gives the same result.
 *
 * mulberry32 (Tommy Ettinger, 2017): a 32-bit state generator, fast and good enough for Monte Carlo
 * simulation of booking processes (passes PractRand to 2^32 outputs; not for cryptography).
 * @internal re-exported from `yieldcraft/simulate`
 */
import type { Rng } from '../distributions/types.js';
import { fail } from './validate.js';

export function mulberry32(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) fail('seed', `must be a finite number, got ${String(seed)}`);
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream seed from a base seed and a stream index (splitmix32-style hash). */
export function deriveSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul((stream + 1) >>> 0, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
