namespace CredIr.Reports.Rendering.Html;

/// <summary>The report's inline style sheet: no fonts, images or anything else fetched.</summary>
internal static class HtmlStyles
{
    public const string Css = """
:root { --ink: #212529; --muted: #6c757d; --line: #dee2e6; --soft: #f1f3f5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #eef1f4; }
header.top { background: #1b2a41; color: #fff; padding: 22px 20px 18px; border-bottom: 4px solid #c92a2a; }
header.top .inner, main { max-width: 1240px; margin: 0 auto; }
main { padding: 0 20px 40px; }
header.top .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 11px; color: #ffa8a8; font-weight: 700; }
header.top h1 { margin: 4px 0 8px; font-size: 25px; line-height: 1.25; }
header.top .meta { color: #ced4da; font-size: 13px; }
header.top .meta b { color: #fff; font-weight: 600; }
.verdict { margin: 18px 0 12px; padding: 14px 18px; border-left: 6px solid #495057; border-radius: 6px; background: #fff; font-size: 15px; box-shadow: 0 1px 2px rgba(0,0,0,.05); }
.verdict.bad { border-color: #c92a2a; } .verdict.ok { border-color: #2b8a3e; } .verdict.warn { border-color: #e67700; }
.verdict strong { display: block; font-size: 12px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin-bottom: 2px; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kpi .l { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.kpi .v { font-size: 21px; font-weight: 650; margin: 2px 0; }
.kpi .s { color: var(--muted); font-size: 12px; }
nav.toc { margin: 14px 0 0; font-size: 13px; }
nav.toc a { color: #1864ab; text-decoration: none; margin-right: 14px; white-space: nowrap; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 16px 0; }
h2 { font-size: 18px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid #e9ecef; }
h3 { font-size: 15px; margin: 18px 0 8px; }
dl.facts { display: grid; grid-template-columns: 190px 1fr; gap: 5px 16px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
th { text-align: left; background: var(--soft); color: #495057; font-weight: 600; padding: 6px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
td { padding: 5px 8px; border-bottom: 1px solid #edf0f2; vertical-align: top; overflow-wrap: break-word; }
tbody tr:nth-child(even) td { background: #fafbfc; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: var(--soft); padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
code.nw { white-space: nowrap; }
.time { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.time span { white-space: nowrap; }
small { color: var(--muted); overflow-wrap: anywhere; }
.pill { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 11.5px; font-weight: 600; white-space: nowrap; }
.pill.ok { background: #d3f9d8; color: #2b8a3e; } .pill.bad { background: #ffe3e3; color: #c92a2a; }
.pill.warn { background: #fff3bf; color: #a05a00; } .pill.auto { background: #e7f5ff; color: #1864ab; }
.pill.neutral { background: var(--soft); color: #495057; }
.chip { display: inline-block; border: 1px solid var(--c); color: var(--c); border-radius: 10px; padding: 0 6px; margin: 1px 3px 1px 0; font-size: 11px; white-space: nowrap; }
.none { color: var(--muted); font-style: italic; }
.legend { font-size: 12px; color: #495057; margin: 6px 0 0; }
.legend span { margin-right: 14px; white-space: nowrap; }
.legend i { display: inline-block; width: 14px; height: 0; border-top: 2px dashed var(--c); vertical-align: middle; margin-right: 4px; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg text.lane { font-size: 12px; fill: #343a40; }
svg text.tick { font-size: 11px; fill: #6c757d; }
svg text.milestone { font-size: 12px; font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg text.node-id { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; fill: #212529; }
svg text.node-kind { font-size: 11px; fill: #495057; }
svg text.edge { font-size: 11px; fill: #495057; font-style: italic; }
.graph-wrap { overflow-x: auto; }
.prompt { border-left: 3px solid #b197fc; padding: 4px 12px; margin: 12px 0; }
.prompt h3 { margin: 4px 0 6px; font-size: 14px; }
.prompt ul { margin: 4px 0; padding-left: 20px; color: #495057; font-size: 13px; }
.answer { min-height: 52px; border: 1px dashed #adb5bd; border-radius: 4px; margin-top: 6px; padding: 6px 8px; }
.answer.empty { color: #adb5bd; font-style: italic; }
.chain { padding: 8px 12px; border-radius: 6px; margin-bottom: 10px; }
.chain.ok { background: #ebfbee; } .chain.bad { background: #fff5f5; } .chain.warn { background: #fff9db; }
details { margin: 4px 0; } details summary { cursor: pointer; font-size: 12.5px; }
details pre { white-space: pre-wrap; font-size: 11.5px; background: #f8f9fa; padding: 8px; border-radius: 4px; overflow-wrap: anywhere; margin: 4px 0 8px; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #fff; font-size: 12px; }
  header.top, .pill, .chip, .chain, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { padding: 0; max-width: none; }
  section { border: none; padding: 0; margin: 14px 0; }
  nav.toc, #raw-records { display: none; }
  tr, .kpi, .prompt, svg { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
""";
}
