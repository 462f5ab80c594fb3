/**
 * One seed for every fast-check property in the suite, so that a run (and CI) is reproducible.
 *
 * The seed is `FC_SEED` from the environment, or a fixed default; `FC_SEED=random` draws a new one (to
 * explore further) and prints it. A failing property reports `{ seed: …, path: … }` in its message; to
 * replay it, run `FC_SEED=<seed> npx vitest run <file>` (or pass `{ seed, path }` to that one `fc.assert`).
 * A property that passes its own `seed` keeps it. Loaded by vitest.config.ts (`setupFiles`).
 */
import fc from 'fast-check';

/** The suite's default seed: change it deliberately, never per run. */
export const DEFAULT_FC_SEED = 20_261_206;

function seedFromEnvironment(): number {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw === '') return DEFAULT_FC_SEED;
  if (raw === 'random') {
    const seed = (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    console.log(`fast-check: FC_SEED=random drew seed ${seed} (replay with FC_SEED=${seed})`);
    return seed;
  }
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or 'random', got ${JSON.stringify(raw)}`);
  return seed | 0;
}

const seed = seedFromEnvironment();
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
