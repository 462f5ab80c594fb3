/**
 * The HTML report: one self-contained page — styles inline, every chart an inlined SVG drawn by vega's
 * headless view — with no script, no external stylesheet, image, font or fetch, so it opens offline
 * and can be mailed or archived as one file.
 */
import type { ReportBlock, ReportModel } from './model.js';
import { checkModel, formatCell, isNumeric } from './format.js';
import { vegaLiteToSvg } from './svg.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; background: white; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; } .subtitle { color: #59636e; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d1d9e0; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; } figcaption, .caption { color: #59636e; font-size: .88rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #d1d9e0; text-align: left; } td.num, th.num { text-align: right; }
.slot { border: 1px dashed #afb8c1; color: #59636e; padding: .8rem 1rem; border-radius: 6px; }
nav ol { columns: 2; font-size: .9rem; } footer { margin-top: 2rem; color: #59636e; font-size: .85rem; }`;

async function block(b: ReportBlock): Promise<string> {
  switch (b.kind) {
    case 'text':
      return b.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
    case 'slot':
      return `<div class="slot" data-slot="${escape(b.slot)}">${escape(b.note)}</div>`;
    case 'table': {
      const head = b.columns.map((c) => `<th${isNumeric(c) ? ' class="num"' : ''}>${escape(c.label)}</th>`).join('');
      const rows = b.rows
        .map((r) => `<tr>${b.columns.map((c) => `<td${isNumeric(c) ? ' class="num"' : ''}>${escape(formatCell(r[c.key] ?? null, c))}</td>`).join('')}</tr>`)
        .join('\n');
      return `<h3>${escape(b.title)}</h3>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>${b.caption ? `\n<p class="caption">${escape(b.caption)}</p>` : ''}`;
    }
    case 'chart': {
      const svg = await vegaLiteToSvg(b.spec);
      return `<figure class="chart" id="chart-${escape(b.id)}" aria-label="${escape(b.title)}">\n<h3>${escape(b.title)}</h3>\n${svg}${b.caption ? `\n<figcaption>${escape(b.caption)}</figcaption>` : ''}\n</figure>`;
    }
  }
}

/** Renders the report model as one self-contained HTML page. */
export async function renderHtml(model: ReportModel): Promise<string> {
  checkModel(model);
  const parts: string[] = [];
  for (const s of model.sections) {
    const blocks: string[] = [];
    for (const b of s.blocks) blocks.push(await block(b));
    parts.push(`<section id="${escape(s.id)}">\n<h2>${escape(s.title)}</h2>\n${blocks.join('\n')}\n</section>`);
  }
  const nav = `<nav><ol>${model.sections.map((s) => `<li><a href="#${escape(s.id)}">${escape(s.title)}</a></li>`).join('')}</ol></nav>`;
  const sources = model.sources?.length ? `<footer>${model.sources.map((s) => `<p>${escape(s)}</p>`).join('')}</footer>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escape(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${escape(model.subtitle)}</p>` : ''}
${nav}
${parts.join('\n')}
${sources}
<footer><p>Made with yieldcraft. Charts: Vega-Lite, rendered to SVG.</p></footer>
</main>
</body>
</html>
`;
}
