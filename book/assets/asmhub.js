// ASM Hub: a tap (or click) on a chart's mark shows what it is (value, year, source) under the chart with a link
// to the source's entry in the resource library; a second tap on the same mark follows that link.
// Without this script the marks still carry a <title> (shown on hover) and link to the library.
document.addEventListener("click", function (event) {
  var mark = event.target.closest && event.target.closest("a.asm-mark");
  if (!mark) return;
  var figure = mark.closest("figure");
  var note = figure && figure.querySelector(".asm-mark-note");
  if (!note || note.asmShown === mark) return;
  event.preventDefault();
  note.asmShown = mark;
  var title = mark.querySelector("title");
  note.textContent = title ? title.textContent : "";
  var link = document.createElement("a");
  link.href = mark.getAttribute("href");
  link.textContent = "Source in the library";
  note.appendChild(link);
});
// A figure's permalink (#record-id): a folded group holding it opens (a row, or an echo's name under "also quoted
// by"), and the "Cite this page" block cites that figure.
function asmCiteFigure() {
  var id = decodeURIComponent(location.hash.slice(1));
  var row = id && document.getElementById(id);
  var block = document.querySelector(".asmhub-cite");
  if (!row || (row.tagName !== "TR" && row.tagName !== "SPAN")) return;
  var folded = false;
  for (var up = row.parentElement; up; up = up.parentElement) {
    if (up.tagName === "DETAILS" && !up.open) { up.open = true; folded = true; }
  }
  if (folded) row.scrollIntoView();
  if (!block) return;
  var line = block.querySelector(".asm-cite-figure") || document.createElement("p");
  line.className = "asm-cite-figure";
  line.textContent = "This figure (" + id + "): " + location.href;
  block.appendChild(line);
}
window.addEventListener("hashchange", asmCiteFigure);
document.addEventListener("DOMContentLoaded", asmCiteFigure);
// The resource library: a filter by group and reliability, and a button to copy each entry's BibTeX
// (window.ASMHUB_BIB, written from data/references.bib into _static/asmhub-bib.js, loaded by that page only).
window.addEventListener("load", function () {
  var tools = document.getElementById("asm-library-tools");
  var bib = window.ASMHUB_BIB;
  if (!tools || !bib) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll("div.citation[id^='src-']"));
  var groups = {}, grades = {};
  entries.forEach(function (div) {
    var entry = bib[div.id.replace(/^src-\d+-/, "")];
    if (!entry) return;
    div.setAttribute("data-group", entry.g);
    div.setAttribute("data-reliability", entry.r);
    groups[entry.g] = true;
    grades[entry.r] = true;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "asm-copy-bibtex";
    button.textContent = "Copy BibTeX";
    button.addEventListener("click", function () {
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(entry.b).then(done, function () { fallback(entry.b); done(); });
      } else { fallback(entry.b); done(); }
    });
    div.appendChild(button);
  });
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selected for a manual copy */ }
    document.body.removeChild(area);
  }
  function select(id, label, values) {
    var html = '<label>' + label + ' <select id="' + id + '"><option value="">all</option>';
    Object.keys(values).sort().forEach(function (v) {
      html += '<option value="' + v + '">' + v.replace(/-/g, " ") + "</option>";
    });
    return html + "</select></label> ";
  }
  tools.innerHTML = "<strong>Show:</strong> " + select("asm-filter-group", "group", groups) +
    select("asm-filter-reliability", "reliability", grades) + '<span id="asm-filter-count" aria-live="polite"></span>';
  function apply() {
    var g = document.getElementById("asm-filter-group").value;
    var r = document.getElementById("asm-filter-reliability").value;
    var shown = 0;
    entries.forEach(function (div) {
      var hide = (g && div.getAttribute("data-group") !== g) || (r && div.getAttribute("data-reliability") !== r);
      div.hidden = !!hide;
      if (!hide) shown += 1;
    });
    document.getElementById("asm-filter-count").textContent = shown + " of " + entries.length + " sources";
  }
  tools.addEventListener("change", apply);
  apply();
});
