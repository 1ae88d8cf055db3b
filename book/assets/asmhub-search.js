/* The search page (loaded there only, before Sphinx's searchtools.js).
   1. A query that is another name of a country the book covers ("DRC", "Ivory Coast"; window.ASMHUB_ALIASES, from
      asmhub_utils/site/country_aliases.py) is searched as the country's name in the book, and the page says so.
      Runs before Search.init reads the address.
   2. Each result shows the words around the match: the page's text by section (_searchtext/<page>.json, written at
      build time by asmhub_utils/site/sphinx_ext/search_text.py) is fetched for the results a reader scrolls to,
      never for all of them (Sphinx's own summaries fetched every result's page).
   3. The count of results in the book's words (no "page(s)"). */
(() => {
  "use strict";
  const aliases = window.ASMHUB_ALIASES || {};
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/\./g, "").replace(/[-']/g, " ").split(/\s+/).filter(Boolean).join(" ");
  const params = new URLSearchParams(window.location.search);
  const typed = params.get("q");
  const name = typed && aliases[fold(typed)];
  if (name) {
    params.set("q", name);
    history.replaceState(null, "", `${window.location.pathname}?${params}${window.location.hash}`);
    document.addEventListener("DOMContentLoaded", () => {
      const note = document.createElement("p");
      note.className = "asm-search-alias";
      note.textContent = `Searching for ${name} (you typed \u201c${typed}\u201d).`;
      const box = document.querySelector("#search-results") || document.querySelector("main");
      if (box) box.before(note);
    });
  }

  // Sphinx's count of results reads "found 13 page(s)": the book's wording, right for one page and for many.
  // doctools.js loads after this script, and declares Documentation with const: it is a global binding, not a
  // property of window, so it is looked up by name once the page has loaded.
  document.addEventListener("DOMContentLoaded", () => {
    if (typeof Documentation === "undefined") return;
    Documentation.TRANSLATIONS["Search finished, found ${resultCount} page(s) matching the search query."] =
      "Pages that match the search: ${resultCount}.";
  });

  // ---- snippets -------------------------------------------------------------------------------------------
  const SHORT = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to"]);
  const query = name || typed || "";
  // A word matches where a word of the text starts with its stem-like prefix ("mercury" finds "mercury's").
  const prefixes = [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !SHORT.has(word))
    .map((word) => word.slice(0, Math.max(4, word.length - 2))))];
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = prefixes.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${prefixes.map(escape).join("|")})[\\p{L}\\p{N}]*`, "giu") : null;
  const WIDTH = 220; // characters shown
  const texts = new Map();

  const matches = (text) => [...text.matchAll(pattern)].map((m) => ({
    start: m.index, end: m.index + m[0].length, word: prefixes.findIndex((p) => m[0].toLowerCase().startsWith(p)),
  }));

  // The window of WIDTH characters that holds the most different query words, starting a little before its
  // first match; null when the text has none.
  const window_ = (text) => {
    const found = matches(text);
    if (!found.length) return null;
    let best = null;
    for (const first of found) {
      const inside = found.filter((m) => m.start >= first.start && m.end <= first.start + WIDTH - 40);
      const words = new Set(inside.map((m) => m.word)).size;
      if (!best || words > best.words) best = { words, first, inside };
    }
    let start = Math.max(0, best.first.start - 40);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + WIDTH);
    if (end < text.length) end = text.lastIndexOf(" ", end) > best.first.end ? text.lastIndexOf(" ", end) : end;
    return { start, end, marks: matches(text.slice(start, end)) };
  };

  const snippet = (blocks, anchor) => {
    const own = blocks.find(([id]) => anchor && id === anchor);
    for (const text of [own && own[1], blocks.map(([, text]) => text).join(" ")]) {
      const span = text && window_(text);
      if (!span) continue;
      const p = document.createElement("p");
      p.className = "asm-search-snippet";
      const shown = text.slice(span.start, span.end);
      let at = 0;
      if (span.start > 0) p.append("\u2026 ");
      for (const m of span.marks) {
        p.append(shown.slice(at, m.start));
        p.appendChild(document.createElement("mark")).textContent = shown.slice(m.start, m.end);
        at = m.end;
      }
      p.append(shown.slice(at));
      if (span.end < text.length) p.append(" \u2026");
      return p;
    }
    return null;
  };

  const show = (item) => {
    const link = item.querySelector("a");
    if (!link || item.querySelector(".asm-search-snippet")) return;
    const [path, anchor] = link.getAttribute("href").split("#");
    const page = path.replace(/\.html$/, "");
    const root = document.documentElement.dataset.content_root || "";
    if (!texts.has(page)) {
      texts.set(page, fetch(`${root}_searchtext/${page}.json`).then((r) => (r.ok ? r.json() : [])).catch(() => []));
    }
    texts.get(page).then((blocks) => {
      const p = snippet(blocks, anchor);
      if (p && !item.querySelector(".asm-search-snippet")) link.after(p);
    });
  };

  if (!pattern) return;
  document.addEventListener("DOMContentLoaded", () => {
    const results = document.querySelector("#search-results");
    if (!results) return;
    const seen = new IntersectionObserver((entries) => entries.forEach((entry) => {
      if (entry.isIntersecting) {
        seen.unobserve(entry.target);
        show(entry.target);
      }
    }), { rootMargin: "600px 0px" });
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
      if (node.nodeName === "LI") seen.observe(node);
    }))).observe(results, { childList: true, subtree: true });
  });
})();
