/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Switch language as soon as a new one is picked (the button stays for no-JS users).
  document.querySelectorAll(".language-switcher select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
