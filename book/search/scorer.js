// ASM Hub search scorer (html_search_scorer): a page whose own title names every word of the query comes
// first ("mercury" -> the Mercury chapter, not 108 country profiles that share a heading); the rest keep
// Sphinx's default weights. The profiles' repeated section headings are also taken out of the title index
// at build time (asmhub_utils/site/sphinx_ext/search_trim.py). Other names of countries ("DRC")
// are searched as the book's name (book/assets/asmhub-search.js).
// A title that names some of the query's words: the rarer a word is among the book's titles, the more it says
// ("gold mercury": "Mercury and the environment" before "Critical minerals: ... and gold", since three titles name
// gold and one names mercury). Sphinx's own weights tie them, and ties go A-Z.
function rareTitleWords(title, words) {
  var index = typeof Search !== "undefined" && Search._index;
  if (!index || typeof Stemmer === "undefined") return 0;
  var stemmer = new Stemmer();
  var pages = index.docnames.length;
  var bonus = 0;
  words.forEach(function (w) {
    if (title.indexOf(w.slice(0, 5)) === -1) return;
    var titled = index.titleterms[stemmer.stemWord(w)];
    var count = titled === undefined ? 0 : Array.isArray(titled) ? titled.length : 1;
    if (count > 0) bonus += 3 * Math.log(pages / count);
  });
  return bonus;
}

var Scorer = {
  score: function (result) {
    // Apostrophes (typographic or not) separate words: "Côte d’Ivoire" is named by "Côte d'Ivoire".
    var title = (result[1] || "").toLowerCase().replace(/[\u2019']/g, " ");
    var anchor = result[2];
    var query = (new URLSearchParams(window.location.search).get("q") || "").toLowerCase().replace(/[\u2019']/g, " ");
    var words = query.split(/\s+/).filter(function (w) { return w.length > 2; });
    var named = words.length > 0 && words.every(function (w) { return title.indexOf(w.slice(0, 5)) !== -1; });
    var isPage = !anchor;
    // Chapters and themes before country profiles: 108 profiles share their wording, so a profile comes first
    // only when its title names the query ("Ghana", or "DRC" searched as the country's name).
    var profile = (result[0] || "").indexOf("/profiles/") !== -1;
    return result[4] + (named ? (isPage ? 60 : 30) : 0) - (profile && !named ? 12 : 0) + rareTitleWords(title, words);
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2
};
