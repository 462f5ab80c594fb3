// Worker entry when yieldcraft runs from its TypeScript sources (tests, tsx scripts): registers tsx in
// the worker thread, then loads the real worker. The built package uses dist/simulate/worker.js instead.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');
export default mod.default;
