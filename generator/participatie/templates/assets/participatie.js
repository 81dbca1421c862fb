/* participatie: filters on the overview and sorting on the raad table. The pages work without this file. */
(function () {
  "use strict";
  function values(li, key) {
    return (li.getAttribute("data-" + key) || "").split("|");
  }
  function matches(li, selects, skip) {
    return selects.every(function (s) {
      return s === skip || !s.value || values(li, s.getAttribute("data-filter")).indexOf(s.value) !== -1;
    });
  }
  function initFilter(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".pt-filteritem"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var counter = form.querySelector(".pt-teller");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      Array.prototype.forEach.call(s.options, function (o) { o.setAttribute("data-naam", o.textContent); });
      var wanted = params.get(s.name);
      if (wanted && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) s.value = wanted;
    });
    function count() {
      selects.forEach(function (s) {
        var key = s.getAttribute("data-filter");
        Array.prototype.forEach.call(s.options, function (o) {
          if (!o.value) return;
          var n = items.filter(function (li) { return matches(li, selects, s) && values(li, key).indexOf(o.value) !== -1; }).length;
          o.textContent = o.getAttribute("data-naam") + " (" + n + ")";
        });
      });
    }
    function remember() {
      var query = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        var ok = matches(li, selects, null);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll(".pt-filterlijst").forEach(function (ul) {
        var visible = ul.querySelectorAll(".pt-filteritem:not([hidden])").length;
        ul.hidden = visible === 0;
        var heading = ul.previousElementSibling;
        if (heading && heading.tagName === "H2") heading.hidden = visible === 0;
      });
      var words = (form.getAttribute("data-woorden") || "traject|trajecten").split("|");
      counter.textContent = shown + " " + (shown === 1 ? words[0] : words[1]) + " gevonden." +
        (shown === 0 ? " Kies andere filters, of wis alle filters." : "");
      count();
    }
    selects.forEach(function (s) { s.addEventListener("change", function () { apply(); remember(); }); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(); remember(); }, 0);
    });
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
      var printed = document.createElement("span");  // Chromium leaves a repeated header empty when it holds a button
      printed.className = "pt-print-kop";
      printed.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.appendChild(printed);
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
