/* The resource library (book/library.md): a filter box like the country table's (asmhub-table.js: every word
   typed must occur, accents and case ignored) over each entry's title, publisher, year, reliability and the
   countries its figures are about; a group and a reliability menu; a count of what shows. A section whose entries are all
   filtered out is hidden. On a phone each entry shows two lines; "Details" opens the rest and the BibTeX button.
   The data (group, reliability, countries) is window.ASMHUB_BIB, written at build time into _static/asmhub-bib.js;
   the BibTeX, window.ASMHUB_BIBTEX in _static/asmhub-bibtex.js, is loaded at the first copy. Without this script every entry is shown whole. */
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
    const groups = new Set(), tiers = new Set();
    entries.forEach((div, n) => {
      const entry = bib[div.id.replace(/^src-\d+-/, "")];
      const text = div.querySelector("p");
      if (text) text.id = text.id || `asm-entry-${n}`;
      let extra = "";
      if (entry) {
        div.dataset.group = entry.g;
        div.dataset.reliability = entry.r;
        groups.add(entry.g);
        tiers.add(entry.r);
        extra = ` ${entry.r} ${entry.g.replace(/-/g, " ")}`;
      }
      div.dataset.text = fold(div.textContent + extra);
      // The line under each entry (countries, Details, Copy BibTeX) is written into the page at build time.
      const more = div.querySelector("button.asm-entry-more");
      if (more && text) {
        more.setAttribute("aria-controls", text.id);
        more.addEventListener("click", () => {
          const open = div.classList.toggle("asm-open");
          more.setAttribute("aria-expanded", String(open));
          more.textContent = open ? "Less" : "Details";
        });
      }
      const button = div.querySelector("button.asm-copy-bibtex");
      const key = div.id.replace(/^src-\d+-/, "");
      if (button) button.addEventListener("click", () => withBibtex((all) => copy(all[key] || "", button)));
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
      entries.forEach((div) => {
        const keep = words.every((w) => div.dataset.text.includes(w))
          && (!group.value || div.dataset.group === group.value)
          && (!reliability.value || div.dataset.reliability === reliability.value);
        div.hidden = !keep;
        shown += keep;
      });
      sections.forEach((s) => { s.hidden = !s.querySelector("div.citation:not([hidden])"); });
      count.textContent = `Showing ${shown} of ${entries.length} sources`;
    }
    tools.addEventListener("input", apply);
    tools.addEventListener("change", apply);
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
