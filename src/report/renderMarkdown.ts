/**
 * The Markdown summary: the same sections as the HTML page, with the tables and sentences; each chart
 * is named with its caption (Markdown has no portable place for inline SVG — see the HTML report).
 */
import type { ReportBlock, ReportModel } from './model.js';
import { checkModel, formatCell, isNumeric } from './format.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'text':
      return b.paragraphs.join('\n\n');
    case 'slot':
      return `> ${b.note}`;
    case 'chart':
      return `*Chart — ${b.title}${b.caption ? `: ${b.caption}` : ''} (see the HTML report).*`;
    case 'table': {
      const head = `| ${b.columns.map((c) => cell(c.label)).join(' | ')} |`;
      const rule = `| ${b.columns.map((c) => (isNumeric(c) ? '---:' : ':---')).join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${b.columns.map((c) => cell(formatCell(r[c.key] ?? null, c))).join(' | ')} |`);
      return [`**${b.title}**`, '', head, rule, ...rows, ...(b.caption ? ['', `_${b.caption}_`] : [])].join('\n');
    }
  }
}

/** Renders the report model as Markdown. */
export function renderMarkdown(model: ReportModel): string {
  checkModel(model);
  const out: string[] = [`# ${model.title}`];
  if (model.subtitle) out.push(`_${model.subtitle}_`);
  for (const s of model.sections) {
    out.push(`## ${s.title}`);
    for (const b of s.blocks) out.push(block(b));
  }
  if (model.sources?.length) out.push('---', ...model.sources);
  return out.join('\n\n') + '\n';
}
