// Client-side filters and sorting for programs and findings. No dependencies, no network.
(function () {
  "use strict";

  function items(target) {
    return Array.prototype.slice.call(target.querySelectorAll("article.bb-card, tbody tr"));
  }

  function attach(panel) {
    var target = document.getElementById(panel.getAttribute("data-bb-filter"));
    if (!target) return;
    var filters = Array.prototype.slice.call(panel.querySelectorAll("select[data-filter]"));
    var sorter = panel.querySelector("select[data-sort]");
    var count = panel.querySelector(".bb-count");

    function apply() {
      var shown = 0;
      items(target).forEach(function (item) {
        var visible = filters.every(function (select) {
          var wanted = select.value;
          if (!wanted) return true;
          var value = item.getAttribute("data-" + select.getAttribute("data-filter")) || "";
          if (select.getAttribute("data-match") === "word") {
            return value.split(" ").indexOf(wanted) !== -1;
          }
          return value === wanted;
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = shown + " shown";
    }

    function sort() {
      if (!sorter) return;
      var key = sorter.value;
      var option = sorter.options[sorter.selectedIndex];
      var descending = option && option.getAttribute("data-desc") === "1";
      var list = items(target);
      var parent = list.length ? list[0].parentNode : null;
      if (!parent) return;
      list.sort(function (a, b) {
        var x = a.getAttribute("data-" + key) || "";
        var y = b.getAttribute("data-" + key) || "";
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny) && key !== "name") ? nx - ny : x.localeCompare(y);
        return descending ? -order : order;
      });
      list.forEach(function (item) { parent.appendChild(item); });
    }

    filters.forEach(function (select) { select.addEventListener("change", apply); });
    if (sorter) sorter.addEventListener("change", function () { sort(); apply(); });
    sort();
    apply();
  }

  function init() {
    Array.prototype.slice.call(document.querySelectorAll("[data-bb-filter]")).forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// Pagefind's search UI, on the search page only (its script is loaded by that page).
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("bb-search");
    if (!element || typeof window.PagefindUI !== "function") return;
    new window.PagefindUI({
      element: "#bb-search",
      bundlePath: element.getAttribute("data-bundle"),
      showSubResults: true,
      resetStyles: false,
      autofocus: true
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
