// Client-side filters and sorting for programs and findings. No dependencies, no network
// beyond this site: when the findings index spans several pages, filtering loads the compact
// api/findings-index.json once and lists matches from every page.
(function () {
  "use strict";

  var MAX_ROWS = 500;

  function toArray(list) { return Array.prototype.slice.call(list); }

  function items(target) {
    return toArray(target.querySelectorAll("article.bb-card, tbody tr:not([data-bb-generated])"));
  }

  function attach(panel) {
    var target = document.getElementById(panel.getAttribute("data-bb-filter"));
    if (!target) return;
    var filters = toArray(panel.querySelectorAll("select[data-filter]"));
    var sorter = panel.querySelector("select[data-sort]");
    var count = panel.querySelector(".bb-count");
    var source = panel.getAttribute("data-source");
    var complete = panel.getAttribute("data-complete") !== "false";
    var index = null;

    function wanted() {
      var active = {};
      filters.forEach(function (select) {
        if (select.value) active[select.getAttribute("data-filter")] = select;
      });
      return active;
    }

    function matches(value, select) {
      if (select.getAttribute("data-match") === "word") {
        return (value || "").split(" ").indexOf(select.value) !== -1;
      }
      return String(value) === select.value;
    }

    function filterPage(active) {
      var shown = 0;
      items(target).forEach(function (item) {
        var visible = Object.keys(active).every(function (key) {
          return matches(item.getAttribute("data-" + key), active[key]);
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      return shown;
    }

    function clearGenerated() {
      toArray(target.querySelectorAll("tr[data-bb-generated]")).forEach(function (row) {
        row.parentNode.removeChild(row);
      });
    }

    function cell(row, text) {
      var td = document.createElement("td");
      if (text !== undefined) td.textContent = text;
      row.appendChild(td);
      return td;
    }

    function renderFromIndex(active) {
      var keys = { program: 2, severity: 3, category: 4, year: 5 };
      var found = index.rows.filter(function (row) {
        return Object.keys(active).every(function (key) {
          return matches(row[keys[key]], active[key]);
        });
      });
      var body = target.querySelector("tbody");
      items(target).forEach(function (item) { item.hidden = true; });
      clearGenerated();
      var root = panel.getAttribute("data-root") || "";
      found.slice(0, MAX_ROWS).forEach(function (row) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-bb-generated", "");
        var first = cell(tr);
        var link = document.createElement("a");
        link.href = root + row[7];
        link.textContent = row[1];
        first.appendChild(link);
        var id = document.createElement("span");
        id.className = "bb-muted";
        id.textContent = " " + row[0];
        first.appendChild(id);
        cell(tr, index.programs[row[2]] || row[2]);
        var severity = cell(tr);
        var badge = document.createElement("span");
        badge.className = "bb-sev bb-sev--" + row[3];
        badge.textContent = row[3];
        severity.appendChild(badge);
        cell(tr, index.categories[row[4]] || row[4]);
        cell(tr, row[6]);
        body.appendChild(tr);
      });
      return found.length;
    }

    function show(shown) {
      if (!count) return;
      var text = shown + " shown";
      if (shown > MAX_ROWS && !complete) text = shown + " match; the first " + MAX_ROWS + " are shown";
      count.textContent = text;
    }

    function apply() {
      var active = wanted();
      if (complete || !source || Object.keys(active).length === 0) {
        clearGenerated();
        show(filterPage(active));
        return;
      }
      if (index) { show(renderFromIndex(active)); return; }
      if (count) count.textContent = "loading…";
      fetch(source, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) { index = data; show(renderFromIndex(wanted())); })
        .catch(function () { if (count) count.textContent = "could not load the index"; });
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

    // Filters given in the address (e.g. ?program=slug from a program page) start selected.
    var params = new URLSearchParams(window.location.search);
    filters.forEach(function (select) {
      var value = params.get(select.getAttribute("data-filter"));
      if (value && toArray(select.options).some(function (o) { return o.value === value; })) {
        select.value = value;
      }
      select.addEventListener("change", apply);
    });
    if (sorter) sorter.addEventListener("change", function () { sort(); apply(); });
    sort();
    apply();
  }

  function startFilters() {
    toArray(document.querySelectorAll("[data-bb-filter]")).forEach(attach);
  }

  // The address holds the current query (search/?q=words), so that a search can be shared,
  // bookmarked or reloaded; replaceState, so typing adds no history entries.
  function keepQueryInAddress(element, input) {
    function update() {
      var url = new URL(window.location.href);
      var term = input.value.trim();
      if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
    }
    input.addEventListener("input", update);
    // Pagefind's clear button empties the field without an input event.
    element.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".pagefind-ui__search-clear")) {
        setTimeout(update, 0);
      }
    });
  }

  // Pagefind's search UI, on the search page only (its script is loaded by that page).
  function startSearch() {
    var element = document.getElementById("bb-search");
    if (!element || typeof window.PagefindUI !== "function") return;
    var ui = new window.PagefindUI({
      element: "#bb-search",
      bundlePath: element.getAttribute("data-bundle"),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true
    });
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    if (query) ui.triggerSearch(query);
    // Pagefind names its input only with a title; give it a real accessible name.
    var tries = 0;
    var timer = setInterval(function () {
      var input = element.querySelector("input");
      tries += 1;
      if (input) {
        input.setAttribute("aria-label", "Search programs and findings");
        keepQueryInAddress(element, input);
      }
      if (input || tries > 50) clearInterval(timer);
    }, 50);
  }

  function start() { startFilters(); startSearch(); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
