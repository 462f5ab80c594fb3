/**
 * Policies from plain-data specs (what worker threads receive): the built-in factories by `kind`, or a
 * user's module. @internal
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { fail, object } from '../../internal/validate.js';
import { prefixError } from '../../model/errors.js';
import type { Policy, PolicySpec } from '../policy.js';
import { fcfsPolicy } from './fcfsPolicy.js';
import { dlpBidPricePolicy } from './dlpBidPricePolicy.js';
import { rlpBidPricePolicy } from './rlpBidPricePolicy.js';
import { davnPolicy } from './davnPolicy.js';
import { emsrbPerNightPolicy } from './emsrbPerNightPolicy.js';
import { dpDecompositionPolicy } from './dpDecompositionPolicy.js';
import { lagrangianPolicy } from './lagrangianPolicy.js';
import { dynamicPricingPolicy } from './dynamicPricingPolicy.js';

/**
 * Builds the policy a spec describes: `{ kind: 'fcfs' | 'dlp' | 'rlp' | 'davn' | 'emsrb-per-night' |
 * 'dp-decomposition' | 'lagrangian' | 'dynamic-pricing', options? }`, or `{ kind: 'module', module, export?, options? }`
 * for a user's policy (a Policy, or a factory called with `options`).
 * @example
 * import { policyFromSpec } from 'yieldcraft/simulate';
 * (await policyFromSpec({ kind: 'fcfs' })).name; // => 'first come, first served'
 */
export async function policyFromSpec(spec: PolicySpec, path = 'policy'): Promise<Policy> {
  const s = object(spec, path);
  const options = (s.options ?? {}) as Record<string, unknown>;
  try {
    switch (s.kind) {
      case 'fcfs':
        return fcfsPolicy();
      case 'dlp':
        return dlpBidPricePolicy(options);
      case 'rlp':
        return rlpBidPricePolicy(options);
      case 'davn':
        return davnPolicy(options);
      case 'emsrb-per-night':
        return emsrbPerNightPolicy(options);
      case 'dp-decomposition':
        return dpDecompositionPolicy(options);
      case 'lagrangian':
        return lagrangianPolicy(options);
      case 'dynamic-pricing':
        return dynamicPricingPolicy(options);
      case 'module': {
        if (typeof s.module !== 'string' || s.module === '') fail(`${path}.module`, 'must be a module path or file URL', 'invalid-type');
        const url = s.module.startsWith('file:') ? s.module : isAbsolute(s.module) ? pathToFileURL(s.module).href : s.module;
        const mod = (await import(url)) as Record<string, unknown>;
        const name = typeof s.export === 'string' ? s.export : 'default';
        const x = mod[name];
        const p = typeof x === 'function' ? (x as (o: unknown) => Policy)(s.options) : (x as Policy);
        if (p === null || typeof p !== 'object' || typeof p.plan !== 'function')
          fail(`${path}.export`, `${s.module}#${name} is not a policy (an object with plan) or a factory returning one`, 'invalid');
        return { ...p, spec: spec };
      }
      default:
        return fail(`${path}.kind`, `unknown policy kind ${JSON.stringify(s.kind)}`, 'invalid');
    }
  } catch (e) {
    throw prefixError(e, path, { options: 'options' });
  }
}
