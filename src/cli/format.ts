/** Terminal formatting helpers of the command (tables, money, shares). */

export const money = (x: number): string =>
  (Math.abs(x) < 5e-3 ? 0 : x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const rooms = (x: number): string => (Math.round(x * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
export const share = (x: number): string => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;

/** A table with a header rule; columns listed in `right` are right-aligned. */
export function table(rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  const line = (r: readonly string[]) =>
    '  ' + r.map((c, j) => (right.includes(j) ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd();
  return [line(rows[0]!), '  ' + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n') + '\n';
}
