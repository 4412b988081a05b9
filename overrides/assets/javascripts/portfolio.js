/* Filters the initiatives on the portfolio page in place. Without JavaScript the form stays
   hidden and every initiative is listed, with links to a page per area and per status.
   The filter is kept in the address (?omrade=transport&status=ongoing) so a view can be
   shared and the back button works, and the language switcher takes it along to the twin
   page (the values are the same in both languages). Nothing is stored in the browser. */
(function () {
  "use strict";
  function start() {
    var form = document.getElementById("kb-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var items = Array.prototype.slice.call(document.querySelectorAll(".kb-portfolio li"));
    var count = form.querySelector(".kb-filter__count");
    var fields = ["q", "omrade", "status", "part"];
    var switcher = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));
    switcher.forEach(function (a) {
      // Material's selector would send the reader to the twin without the filter: follow the link itself
      a.addEventListener("click", function (event) { event.stopPropagation(); });
    });

    function matches(li, f) {
      return (!f.omrade || li.dataset.category === f.omrade) &&
        (!f.status || li.dataset.status === f.status) &&
        (!f.part || (" " + li.dataset.partners + " ").indexOf(" " + f.part + " ") >= 0) &&
        (!f.q || li.textContent.toLowerCase().indexOf(f.q.toLowerCase()) >= 0);
    }

    function apply(f) {
      var shown = 0;
      items.forEach(function (li) {
        var ok = matches(li, f);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll(".kb-group").forEach(function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      count.textContent = shown === 1 ? count.dataset.one : count.dataset.many.replace("{n}", shown);
      switcher.forEach(function (a) { a.search = location.search; });
    }

    function fromAddress() {
      var params = new URLSearchParams(location.search), f = {};
      fields.forEach(function (name) {
        f[name] = params.get(name) || "";
        form.elements[name].value = f[name];
      });
      return f;
    }

    function changed() {
      var params = new URLSearchParams(), f = {};
      fields.forEach(function (name) {
        f[name] = form.elements[name].value.trim();
        if (f[name]) params.set(name, f[name]);
      });
      var query = params.toString();
      var address = location.pathname + (query ? "?" + query : "");
      if (address !== location.pathname + location.search) history.pushState(null, "", address);
      apply(f);
    }

    form.hidden = false;
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
    form.addEventListener("reset", function () { setTimeout(changed, 0); });
    window.addEventListener("popstate", function () { apply(fromAddress()); });
    apply(fromAddress());
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
