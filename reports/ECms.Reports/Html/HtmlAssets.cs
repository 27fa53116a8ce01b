using System.Security.Cryptography;
using System.Text;

namespace ECms.Reports.Html;

/// <summary>
/// The report's only style sheet and script, inlined so the file works offline and as an e-mail attachment. The page's
/// Content-Security-Policy allows exactly these two by hash and nothing else: no request can leave the page, even if
/// hostile text ever slipped past escaping.
/// </summary>
internal static class HtmlAssets
{
    public static string Style { get; } = Lf("""

        :root { color-scheme: light; --ok: #1b6e3a; --fail: #b3261e; --warn: #8a5a00; --err: #6b2fa3; --na: #5f6368; --line: #d0d4d9; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 78rem; padding: 1rem 1.25rem 3rem; color: #1f2328; background: #fff;
          font-family: "Noto Sans Thai", "Noto Sans Thai UI", "Noto Sans", "Leelawadee UI", "Tahoma", "Thonburi", "Sarabun", "Loma", "Garuda", "Waree", sans-serif;
          font-size: 15px; line-height: 1.55; }
        code, pre, .mono { font-family: "Noto Sans Mono", "DejaVu Sans Mono", "Consolas", "Menlo", "Noto Sans Thai", "Tahoma", monospace; font-size: 0.86em; }
        h1 { font-size: 1.45rem; margin: 0 0 0.5rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; }
        h3 { font-size: 1rem; margin: 1.1rem 0 0.4rem; }
        h4 { font-size: 0.95rem; margin: 0.9rem 0 0.3rem; }
        [lang="en"] { color: #3d444d; }
        .bi > [lang="en"]::before { content: " · "; color: #8c959f; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); }
        thead th { background: #f3f5f7; font-size: 0.85rem; }
        table.facts th { width: 14rem; font-weight: 600; background: #f8f9fa; }
        .overall { display: inline-block; font-size: 1.15rem; font-weight: 700; padding: 0.35rem 0.9rem; border-radius: 0.4rem; color: #fff; margin: 0.3rem 0 0.8rem; }
        .badge { display: inline-block; white-space: nowrap; font-weight: 600; font-size: 0.82rem; padding: 0.05rem 0.5rem; border-radius: 1rem; color: #fff; }
        .badge [lang="en"], .overall [lang="en"] { color: inherit; }
        .v-Passed { background: var(--ok); } .v-Failed { background: var(--fail); } .v-Warning { background: var(--warn); }
        .v-NotApplicable, .v-NotTested { background: var(--na); } .v-Error { background: var(--err); }
        ul.counts { list-style: none; padding: 0; margin: 0.8rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
        ul.counts li { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.25rem 0.6rem; }
        ul.counts .n { font-weight: 700; font-size: 1.1rem; margin-left: 0.35rem; }
        .notice { border-left: 4px solid var(--warn); background: #fff8e5; padding: 0.5rem 0.8rem; margin: 0.8rem 0; }
        .controls { display: none; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: center; padding: 0.5rem 0.7rem; margin-bottom: 0.6rem;
          background: #f3f5f7; border-radius: 0.4rem; font-size: 0.88rem; }
        .js .controls { display: flex; }
        .controls fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.7rem; }
        .controls legend { font-weight: 600; float: left; margin-right: 0.5rem; }
        table.checklist td.id { font-weight: 700; white-space: nowrap; }
        table.checklist td.title [lang="en"] { display: block; font-size: 0.9rem; }
        table.checklist td.title .bi > [lang="en"]::before { content: none; }
        table.checklist tr.detail-row td { border-bottom: 2px solid var(--line); padding-top: 0; }
        table.checklist tbody.item-Failed td.id, table.checklist tbody.item-Error td.id { color: var(--fail); }
        .rules code { display: inline-block; margin: 0 0.25rem 0.15rem 0; background: #eef1f4; padding: 0 0.3rem; border-radius: 0.2rem; }
        details > summary { cursor: pointer; color: #0b57d0; font-size: 0.88rem; }
        details[open] > summary { margin-bottom: 0.4rem; }
        .outcome p { margin: 0.3rem 0; }
        .hint { background: #eef6ff; border-left: 4px solid #0b57d0; padding: 0.3rem 0.6rem; }
        table.findings { font-size: 0.85rem; margin: 0.3rem 0 0.6rem; }
        table.findings td.path { word-break: break-all; }
        table.findings td:first-child, table.findings th { white-space: nowrap; }
        .exchange { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.2rem 0.7rem 0.6rem; margin: 0.6rem 0; }
        .exchange .meta { font-size: 0.84rem; color: #3d444d; margin: 0.2rem 0; word-break: break-all; }
        .flag { display: inline-block; font-size: 0.78rem; font-weight: 600; padding: 0 0.4rem; border-radius: 0.2rem; background: #fff1e0; color: var(--warn); margin-right: 0.3rem; }
        pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 0.3rem; padding: 0.5rem 0.6rem; margin: 0.2rem 0 0.5rem;
          white-space: pre-wrap; overflow-wrap: anywhere; max-height: 28rem; overflow: auto; }
        .missing { color: var(--err); font-weight: 600; }
        figure.sequence { margin: 0.6rem 0; overflow-x: auto; }
        figure.sequence figcaption { font-size: 0.82rem; color: #57606a; }
        svg.seq { font-size: 11px; }
        svg.seq .lane-box { fill: #f3f5f7; stroke: #8c959f; }
        svg.seq .lane-name { font-weight: 700; text-anchor: middle; }
        svg.seq .lane-sub { text-anchor: middle; fill: #57606a; }
        svg.seq .lifeline { stroke: #b6bcc4; stroke-dasharray: 4 3; }
        svg.seq .req { stroke: #1f2328; stroke-width: 1.4; } svg.seq .req-head { fill: #1f2328; }
        svg.seq .res { stroke: #57606a; stroke-dasharray: 5 3; } svg.seq .res-head { fill: #57606a; }
        svg.seq .res-bad { stroke: var(--fail); } svg.seq .res-bad-head { fill: var(--fail); }
        svg.seq .lbl { text-anchor: middle; } svg.seq .lbl-bad { text-anchor: middle; fill: var(--fail); font-weight: 700; }
        footer { margin-top: 2.5rem; font-size: 0.8rem; color: #57606a; border-top: 1px solid var(--line); padding-top: 0.5rem; }
        [hidden] { display: none !important; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          .controls, details > summary { display: none !important; }
          tbody[hidden] { display: table-row-group !important; }
          details::details-content { content-visibility: visible; display: contents; }
          pre { max-height: none; overflow: visible; }
          tr.summary-row, figure.sequence, .exchange h4 { break-inside: avoid-page; }
          tr.summary-row, .exchange h4 { break-after: avoid-page; }
          a { color: inherit; text-decoration: none; }
        }

        """);

