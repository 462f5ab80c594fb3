/**
 * The simulator's worker-thread entry (run by tinypool). The process and the policy specs come once per
 * worker thread, as the pool's `workerData` (cloned once, not once per task); the process is compiled
 * on the first task and kept for the others. Each task rebuilds the policies from their specs, plays its
 * trajectories and returns plain rows. @internal
 */
import { compileProcess, type SimProcess } from './compileProcess.js';
import { policyFromSpec } from './policies/registry.js';
import { runChunk, type ChunkTask, type ChunkResult, type WorkerData } from './runChunk.js';

let compiled: SimProcess | undefined;

export default async function run(input: { task: ChunkTask }): Promise<ChunkResult> {
  // tinypool is an ES module: imported dynamically so that the CommonJS build can load it too
  const { default: Tinypool } = await import('tinypool');
  const data = Tinypool.workerData as WorkerData;
  compiled ??= compileProcess(data.process);
  const policies = await Promise.all(data.specs.map((s, i) => policyFromSpec(s, `policies[${i}]`)));
  return runChunk(compiled, policies, input.task);
}
