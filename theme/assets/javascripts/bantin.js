// bantin: small progressive enhancements. The pages work without this file.
(function () {
  "use strict";
  // The print button only makes sense where scripts run, so it starts hidden.
  document.querySelectorAll("[data-bantin-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
