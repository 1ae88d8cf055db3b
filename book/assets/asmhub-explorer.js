/* The explorer's menu (asmhub_utils/chapters/explorer.static_menu): the picked view, written at build time into
   the site's explorer/ folder, is fetched and shown under the menu, replacing the view the page opened on. A
   browser that fetches nothing (a page opened from a file) keeps the page as it is and says so. */
(() => {
  "use strict";
  function setUp(box) {
    const select = box.querySelector("select");
    const shown = box.querySelector(".asm-explorer-shown");
    const status = box.querySelector(".asm-explorer-status");
    select.addEventListener("change", async () => {
      const name = select.value;
      // "Showing the Democratic Republic of the Congo." (a name that starts with "The" is mid-sentence here)
      const label = select.selectedOptions[0].textContent.replace(/^The /, "the ");
      status.textContent = `Loading ${label}\u2026`;
      try {
        const response = await fetch(`${box.dataset.folder}/${name}${box.dataset.extension}`);
        if (!response.ok) throw new Error(response.status);
        shown.innerHTML = await response.text();
        status.textContent = `Showing ${label}.`;
      } catch (error) {
        status.textContent = `This copy of the book cannot load views (opened from a file?): ` +
          `serve it (python3 -m http.server) or find ${label} under Places.`;
      }
    });
  }
  const start = () => document.querySelectorAll(".asm-explorer").forEach(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
