/* Light and dark schemes. Material's palette toggle writes the scheme into localStorage on every
   page view, even when the reader never touched the toggle. We keep nothing in the browser until
   the reader presses the toggle; from then on the chosen scheme is kept, as they asked. Without a
   choice the scheme follows the system setting (see the early script in overrides/main.html). */
(function () {
  "use strict";
  if (typeof __md_scope === "undefined") return;
  var stored = __md_scope.pathname + ".__palette";
  var chosen = __md_scope.pathname + ".kb-palette-chosen";
  function forget() {
    try { if (!localStorage.getItem(chosen)) localStorage.removeItem(stored); } catch (e) { /* storage blocked: nothing kept */ }
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[name=__palette]"), function (input) {
    // Material changes these inputs only when the reader clicks the toggle or presses Enter on it
    input.addEventListener("change", function () {
      try { localStorage.setItem(chosen, "1"); } catch (e) { /* storage blocked: the choice lasts the page */ }
    });
  });
  forget();
  window.addEventListener("load", forget);
})();
