/**
 * `yieldcraft/report`: HTML and Markdown reports of simulations and what-if studies, charts drawn to SVG
 * by Vega-Lite + vega's headless view (loaded on first use).
 */
export * from './model.js';
export { renderReport, type RenderReportOptions } from './renderReport.js';
export {
  bidPriceSection,
  bookingPaceSection,
  forecastVsActualSection,
  groupEvaluationSection,
  reportModel,
  customerProfitabilitySection,
  rateLadderSection,
  simulationSections,
  whatIfSections,
  type ReportGroupEvaluation,
  type ReportSimulationResult,
  type ReportSummary,
  type ReportVariationOutcome,
  type ReportWhatIfResult,
} from './sections.js';
export { renderHtml } from './renderHtml.js';
export { renderMarkdown } from './renderMarkdown.js';
export { vegaLiteToSvg } from './svg.js';
