/**
 * The typed LP port: one model shape and one solution shape, whatever solver runs underneath.
 *
 * A linear program here is
 *
 *   optimise (max or min)  Σ_j c_j x_j
 *   subject to             rowLower_i ≤ Σ_j A_ij x_j ≤ rowUpper_i     (i = 0..m−1, "constraints", "rows")
 *                          lower_j    ≤ x_j           ≤ upper_j       (j = 0..n−1, "variables", "columns")
 *
 * with A stored by rows in compressed sparse row (CSR) form: the entries of row i are
 * `indices[starts[i] .. starts[i+1]−1]` (column numbers) with coefficients `values[same range]`.
 * Missing bounds default to: variables 0 ≤ x < +∞; rows −∞ < Ax < +∞ (so give at least one side).
 *
 * Duals follow one convention for every adapter (the sensitivity convention, Chvátal 1983, ch. 10;
 * Bertsimas & Tsitsiklis 1997, §4.4): `duals[i]` is the rate at which the optimal objective changes per
 * unit increase of row i's active bound, in the objective's own sense. For a maximisation with a binding
 * `≤` row (a capacity) it is ≥ 0: the shadow price, the bid price of that resource. `reducedCosts[j]` is
 * the same for variable j's active bound. At an optimum, c = Aᵀ·duals + reducedCosts (stationarity).
 *
 * Legitimate outcomes come back as `status`: 'optimal', 'infeasible', 'unbounded', or 'solver-failed' (the solver
 * failed or could not be loaded: `message` says why). Bad input (NaN coefficients, lengths that disagree,
 * column indices out of range) throws a YieldInputError naming the field.
 */

/** Which solver runs the LP. 'highs' (HiGHS compiled to WebAssembly) is the default. */
export type LpSolverName = 'highs' | 'javascript-lp-solver';

/** A list of numbers: a plain array or a typed array (never mutated by the solver port). */
export type NumberArray = readonly number[] | Float64Array;
/** A list of non-negative integer indices or offsets. */
export type IndexArray = readonly number[] | Int32Array;

/** The variables (columns): objective coefficients and bounds. */
export interface LpVariables {
  /** c_j, one per variable (its length is the number of variables n). */
  readonly objective: NumberArray;
  /** lower_j; default 0 for every variable. Use −Infinity for a free variable. */
  readonly lower?: NumberArray;
  /** upper_j; default +Infinity. */
  readonly upper?: NumberArray;
  /** Optional names (for messages and debugging only). */
  readonly names?: readonly string[];
}

/** The constraints (rows), sparse by rows (CSR). */
export interface LpConstraints {
  /** Offsets: row i owns entries starts[i] .. starts[i+1]−1; length m + 1, starts[0] = 0. */
  readonly starts: IndexArray;
  /** Column (variable) index of each entry; no column twice in one row. */
  readonly indices: IndexArray;
  /** Coefficient A_ij of each entry. */
  readonly values: NumberArray;
  /** rowLower_i; default −Infinity. */
  readonly lower?: NumberArray;
  /** rowUpper_i; default +Infinity. */
  readonly upper?: NumberArray;
  /** Optional names (for messages and debugging only). */
  readonly names?: readonly string[];
}

/** A linear program (see the file comment for the algebra). */
export interface LpModel {
  readonly sense: 'max' | 'min';
  readonly variables: LpVariables;
  readonly constraints: LpConstraints;
}

/** Where the time went, in milliseconds, so callers can see the share spent outside the solver. */
export interface LpTimings {
  /** Translating the model into the solver's input (validation included). */
  readonly buildMs: number;
  /** Inside the solver call itself. */
  readonly solveMs: number;
  /** Reading the solution back (and, for javascript-lp-solver, solving the dual LP: counted in solveMs). */
  readonly extractMs: number;
  /** One-time loading of the solver module (WebAssembly compile for HiGHS); 0 once loaded. */
  readonly loadMs: number;
}

export interface LpOptimal {
  readonly status: 'optimal';
  readonly solver: LpSolverName;
  /** Σ c_j x_j at the returned primal solution. */
  readonly objective: number;
  /** x_j, one per variable. */
  readonly primal: Float64Array;
  /** Row duals (shadow prices), one per constraint: see the convention in the file comment. */
  readonly duals: Float64Array;
  /** Reduced costs (column duals), one per variable, same convention. */
  readonly reducedCosts: Float64Array;
  /** Row activities Σ_j A_ij x_j, one per constraint. */
  readonly activities: Float64Array;
  readonly timings: LpTimings;
}

export interface LpNotOptimal {
  readonly status: 'infeasible' | 'unbounded' | 'solver-failed';
  readonly solver: LpSolverName;
  /**
   * The optimal value by the usual convention: an infeasible max is −∞ (min: +∞); an unbounded max is
   * +∞ (min: −∞). `null` for 'solver-failed'.
   */
  readonly objective: number | null;
  readonly primal: null;
  readonly duals: null;
  readonly reducedCosts: null;
  readonly activities: null;
  /** Why the solver stopped (always set for 'solver-failed'). */
  readonly message: string;
  readonly timings: LpTimings;
}

export type LpSolution = LpOptimal | LpNotOptimal;

export interface SolveLpOptions {
  /** Which solver; default 'highs'. */
  readonly solver?: LpSolverName;
}

/** Defaults of {@link SolveLpOptions}. */
export const SOLVE_LP_DEFAULTS = { solver: 'highs' } as const satisfies Required<SolveLpOptions>;
