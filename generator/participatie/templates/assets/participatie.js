/* participatie: filters on the overview and sorting on the raad table. The pages work without this file. */
(function () {
  "use strict";
  function initFilter(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".pt-traject"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var counter = form.querySelector(".pt-teller");
    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        var ok = selects.every(function (s) {
          if (!s.value) return true;
          var values = (li.getAttribute("data-" + s.getAttribute("data-filter")) || "").split("|");
          return values.indexOf(s.value) !== -1;
        });
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll(".pt-trajecten").forEach(function (ul) {
        var visible = ul.querySelectorAll(".pt-traject:not([hidden])").length;
        ul.hidden = visible === 0;
        var heading = ul.previousElementSibling;
        if (heading && heading.classList.contains("pt-groepkop")) heading.hidden = visible === 0;
      });
      counter.textContent = shown + (shown === 1 ? " traject gevonden" : " trajecten gevonden");
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }
  function initSort(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pt-sorteer";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-waarde") || a.cells[col].textContent.trim();
          var y = b.cells[col].getAttribute("data-waarde") || b.cells[col].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          var cmp = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y, "nl");
          return asc ? cmp : -cmp;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      });
    });
  }
  function init() {
    var form = document.querySelector(".pt-filter");
    if (form) initFilter(form);
    document.querySelectorAll("table[data-sorteerbaar]").forEach(initSort);
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
