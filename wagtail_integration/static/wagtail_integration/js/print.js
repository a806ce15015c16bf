/*
 * wagtail_integration – print buttons.
 * Shows every button marked data-wi-print (rendered hidden, so nothing inert appears without
 * JavaScript) and opens the browser's print dialog when it is pressed. No inline handlers, so
 * a strict Content-Security-Policy can allow this file alone.
 */
(function () {
  "use strict";

  function init() {
    var buttons = document.querySelectorAll("button[data-wi-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      if (typeof window.print !== "function") {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
