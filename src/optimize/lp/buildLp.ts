import { array, fail, finite, join, object } from '../../internal/validate.js';
import type { LpModel } from './types.js';

export interface LpVariableSpec {
  readonly name?: string;
  readonly objective: number;
  readonly lower?: number;
  readonly upper?: number;
}

export interface LpConstraintSpec {
  readonly name?: string;
  /** Coefficients by variable name (`{ x: 1, y: 3 }`) or by index (`[[0, 1], [1, 3]]`). */
  readonly terms: Readonly<Record<string, number>> | readonly (readonly [number, number])[];
  readonly lower?: number;
  readonly upper?: number;
}

export interface LpSpec {
  readonly sense: 'max' | 'min';
  readonly variables: readonly LpVariableSpec[];
  readonly constraints: readonly LpConstraintSpec[];
}

/**
 * Builds an {@link LpModel} (sparse, typed) from a readable description: variables as objects with a
 * name, an objective coefficient and bounds; constraints as `{ terms: { name: coefficient }, lower,
 * upper }` (or terms by variable index). Handy for small models, tests and documentation; large models
 * (a network LP) are better assembled straight into typed arrays.
 *
 * @param spec.sense - 'max' or 'min'
 * @param spec.variables - one object per variable: objective coefficient, lower (default 0), upper
 *   (default +∞), optional unique name
 * @param spec.constraints - one object per row: terms (by variable name or index), lower (default −∞),
 *   upper (default +∞)
 * @returns the LpModel; unknown variable names and duplicate names throw YieldInputError
 * @example
 * import { buildLp } from 'yieldcraft/optimize';
 * const m = buildLp({ sense: 'min', variables: [{ name: 'a', objective: 1 }],
 *   constraints: [{ terms: { a: 2 }, lower: 4 }] });
 * Array.from(m.constraints.values); // => [2]
 */
export function buildLp(spec: LpSpec): LpModel {
  const s = object(spec, 'spec');
  const vars = array<LpVariableSpec>(s.variables, 'spec.variables');
  const cons = array<LpConstraintSpec>(s.constraints, 'spec.constraints');
  const n = vars.length;
  const objective = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const names: string[] = [];
  const byName = new Map<string, number>();
  vars.forEach((v, j) => {
    const p = join('spec.variables', j);
    object(v, p);
    objective[j] = finite(v.objective, join(p, 'objective'));
    lower[j] = v.lower ?? 0;
    upper[j] = v.upper ?? Infinity;
    const name = v.name ?? `x${j}`;
    if (byName.has(name)) fail(join(p, 'name'), `duplicate variable name ${JSON.stringify(name)}`, 'inconsistent');
    byName.set(name, j);
    names.push(name);
  });
  const starts = new Int32Array(cons.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower = new Float64Array(cons.length);
  const rowUpper = new Float64Array(cons.length);
  const rowNames: string[] = [];
  cons.forEach((c, i) => {
    const p = join('spec.constraints', i);
    object(c, p);
    const terms: [number, number][] = Array.isArray(c.terms)
      ? (c.terms as readonly (readonly [number, number])[]).map(([j, a]) => [j, a])
      : Object.entries(object(c.terms, join(p, 'terms'))).map(([name, a]) => {
          const j = byName.get(name);
          if (j === undefined) fail(join(join(p, 'terms'), name), `unknown variable ${JSON.stringify(name)}`, 'unknown-reference');
          return [j, a as number];
        });
    for (const [j, a] of terms) {
      indices.push(j);
      values.push(a);
    }
    starts[i + 1] = indices.length;
    rowLower[i] = c.lower ?? -Infinity;
    rowUpper[i] = c.upper ?? Infinity;
    rowNames.push(c.name ?? `r${i}`);
  });
  return {
    sense: s.sense as 'max' | 'min',
    variables: { objective, lower, upper, names },
    constraints: {
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
      lower: rowLower,
      upper: rowUpper,
      names: rowNames,
    },
  };
}
