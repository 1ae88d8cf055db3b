/* The resource library (book/library.md): a filter box like the country table's (asmhub-table.js: every word
   typed must occur, accents and case ignored) over each entry's title, publisher, year, reliability and the
   countries its figures are about; a group and a reliability menu; a count of what shows. A section whose entries
   are all filtered out is hidden. On a phone each entry shows two lines; "Details" opens the rest and the BibTeX
   button. While the page loads nothing is read from or written into the entries (a "Details" button names the
   text it opens at its first use): a phone's CPU has 400 entries to lay out, and each change to them lays them out
   again. The data (group, reliability, countries) is window.ASMHUB_BIB, written at build time into
   _static/asmhub-bib.js; the BibTeX, window.ASMHUB_BIBTEX in _static/asmhub-bibtex.js, is loaded at the first
   copy. Without this script every entry is shown whole. */
(() => {
  "use strict";
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  // The BibTeX of every entry (window.ASMHUB_BIBTEX) is loaded at the first copy, from beside asmhub-bib.js.
  function withBibtex(then) {
    if (window.ASMHUB_BIBTEX) { then(window.ASMHUB_BIBTEX); return; }
    const index = document.querySelector("script[src*='asmhub-bib.js']");
    const script = document.createElement("script");
    script.src = index.src.replace("asmhub-bib.js", "asmhub-bibtex.js");
    script.onload = () => then(window.ASMHUB_BIBTEX || {});
    document.head.append(script);
  }

  function copy(text, button) {
    const done = () => { button.textContent = "Copied"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, () => { fallback(text); done(); });
    } else { fallback(text); done(); }
  }
  function fallback(text) {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selected for a manual copy */ }
    area.remove();
  }

  function setUp() {
    const tools = document.getElementById("asm-library-tools");
    const bib = window.ASMHUB_BIB;
    if (!tools || !bib) return;
    const entries = Array.from(document.querySelectorAll("div.citation[id^='src-']"));
    const keyOf = (div) => div.id.replace(/^src-\d+-/, "");
    const groups = new Set(), tiers = new Set();
    Object.values(bib).forEach((entry) => { groups.add(entry.g); tiers.add(entry.r); });
    // What the filter reads of each entry is gathered at its first use, not while the page loads (401 entries'
    // text, folded: Lighthouse counted it as blocking time on a phone).
    let texts = null;
    const searchable = () => texts || (texts = entries.map((div) => {
      const entry = bib[keyOf(div)];
      const extra = entry ? ` ${entry.r} ${entry.g.replace(/-/g, " ")}` : "";
      return { div, text: fold(div.textContent + extra), group: entry && entry.g, reliability: entry && entry.r };
    }));
    // One listener for every entry's buttons (the line under each entry is written into the page at build time).
    document.querySelector(".bd-article").addEventListener("click", (event) => {
      const button = event.target.closest("button.asm-entry-more, button.asm-copy-bibtex");
      const div = button && button.closest("div.citation");
      if (!div) return;
      if (button.classList.contains("asm-copy-bibtex")) {
        withBibtex((all) => copy(all[keyOf(div)] || "", button));
        return;
      }
      const text = div.querySelector("p");
      if (text && !button.hasAttribute("aria-controls")) {
        text.id = text.id || `asm-entry-${entries.indexOf(div)}`;
        button.setAttribute("aria-controls", text.id);
      }
      const open = div.classList.toggle("asm-open");
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? "Less" : "Details";
    });

    const field = (control, label) => {
      const span = document.createElement("span"), l = document.createElement("label");
      span.className = "asm-table-field";
      l.htmlFor = control.id;
      l.textContent = label;
      span.append(l, control);
      return span;
    };
    const menu = (id, values) => {
      const select = document.createElement("select");
      select.id = id;
      select.add(new Option("all", ""));
      Array.from(values).sort().forEach((v) => select.add(new Option(v.replace(/-/g, " "), v)));
      return select;
    };
    const filter = document.createElement("input");
    filter.type = "search";
    filter.id = "asm-library-filter";
    filter.className = "asm-table-filter";
    filter.placeholder = "title, publisher, country, year";  // reliability has its menu (typing "primary" works too)
    const group = menu("asm-filter-group", groups), reliability = menu("asm-filter-reliability", tiers);
    const count = document.createElement("span");
    count.className = "asm-table-count";
    count.setAttribute("aria-live", "polite");
    tools.append(field(filter, "Filter"), field(group, "Group"), field(reliability, "Reliability"), count);
    const sections = Array.from(document.querySelectorAll(".bd-article section")).filter(
      (s) => s.querySelector("div.citation") && !s.contains(tools));

    function apply() {
      const words = fold(filter.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      searchable().forEach(({ div, text, group: g, reliability: r }) => {
        const keep = words.every((w) => text.includes(w))
          && (!group.value || g === group.value)
          && (!reliability.value || r === reliability.value);
        if (div.hidden === keep) div.hidden = !keep;
        shown += keep;
      });
      sections.forEach((s) => { s.hidden = !s.querySelector("div.citation:not([hidden])"); });
      count.textContent = `Showing ${shown} of ${entries.length} sources`;
    }
    tools.addEventListener("input", apply);
    tools.addEventListener("change", apply);
    count.textContent = `Showing ${entries.length} of ${entries.length} sources`;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
