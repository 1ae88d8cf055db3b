/* The country map (asmhub_utils/chapters/svg_map.py, figure.asm-map): view buttons switch the SVG's viewBox
   between the world and the regions; the note line under the map names the country under the pointer, in
   keyboard focus, or tapped. On a touch screen the first tap on a country names it (its profile link is in
   the note), a second tap opens the profile; a mouse click or Enter opens it at once. Without this script the
   world view is shown and every country is still a link with a title. */
(() => {
  "use strict";
  function setUp(figure) {
    const svg = figure.querySelector("svg.asm-map-svg");
    const note = figure.querySelector(".asm-map-note");
    const views = figure.querySelector(".asm-map-views");
    const buttons = Array.from(views.querySelectorAll("button"));
    views.hidden = false;
    buttons.forEach((button) => button.addEventListener("click", () => {
      svg.setAttribute("viewBox", button.dataset.box);
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    }));

    let chosen = null;  // the shape the note names
    let tapped = null;  // the shape a first tap named (a tap focuses it too, so focus cannot tell)
    let touch = false;
    const titleOf = (shape) => shape.querySelector("title").textContent;
    function name(shape) {
      if (chosen) chosen.classList.remove("asm-chosen");
      chosen = shape;
      shape.classList.add("asm-chosen");
      note.textContent = titleOf(shape);
      if (shape.tagName.toLowerCase() === "a") {
        const link = document.createElement("a");
        link.href = shape.getAttribute("href");
        link.textContent = "Open the profile";
        note.append(" ", link);
      }
    }
    svg.addEventListener("pointerdown", (event) => { touch = event.pointerType !== "mouse"; });
    svg.addEventListener("pointerover", (event) => {
      const shape = event.target.closest(".asm-country, .asm-country-none");
      if (shape && event.pointerType === "mouse") name(shape);
    });
    svg.addEventListener("focusin", (event) => {
      const shape = event.target.closest(".asm-country");
      if (shape) name(shape);
    });
    svg.addEventListener("click", (event) => {
      const shape = event.target.closest(".asm-country, .asm-country-none");
      if (!shape) return;
      if (touch && shape !== tapped) {
        event.preventDefault();
        tapped = shape;
        name(shape);
      } else if (shape.tagName.toLowerCase() !== "a") {
        name(shape);
      }
    });
  }
  const start = () => document.querySelectorAll("figure.asm-map").forEach(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
