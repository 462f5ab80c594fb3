/**
 * `decide` on the booking path: requests per second for nested booking limits on one resource, with a
 * reused decision object (the allocation-free path) and with a fresh one per call, and the heap growth
 * over a million calls of the reused path. Run: `npm run bench -- decide`.
 */
import { nestedLimitState, createDecision, decide, nestedLimitControls } from '../src/control/index.js';
import { opsPerSecond, record } from './record.js';

const sizes = [4, 10, 26];
const rows: string[] = [];
const gc = (globalThis as { gc?: () => void }).gc;

for (const n of sizes) {
  // Limits 300, 270, …; a mid-season state; requests cycle over every class, 1–3 units.
  const limits = Array.from({ length: n }, (_, i) => 300 - Math.floor((i * 300) / (n + 1)));
  const controls = nestedLimitControls(limits, { classIds: limits.map((_, i) => `C${i}`) });
  const state = nestedLimitState(controls, { sold: limits.map((_, i) => (i % 3) * 2) });
  const requests = Array.from({ length: 1024 }, (_, k) => ({ product: (k * 7) % n, quantity: 1 + (k % 3) }));
  const byId = requests.map((r) => ({ product: `C${r.product}`, quantity: r.quantity }));
  const out = createDecision();
  let k = 0;
  let accepted = 0;
  const reused = opsPerSecond(() => {
    if (decide(requests[k++ & 1023]!, state, controls, out).accept) accepted++;
  });
  const fresh = opsPerSecond(() => {
    if (decide(requests[k++ & 1023]!, state, controls).accept) accepted++;
  });
  const ids = opsPerSecond(() => {
    if (decide(byId[k++ & 1023]!, state, controls, out).accept) accepted++;
  });
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1_000_000; i++) decide(requests[i & 1023]!, state, controls, out);
  const grown = process.memoryUsage().heapUsed - before;
  rows.push(
    `| ${n} | ${(reused.opsPerSec / 1e6).toFixed(1)} M | ${(ids.opsPerSec / 1e6).toFixed(1)} M | ${(fresh.opsPerSec / 1e6).toFixed(1)} M | ${gc ? `${(grown / 1024).toFixed(0)} KiB` : 'n/a (no --expose-gc)'} |`,
  );
  if (accepted < 0) console.log(accepted); // keep the work observable
}

const body = `Nested booking limits on one resource, \`decide(request, state, controls, out?)\`; requests cycle over
every class, 1–3 units, on a mid-season state (single thread, shared 2-core machine: read as orders of
magnitude).

| classes | reused \`out\`, class index | reused \`out\`, class id | fresh result object | heap growth, 10⁶ calls (reused \`out\`) |
| ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
console.log(body);
record('decide', 'decide: booking-path decisions per second', body);
