/* The search page (loaded there only, before Sphinx's searchtools.js): a query that is another name of a country
   the book covers ("DRC", "Ivory Coast"; window.ASMHUB_ALIASES, from asmhub_utils/site/country_aliases.py) is
   searched as the country's name in the book, and the page says so. Runs before Search.init reads the address. */
(() => {
  "use strict";
  const aliases = window.ASMHUB_ALIASES || {};
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/\./g, "").replace(/[-']/g, " ").split(/\s+/).filter(Boolean).join(" ");
  const params = new URLSearchParams(window.location.search);
  const typed = params.get("q");
  const name = typed && aliases[fold(typed)];
  if (!name) return;
  params.set("q", name);
  history.replaceState(null, "", `${window.location.pathname}?${params}${window.location.hash}`);
  document.addEventListener("DOMContentLoaded", () => {
    const note = document.createElement("p");
    note.className = "asm-search-alias";
    note.textContent = `Searching for ${name} (you typed \u201c${typed}\u201d).`;
    const box = document.querySelector("#search-results") || document.querySelector("main");
    if (box) box.before(note);
  });
})();
