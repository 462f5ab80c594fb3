/** `yieldcraft decide`: one booking request against a saved controls document. */
import { integerFlag, numberFlag, dateFlag, parseCommand, positionals } from '../args.js';
import { InputFileError, UsageError, inFile } from '../errors.js';
import { readJson, type CliIo } from '../io.js';
import { parseControlsDocument } from '../documents.js';
import { compileControls } from '../../control/compileControls.js';
import { decideBidPrice } from '../../control/bidPriceControls.js';
import { decide } from '../../control/decide.js';
import { nestedLimitState } from '../../control/nestedLimitState.js';
import { hotelProductId } from '../../model/hotel.js';
import { YieldInputError } from '../../model/errors.js';

export async function decideCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('decide', argv, {
    arrival: { type: 'string' },
    nights: { type: 'string' },
    rate: { type: 'string' },
    product: { type: 'string' },
    quantity: { type: 'string' },
    value: { type: 'string' },
    sold: { type: 'string' },
  });
  if (p.values.help) return -1;
  const [file] = positionals(p.positionals, ['controls.json'], 'decide');
  let product: string;
  if (p.values.product !== undefined) {
    if (p.values.arrival !== undefined || p.values.nights !== undefined || p.values.rate !== undefined)
      throw new UsageError('give --product, or --arrival, --nights and --rate, not both', 'decide');
    product = p.values.product;
  } else {
    const arrival = dateFlag(p.values.arrival, 'arrival', 'decide');
    const nights = integerFlag(p.values.nights, 'nights', 'decide', 1);
    if (p.values.rate === undefined) throw new UsageError('--rate is required (a rate plan of the controls, e.g. "Online TA")', 'decide');
    product = hotelProductId(arrival, nights, p.values.rate);
  }
  const quantity = integerFlag(p.values.quantity, 'quantity', 'decide', 1, 1);
  const value = numberFlag(p.values.value, 'value', 'decide', 0);
  const json = await readJson(io, file!);
  const doc = inFile(file!, () => parseControlsDocument(json));
  const controls = inFile(file!, () => compileControls(doc.controls), 'controls');
  let sold: Record<string, number> = {};
  if (p.values.sold !== undefined) {
    const s = await readJson(io, p.values.sold);
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new InputFileError(p.values.sold, [{ path: '', message: 'must be an object { "night": rooms sold, … }' }]);
    sold = s as Record<string, number>;
  }
  let result: { accept: boolean; reason: string; product: string; quantity: number; explanation: string; [k: string]: unknown };
  if (controls.kind === 'bid-prices') {
    if (!controls.productIndex.has(product))
      throw new UsageError(`no product ${JSON.stringify(product)} in ${file} (rate plans: ${[...new Set(controls.productIds.map((id: string) => id.split('/').slice(2).join('/')))].join(', ')})`, 'decide');
    try {
      const d = decideBidPrice({ product, quantity, ...(value === undefined ? {} : { value }) }, { sold }, controls);
      // resources and explanation are getters (built on first read): copied by name, not by spreading
      const { accept, reason, quantity: q, value: v, hurdle, margin, tie, resources, explanation } = d;
      result = { accept, reason, product: d.product, quantity: q, value: v, hurdle, margin, tie, resources, explanation };
    } catch (e) {
      if (e instanceof YieldInputError && e.path.startsWith('state')) throw InputFileError.from(p.values.sold ?? file!, e);
      throw e;
    }
  } else {
    const state = inFile(p.values.sold ?? file!, () => nestedLimitState(controls, { sold }));
    const d = decide({ product, quantity }, state, controls);
    result = { ...d, product, explanation: `${d.accept ? 'accept' : 'reject'}: ${d.reason}, ${d.available} unit(s) available in the class` };
  }
  if (p.values.json) io.out(JSON.stringify(result, null, 2) + '\n');
  else io.out(`${result.accept ? 'ACCEPT' : 'REJECT'} ${result.explanation}\n`);
  return 0;
}
