import { YieldInputError } from '../model/errors.js';
import type { ReportModel, ReportSection } from './model.js';
import { reportModel, type ReportSimulationResult, type ReportWhatIfResult } from './sections.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';

export interface RenderReportOptions {
  readonly format: 'html' | 'markdown';
  readonly sections?: readonly ReportSection[];
  readonly title?: string;
  readonly sources?: readonly string[];
}

/**
 * Renders a simulation or what-if result — or a report model built by hand — as a self-contained HTML
 * page or a Markdown summary. Sections: revenue by policy or variation (table and distribution),
 * paired differences to the first policy / the baseline with their confidence intervals, occupancy and
 * bid prices by night; add booking pace, forecast against actual, bid prices from saved controls, or
 * the reserved customer-profitability and rate-ladder sections with `options.sections`
 * (`bookingPaceSection`, `forecastVsActualSection`, `bidPriceSection`, `customerProfitabilitySection`, `rateLadderSection`).
 *
 * Asynchronous (DESIGN.md sketches a string): vega's headless renderer draws SVG asynchronously.
 *
 * @param result - a `SimulationResult` (`kind: 'simulation'`), a `WhatIfResult` (`kind: 'what-if'`) or a
 *   `ReportModel` (`kind: 'report'`)
 * @param options.format - 'html' (one page, SVG inlined, no script, no network) or 'markdown'
 * @param options.sections - more sections, after the result's own
 * @param options.title - the page title (default from the result)
 * @param options.sources - data sources and references printed at the end
 * @returns a Promise of the HTML or Markdown text
 * @example
 * import { renderReport } from 'yieldcraft/report';
 * const md = await renderReport(
 *   { kind: 'report', title: 'Night audit', sections: [{ id: 'a', title: 'Summary', blocks: [{ kind: 'text', paragraphs: ['All rooms sold.'] }] }] },
 *   { format: 'markdown' },
 * );
 * md; // => '# Night audit\n\n## Summary\n\nAll rooms sold.\n'
 */
export async function renderReport(
  result: ReportSimulationResult | ReportWhatIfResult | ReportModel,
  options: RenderReportOptions,
): Promise<string> {
  if (typeof result !== 'object' || result === null || !['simulation', 'what-if', 'report'].includes((result as { kind?: string }).kind ?? ''))
    throw new YieldInputError('invalid-type', 'result', "must be a simulation result, a what-if result or a report model (kind 'simulation' | 'what-if' | 'report')");
  if (typeof options !== 'object' || options === null || (options.format !== 'html' && options.format !== 'markdown'))
    throw new YieldInputError('invalid', 'options.format', `must be 'html' or 'markdown', got ${JSON.stringify((options as { format?: unknown } | null)?.format)}`);
  let model = reportModel(result, options.sections ?? [], options.title);
  if (options.title !== undefined || options.sources !== undefined)
    model = { ...model, title: options.title ?? model.title, sources: options.sources ?? model.sources };
  return options.format === 'html' ? renderHtml(model) : renderMarkdown(model);
}
