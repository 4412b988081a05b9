/* Two small helps for moving about. Nothing is stored in the browser.
   1. The language switch keeps the reader's place: the twin page is opened at the same anchor
      (record pages share their section ids in both languages; where the twin has no such
      anchor, the browser opens it at the top, as before).
   2. The back-to-top button never lies over a chart (its drawing or its legend: CHARTS): while
      one passes under it, the button steps aside (it comes back once the chart has scrolled past). */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && location.hash) link.hash = location.hash;
  }, true);

  var CHARTS = ".kb-chart__svg, .kb-chart__legend, figure";
  var waiting = false;
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  function place() {
    waiting = false;
    var button = document.querySelector(".md-top");
    if (!button) return;
    document.body.classList.remove("kb-top-hidden");
    var spot = button.getBoundingClientRect();
    var covered = Array.prototype.some.call(document.querySelectorAll(CHARTS), function (el) {
      return overlaps(spot, el.getBoundingClientRect());
    });
    document.body.classList.toggle("kb-top-hidden", covered);
  }
  function later() {
    if (!waiting) { waiting = true; requestAnimationFrame(place); }
  }
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later);
})();
