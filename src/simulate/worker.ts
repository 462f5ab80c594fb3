/**
 * The simulator's worker-thread entry (run by tinypool): rebuilds the policies from their specs, plays
 * its trajectories and returns plain rows. @internal
 */
import type { BookingProcess } from './compileProcess.js';
import type { PolicySpec } from './policy.js';
import { policyFromSpec } from './policies/registry.js';
import { runChunk, type ChunkTask, type ChunkResult } from './runChunk.js';

export default async function run(input: { process: BookingProcess; specs: PolicySpec[]; task: ChunkTask }): Promise<ChunkResult> {
  const policies = await Promise.all(input.specs.map((s, i) => policyFromSpec(s, `policies[${i}]`)));
  return runChunk(input.process, policies, input.task);
}
