// ASM Hub: a tap (or click) on a chart's mark shows what it is (value, year, source) just under the mark, where
// the reader is looking (a tall chart's caption is screens away), with a link to the source's entry in the
// resource library and a close button; a second tap on the same mark follows that link.
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
  var close = document.createElement("button");
  close.type = "button";
  close.className = "asm-mark-close";
  close.setAttribute("aria-label", "Close this note");
  close.textContent = "\u00d7";
  close.addEventListener("click", function () {
    note.classList.remove("asm-floating");
    note.textContent = "";
    note.asmShown = null;
    mark.focus && mark.focus();
  });
  note.appendChild(close);
  var box = mark.getBoundingClientRect(), frame = figure.getBoundingClientRect();
  note.classList.add("asm-floating");
  note.style.top = (box.bottom - frame.top + 6) + "px";
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
// The resource library's filter and copy buttons: book/assets/asmhub-library.js (loaded by that page only).
// The theme's header menus (launch, download) and its back-to-top button, the two behaviours of Bootstrap's
// script (81 KB, not loaded: slim_theme.py) the book uses. A menu opens under its button (asmhub.css keeps it on
// a phone's screen); a click anywhere or Escape closes it.
(function () {
  function setOpen(button, open) {
    var menu = button.parentElement && button.parentElement.querySelector(".dropdown-menu");
    button.setAttribute("aria-expanded", String(open));
    button.classList.toggle("show", open);
    if (menu) menu.classList.toggle("show", open);
  }
  function closeAll(except) {
    document.querySelectorAll('[data-bs-toggle="dropdown"][aria-expanded="true"]').forEach(function (button) {
      if (button !== except) setOpen(button, false);
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest('[data-bs-toggle="dropdown"]');
    closeAll(button);
    if (button) setOpen(button, button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeAll(null);
  });
  document.addEventListener("DOMContentLoaded", function () {
    var top = document.getElementById("pst-back-to-top");
    var header = document.querySelector(".bd-header");
    if (!top) return;
    top.addEventListener("click", function () {
      document.body.scrollTop = 0;
      document.documentElement.scrollTop = 0;
    });
    var last = window.scrollY, below = header ? header.getBoundingClientRect().bottom : 0;
    window.addEventListener("scroll", function () {
      top.style.display = last > window.scrollY && window.scrollY > below ? "block" : "none";
      last = window.scrollY;
    }, { passive: true });
  });
})();
