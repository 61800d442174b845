/** The page's styles, inline so the report needs nothing but itself. System fonts only. */
export const PAGE_STYLE = `
:root { --ink: #1d2330; --muted: #6a7385; --line: #dfe3ea; --bg: #f7f8fa; --accent: #2f5fd0;
  --error: #c62828; --warning: #b26a00; --added: #2e7d32; --changed: #c77700; --removed: #c62828; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
header, main > section { max-width: 1400px; margin: 0 auto; padding: 16px 24px; }
main > section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-bottom: 20px; }
h1 { font-size: 22px; margin: 8px 0; }
h2 { font-size: 18px; margin: 4px 0 12px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
h3 { font-size: 15px; margin: 16px 0 8px; }
.muted { color: var(--muted); font-weight: normal; }
.cost { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.tag { font-size: 11px; padding: 1px 6px; border-radius: 9px; background: #e8ecf5; color: #34405a; margin-left: 6px; font-weight: 600; }
nav { display: flex; gap: 14px; margin: 10px 0 0; }
a { color: var(--accent); text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.summary { background: #fff; border: 1px solid var(--line); }
code { font-size: 12px; }
.diagram { overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; max-height: 900px; }
.diagram svg { display: block; max-width: 100%; height: auto; cursor: zoom-in; }
.diagram.actual-size svg { max-width: none; cursor: zoom-out; }
.chart svg { max-width: 100%; height: auto; }
.level { font-size: 11px; font-weight: 700; text-transform: uppercase; }
.level-error { color: var(--error); } .level-warning { color: var(--warning); } .level-info { color: var(--muted); }
tr.acknowledged td { color: var(--muted); }
.reason { font-size: 12px; margin-top: 2px; }
tr.linked { cursor: pointer; } tr.linked:hover { background: #eef3ff; }
.action { font-weight: 700; }
.action-add { color: var(--added); } .action-modify { color: var(--changed); }
.action-replace, .action-remove { color: var(--removed); }
.alert { background: #fdecea; border: 1px solid #f5c2c0; color: #8a1c1c; padding: 8px 12px; border-radius: 6px; }
.cost-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 16px; }
.basis { font-size: 12px; color: var(--muted); }
tr.unverified .num::before { content: "≈ "; color: var(--warning); }
.unpriced { font-size: 12px; color: var(--muted); }
.ingress { font-size: 13px; margin: 4px 0 10px; }
.ingress-alternative { margin-top: 2px; }
.ingress-needs ul { margin: 2px 0; padding-left: 20px; font-size: 12px; }
details summary { cursor: pointer; color: var(--accent); margin: 6px 0; }
.focused > rect, .focused > path { stroke: var(--accent) !important; stroke-width: 4px !important; }
`;
