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
