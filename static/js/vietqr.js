/* VietQR transfer details: "Copy" buttons for the account number, the amount and the note.
   Progressive enhancement: without this file the buttons stay hidden and the values are
   plain text to select. If the clipboard refuses, the value is selected and the buyer is
   told to press and hold it. */
(function () {
  "use strict";

  function viaTextarea(value) {
    // Older browsers and pages served over plain http (no navigator.clipboard).
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }

  function selectText(element) {
    if (!element || !window.getSelection) { return; }
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".copy-button[data-copy]"), function (button) {
    var card = button.closest(".vietqr");
    var status = card && card.querySelector(".vietqr-copy-status");
    var value = button.getAttribute("data-copy");
    var timer = null;

    function say(text) { if (status) { status.textContent = text; } }

    function done() {
      say(button.getAttribute("data-done"));
      button.classList.add("copied");
      clearTimeout(timer);
      timer = setTimeout(function () { button.classList.remove("copied"); }, 2000);
    }

    function fallback() {
      if (viaTextarea(value)) { done(); return; }
      selectText(button.previousElementSibling);
      say(status ? status.getAttribute("data-failed") : "");
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
