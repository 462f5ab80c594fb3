/**
 * The report's own model: sections made of charts, tables, sentences and slots. The renderers (HTML,
 * Markdown) know only this model, never the result types of the simulator or the scenario runner; the
 * mapping from those results to sections lives in one file (`sections.ts`), so a change of result
 * shape touches one place.
 */

/** A chart: a Vega-Lite specification (plain JSON, data inlined) drawn to SVG by vega's headless view. */
export interface ReportChart {
  readonly kind: 'chart';
  readonly id: string;
  readonly title: string;
  /** One sentence under the chart: what to read from it. */
  readonly caption?: string;
  /** A Vega-Lite v6 specification with its data inlined (`data.values`). */
  readonly spec: Readonly<Record<string, unknown>>;
}

export type CellValue = string | number | null;

export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  /** How numbers are shown: money (2 decimals), share (%), count (0–1 decimals), or as given. */
  readonly format?: 'money' | 'share' | 'count' | 'text';
}

export interface ReportTable {
  readonly kind: 'table';
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  readonly caption?: string;
}

export interface ReportText {
  readonly kind: 'text';
  readonly paragraphs: readonly string[];
}

/** A place kept for a section that another part of the library fills (customer profitability, rate ladder). */
export interface ReportSlot {
  readonly kind: 'slot';
  readonly slot: 'customer-profitability' | 'rate-ladder' | (string & {});
  readonly note: string;
}

export type ReportBlock = ReportChart | ReportTable | ReportText | ReportSlot;

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

/** A whole report: what `renderReport` draws. */
export interface ReportModel {
  readonly kind: 'report';
  readonly title: string;
  readonly subtitle?: string;
  readonly sections: readonly ReportSection[];
  /** Data sources and references, one line each (shown at the end). */
  readonly sources?: readonly string[];
}
