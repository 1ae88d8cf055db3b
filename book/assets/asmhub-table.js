/* Filter and sort for the book's static tables (class "asm-sortable", written by
   asmhub_utils/chapters/tables.sortable_table). About 3 KB: it replaced the itables/DataTables bundle on the country
   table (618 KB of script and 107 KB of stylesheet as stored), which made that page 1,166 KB as stored.

   - A filter box keeps the rows whose text holds what is typed (accents and case ignored) and says how many show.
   - Each column header is a button; a "Sort by" menu does the same on a phone, where the headers are hidden.
     A column with data-sort="number" sorts by each cell's data-order; cells without one sort last either way.
   Without JavaScript the table is complete, in its printed order. */
(() => {
  "use strict";
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function setUp(table, n) {
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const heads = Array.from(table.tHead.rows[0].cells);
    const noun = table.dataset.noun || "rows";
    rows.forEach((row, i) => { row.dataset.index = i; row.dataset.text = fold(row.textContent); });

    const tools = document.createElement("div");
    tools.className = "asm-table-tools";
    const filter = document.createElement("input");
    filter.type = "search";
    filter.className = "asm-table-filter";
    filter.id = `asm-table-filter-${n}`;
    filter.placeholder = "name, code, region, mineral";
    const sort = document.createElement("select");
    sort.className = "asm-table-sort";
    sort.id = `asm-table-sort-${n}`;
    const count = document.createElement("span");
    count.className = "asm-table-count";
    count.setAttribute("aria-live", "polite");
    const field = (control, text) => {
      const span = document.createElement("span"), l = document.createElement("label");
      span.className = "asm-table-field";
      l.htmlFor = control.id;
      l.textContent = text;
      span.append(l, control);
      return span;
    };
    sort.add(new Option("as listed", ""));
    heads.forEach((th, column) => {
      const name = th.textContent.trim();
      const [up, down] = th.dataset.sort === "number" ? ["smallest first", "largest first"] : ["A\u2013Z", "Z\u2013A"];
      const [first, second] = th.dataset.sort === "number" ? [`${column}:desc`, `${column}:asc`] : [`${column}:asc`, `${column}:desc`];
      sort.add(new Option(`${name}, ${th.dataset.sort === "number" ? down : up}`, first));
      sort.add(new Option(`${name}, ${th.dataset.sort === "number" ? up : down}`, second));
      const button = document.createElement("button");
      button.type = "button";
      button.className = "asm-sort-button";
      button.textContent = name;
      button.addEventListener("click", () => {
        const now = th.getAttribute("aria-sort");
        const ascending = now ? now !== "ascending" : th.dataset.sort !== "number";
        order(`${column}:${ascending ? "asc" : "desc"}`);
      });
      th.textContent = "";
      th.appendChild(button);
    });
    tools.append(field(filter, "Filter"), field(sort, "Sort by"), count);
    table.before(tools);

    function show() {
      const words = fold(filter.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row) => {
        const keep = words.every((w) => row.dataset.text.includes(w));
        row.hidden = !keep;
        shown += keep;
      });
      count.textContent = `Showing ${shown} of ${rows.length} ${noun}`;
    }

    function key(row, column, numeric) {
      const cell = row.cells[column];
      if (!numeric) return cell.classList.contains("asm-empty") ? null : fold(cell.textContent.trim());
      return cell.dataset.order === undefined ? null : parseFloat(cell.dataset.order);
    }

    function order(choice) {
      sort.value = choice;
      heads.forEach((th) => th.removeAttribute("aria-sort"));
      let sorted = rows.slice().sort((a, b) => a.dataset.index - b.dataset.index);
      if (choice) {
        const [column, direction] = choice.split(":");
        const numeric = heads[column].dataset.sort === "number";
        const sign = direction === "asc" ? 1 : -1;
        heads[column].setAttribute("aria-sort", direction === "asc" ? "ascending" : "descending");
        sorted = sorted.sort((a, b) => {
          const x = key(a, column, numeric), y = key(b, column, numeric);
          if (x === null || y === null) return (x === null) - (y === null);
          if (numeric) return sign * (x - y);
          return sign * x.localeCompare(y);
        });
      }
      body.append(...sorted);
    }

    filter.addEventListener("input", show);
    sort.addEventListener("change", () => order(sort.value));
    show();
  }

  const start = () => document.querySelectorAll("table.asm-sortable").forEach(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
