/**
 * @internal @deprecated The reader of the published Topaloglu (2009) instances is data-set I/O: it moved
 * to `src/history/parseTopalogluInstance.ts` (`yieldcraft/history`). This shim keeps old imports
 * compiling until they are switched; then it goes.
 */
export {
  parseTopalogluInstance,
  TOPALOGLU_HUB,
  type TopalogluInstance,
  type TopalogluLeg,
  type TopalogluItinerary,
} from '../../history/parseTopalogluInstance.js';
