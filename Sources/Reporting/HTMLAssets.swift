/// The HTML report's inline style sheet and script: no external file, font or request, so the
/// report opens the same from a USB stick, an e-mail attachment or an offline machine.
enum HTMLAssets {
    static let css = """
        :root{--v:#c62828;--vb:#fde0dc;--p:#8d6e00;--pb:#fff3c4;--w:#1e5aa8;--wb:#dde8f8;--s:#2e7d32;--sb:#e3f2e1;
        --na:#f4f4f4;--line:#d0d0d0;--ink:#1b1b1b;--muted:#5f6368}
        *{box-sizing:border-box}
        body{font-family:"Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;color:var(--ink);margin:0;padding:0 1.5rem 2rem;
        line-height:1.4;font-size:14px}
        header{border-bottom:3px solid var(--v);margin-bottom:1rem;padding:1rem 0 .5rem}
        h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        .meta{color:var(--muted);margin:0}
        table{border-collapse:collapse}
        th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
        thead th{background:#f0f0f0}
        .cards{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
        .counts td.n{text-align:right;font-variant-numeric:tabular-nums}
        .st-violated{background:var(--vb);color:var(--v)}.st-pending{background:var(--pb);color:var(--p)}
        .st-waived{background:var(--wb);color:var(--w)}.st-satisfied{background:var(--sb);color:var(--s)}
        .st-na{background:var(--na)}.st-nodata{background:var(--pb);color:var(--p);font-style:italic}
        table.kpi{margin:0 0 1rem}table.kpi caption{text-align:left;font-weight:600}
        table.kpi td.n{text-align:right;font-variant-numeric:tabular-nums}
        .badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.85em;font-weight:600;white-space:nowrap}
        .scroll{overflow:auto;max-height:75vh;border:1px solid var(--line)}
        .matrix{font-size:12px}.matrix td{text-align:center;min-width:1.6rem;padding:.1rem .2rem}
        .matrix thead th{position:sticky;top:0;z-index:1}
        .matrix thead th.rule{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500;
        padding:.3rem .1rem}
        .matrix tbody th{position:sticky;left:0;background:#fff;font-weight:normal;white-space:nowrap;z-index:0}
        .matrix tbody th.group{font-weight:700}
        .matrix small,#findings small{color:var(--muted)}
        .filters{display:flex;flex-wrap:wrap;gap:.75rem;margin:.5rem 0}
        .filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted)}
        .filters select{font-size:14px;max-width:22rem}
        #findings{width:100%;font-size:13px}
        #findings thead th{cursor:pointer;user-select:none;position:sticky;top:0}
        #findings thead th[aria-sort=ascending]::after{content:" ▲"}
        #findings thead th[aria-sort=descending]::after{content:" ▼"}
        #findings td.ev{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
        #upcoming li{margin:.2rem 0}
        #upcoming time{font-weight:700;font-variant-numeric:tabular-nums;margin-right:.5rem}
        .hint{color:var(--muted);font-size:.85em}
        button{font-size:14px}
        @media print{
        body{padding:0;font-size:10pt}.filters,.no-print,button{display:none!important}
        .scroll{overflow:visible;max-height:none;border:0}
        .matrix thead th,#findings thead th,.matrix tbody th{position:static}
        thead{display:table-header-group}tr{break-inside:avoid}section{break-inside:auto}
        .st-violated,.st-pending,.st-waived,.st-satisfied,.st-na{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        a{color:inherit;text-decoration:none}}
        """

    static let script = """
        (function () {
          "use strict";
          var table = document.getElementById("findings");
          if (!table) { return; }
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.forEach(function (r, i) { r.setAttribute("data-i", String(i)); });
          var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
          var shown = document.getElementById("shown");
          var lang = document.documentElement.lang || "vi";
          var search = document.getElementById("search");
          // Search ignores case and Vietnamese marks: "vi pham" finds "VI PHẠM".
          function fold(t) { return t.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }
          rows.forEach(function (r) { r.setAttribute("data-text", fold(r.textContent)); });
          // The values a filter keeps: the one chosen and, for units, every unit below it (options
          // come parents first and name their parent, so one pass finds them).
          function kept(s) {
            var keep = Object.create(null);
            keep[s.value] = true;
            Array.prototype.forEach.call(s.options, function (o) {
              var p = o.getAttribute("data-parent");
              if (p !== null && keep[p] === true) { keep[o.value] = true; }
            });
            return keep;
          }
          function apply() {
            var count = 0;
            var q = search ? fold(search.value.trim()) : "";
            var active = selects.filter(function (s) { return s.value; }).map(function (s) {
              return { name: "data-" + s.getAttribute("data-filter"), keep: kept(s) };
            });
            rows.forEach(function (r) {
              var ok = active.every(function (a) { return a.keep[r.getAttribute(a.name) || ""] === true; });
              if (ok && q) { ok = r.getAttribute("data-text").indexOf(q) >= 0; }
              r.hidden = !ok;
              if (ok) { count += 1; }
            });
            if (shown) { shown.textContent = String(count); }
          }
          selects.forEach(function (s) { s.addEventListener("change", apply); });
          if (search) { search.addEventListener("input", apply); }
          function key(r, i) {
            var c = r.cells[i];
            var s = c.getAttribute("data-sort");
            return s !== null ? s : c.textContent.trim();
          }
          var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
          heads.forEach(function (th, i) {
            th.setAttribute("tabindex", "0");
            function sort() {
              var asc = th.getAttribute("aria-sort") !== "ascending";
              heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", asc ? "ascending" : "descending");
              var keyed = rows.map(function (r) { return { r: r, k: key(r, i), n: Number(r.getAttribute("data-i")) }; });
              keyed.sort(function (a, b) {
                var c = a.k.localeCompare(b.k, lang, { numeric: true });
                return (asc ? c : -c) || a.n - b.n;
              });
              keyed.forEach(function (x) { body.appendChild(x.r); });
            }
            th.addEventListener("click", sort);
            th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
          });
          var printButton = document.getElementById("print");
          if (printButton) { printButton.addEventListener("click", function () { window.print(); }); }
          apply();
        })();
        """
}
