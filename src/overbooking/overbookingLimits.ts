import { array, fail, join, nonNegative, nonNegativeInteger, object, probability } from '../internal/validate.js';
import { overbookingLimit, type OverbookingLimitResult, type OverbookingOptions } from './overbookingLimit.js';
import { riskBasedOverbookingLimit, type RiskBasedOverbookingResult } from './riskBasedOverbookingLimit.js';
import { validateShowUp, type ShowUpModel } from './showUp.js';

/** One value for every resource, or one per resource id. */
export type PerResource<T> = T | Readonly<Record<string, T>>;

export interface OverbookingLimitsCostOptions extends OverbookingOptions {
  readonly policy?: 'cost';
  readonly fare: PerResource<number>;
  readonly deniedServiceCost: PerResource<number>;
  readonly showUp: PerResource<ShowUpModel>;
}

export interface OverbookingLimitsRiskOptions {
  readonly policy: 'risk';
  readonly showUp: PerResource<ShowUpModel>;
  readonly maxDeniedProbability: number;
  readonly maxAuthorized?: number;
}

type ResourceLike = { readonly id: string; readonly capacity: number };

/**
 * Overbooking levels for every resource of a model at once — each night of a hotel, each leg of a
 * network — cost-based (`overbookingLimit`) or risk-based (`riskBasedOverbookingLimit`) per resource.
 *
 * Each resource is treated on its own (shows on different nights or legs are not pooled): the standard
 * leg-level practice (Talluri & van Ryzin 2004, §4.3 notes that network overbooking is mostly done this
 * way, with the authorized levels then used as virtual capacities by the capacity controls).
 * Any parameter may be one value for all resources or a record keyed by resource id; a record must cover
 * every resource and name no other.
 *
 * @param resources - `{ id, capacity }[]` (see `Resource` in `yieldcraft/model`); ids unique
 * @param options.policy - `'cost'` (default) or `'risk'`
 * @param options.fare - money, per resource or for all (cost policy)
 * @param options.deniedServiceCost - money, per resource or for all (cost policy)
 * @param options.showUp - show-up model, per resource or for all
 * @param options.revenueBasis - as for `overbookingLimit`
 * @param options.maxAuthorized - as for `overbookingLimit`
 * @returns a record keyed by resource id
 * @example
 * import { overbookingLimits } from 'yieldcraft/overbooking';
 * const r = overbookingLimits(
 *   [{ id: 'fri', capacity: 100 }, { id: 'sat', capacity: 100 }],
 *   { fare: { fri: 120, sat: 180 }, deniedServiceCost: 300,
 *     showUp: { kind: 'binomial', probability: 0.9 } });
 * r.sat.authorized >= r.fri.authorized; // => true
 */
export function overbookingLimits(
  resources: readonly ResourceLike[],
  options: OverbookingLimitsCostOptions,
): Record<string, OverbookingLimitResult>;
/**
 * Risk-based overbooking levels for every resource (`policy: 'risk'`): per resource the largest
 * authorization whose probability of denying service stays within `maxDeniedProbability`
 * (`riskBasedOverbookingLimit`); see the cost-based overload above for the parameters.
 * @param options.maxDeniedProbability - ε for the risk policy
 * @example
 * import { overbookingLimits } from 'yieldcraft/overbooking';
 * const r = overbookingLimits([{ id: 'fri', capacity: 100 }],
 *   { policy: 'risk', showUp: { kind: 'binomial', probability: 0.9 }, maxDeniedProbability: 0.05 });
 * r.fri.authorized > 100; // => true
 */
export function overbookingLimits(
  resources: readonly ResourceLike[],
  options: OverbookingLimitsRiskOptions,
): Record<string, RiskBasedOverbookingResult>;
export function overbookingLimits(
  resources: readonly ResourceLike[],
  options: OverbookingLimitsCostOptions | OverbookingLimitsRiskOptions,
): Record<string, OverbookingLimitResult | RiskBasedOverbookingResult> {
  const list = array<unknown>(resources, 'resources');
  const opts = object(options, 'options');
  const ids: string[] = [];
  const capacities: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = object(list[i], join('resources', i));
    const id = r.id;
    if (typeof id !== 'string' || id === '') fail(join(join('resources', i), 'id'), 'must be a non-empty string', 'invalid-type');
    if (ids.includes(id)) fail(join(join('resources', i), 'id'), `duplicate resource id ${JSON.stringify(id)}`, 'inconsistent');
    ids.push(id);
    capacities.push(nonNegativeInteger(r.capacity, join(join('resources', i), 'capacity')));
  }
  const policy = opts.policy ?? 'cost';
  if (policy !== 'cost' && policy !== 'risk') fail('options.policy', `must be 'cost' or 'risk', got ${JSON.stringify(policy)}`);

  const showUps = perResource(opts.showUp, 'options.showUp', ids, (x): x is ShowUpModel =>
    typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string', validateShowUp);
  const out: Record<string, OverbookingLimitResult | RiskBasedOverbookingResult> = {};
  if (policy === 'risk') {
    const eps = probability(opts.maxDeniedProbability, 'options.maxDeniedProbability');
    const rest = opts.maxAuthorized === undefined ? {} : { maxAuthorized: opts.maxAuthorized as number };
    ids.forEach((id, i) => {
      out[id] = riskBasedOverbookingLimit({ capacity: capacities[i]!, showUp: showUps[i]!, maxDeniedProbability: eps }, rest);
    });
    return out;
  }
  const isNumber = (x: unknown): x is number => typeof x === 'number';
  const fares = perResource(opts.fare, 'options.fare', ids, isNumber, nonNegative);
  const costs = perResource(opts.deniedServiceCost, 'options.deniedServiceCost', ids, isNumber, nonNegative);
  const o = options as OverbookingLimitsCostOptions;
  const rest: OverbookingOptions = {
    ...(o.revenueBasis === undefined ? {} : { revenueBasis: o.revenueBasis }),
    ...(o.maxAuthorized === undefined ? {} : { maxAuthorized: o.maxAuthorized }),
  };
  ids.forEach((id, i) => {
    out[id] = overbookingLimit(
      { capacity: capacities[i]!, fare: fares[i]!, deniedServiceCost: costs[i]!, showUp: showUps[i]! },
      rest,
    );
  });
  return out;
}

/** Resolves a one-for-all value or a record keyed by id into one validated value per id, in id order. */
function perResource<T>(
  value: unknown,
  path: string,
  ids: readonly string[],
  isSingle: (x: unknown) => x is T,
  validate: (x: unknown, path: string) => T,
): T[] {
  if (isSingle(value)) {
    const v = validate(value, path);
    return ids.map(() => v);
  }
  const rec = object(value, path);
  for (const key of Object.keys(rec))
    if (!ids.includes(key)) fail(join(path, key), `names no resource (known: ${ids.join(', ')})`, 'unknown-reference');
  return ids.map((id) => {
    if (!Object.prototype.hasOwnProperty.call(rec, id)) fail(join(path, id), 'is missing for this resource');
    return validate(rec[id], join(path, id));
  });
}

