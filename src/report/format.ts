import { array, fail, object } from '../internal/validate.js';
/** Cell formatting shared by the HTML and Markdown renderers. */
import type { CellValue, ReportColumn } from './model.js';

export function formatCell(value: CellValue, column: ReportColumn): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (column.format) {
    case 'money':
      return (Math.abs(value) < 5e-3 ? 0 : value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'share':
      return `${(value * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    case 'count':
      return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    default:
      return String(value);
  }
}

export const isNumeric = (c: ReportColumn) => c.format === 'money' || c.format === 'share' || c.format === 'count';

/** Throws a YieldInputError unless `model` is a report model (`{ kind: 'report', title, sections }`). @internal */
export function checkModel(model: unknown): void {
  const m = object(model, 'model');
  if (m.kind !== 'report') fail('model.kind', `must be 'report' (build the model with reportModel), got ${JSON.stringify(m.kind)}`);
  if (typeof m.title !== 'string') fail('model.title', 'must be a string', 'invalid-type');
  array<unknown>(m.sections, 'model.sections').forEach((s, i) => {
    const sec = object(s, `model.sections[${i}]`);
    array(sec.blocks, `model.sections[${i}].blocks`);
  });
}