    // Vanilla and small: the page is fully readable without it (no filters, everything in checklist order).
    public static string Script { get; } = Lf("""

        (function () {
          'use strict';
          document.documentElement.classList.add('js');
          var form = document.getElementById('filters');
          var table = document.getElementById('checklist');
          if (form && table) {
            var items = Array.prototype.slice.call(table.tBodies);
            var selected = function (name) {
              var set = {};
              form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { if (box.checked) { set[box.value] = true; } });
              return set;
            };
            var apply = function () {
              var verdicts = selected('verdict');
              var roles = selected('role');
              var failedFirst = form.querySelector('input[name="failed-first"]').checked;
              var shown = 0;
              items.slice().sort(function (a, b) {
                var byRank = failedFirst ? Number(a.dataset.rank) - Number(b.dataset.rank) : 0;
                return byRank || Number(a.dataset.order) - Number(b.dataset.order);
              }).forEach(function (item) {
                var visible = !!verdicts[item.dataset.verdict] && item.dataset.roles.split(' ').some(function (r) { return !!roles[r]; });
                item.hidden = !visible;
                shown += visible ? 1 : 0;
                table.appendChild(item);
              });
              document.getElementById('shown-count').textContent = String(shown);
            };
            form.addEventListener('change', apply);
            apply();
          }
          var opened = [];
          window.addEventListener('beforeprint', function () {
            document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
          });
          window.addEventListener('afterprint', function () {
            opened.forEach(function (d) { d.open = false; });
            opened = [];
          });
        }());

        """);

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src 'none'; font-src 'none'; " +
        "connect-src 'none'; base-uri 'none'; form-action 'none'";

    // A checkout with CRLF line ends must still render byte-identical reports (verify compares bytes).
    private static string Lf(string text) => text.ReplaceLineEndings("\n");

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
