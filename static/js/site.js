/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Switch language as soon as a new one is picked (the button stays for no-JS users).
  document.querySelectorAll(".language-switcher select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();

/* Autocomplete for every search box with data-suggest-url (the header's and the search page's);
   progressive enhancement: the forms work without it. */
(function () {
  "use strict";
  if (!window.fetch) { return; }

  function attach(input) {
    var list = document.getElementById(input.dataset.suggestList || "search-suggestions");
    if (!list) { return; }
    var timer = null, last = "", controller = null;

    function clear() { list.hidden = true; list.textContent = ""; last = ""; }

    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.text;  // text, never HTML
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { clear(); return; }
      timer = setTimeout(function () {
        if (q === last) { return; }
        last = q;
        if (controller) { controller.abort(); }
        controller = window.AbortController ? new AbortController() : null;
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), controller ? {signal: controller.signal} : {})
          .then(function (r) { return r.ok ? r.json() : {suggestions: []}; })
          .then(function (data) { if (input.value.trim() === q) { show(data.suggestions || []); } })
          .catch(function () { /* offline or aborted: the form still works */ });
      }, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { clear(); }
      if (e.key === "ArrowDown" && !list.hidden && list.querySelector("a")) { e.preventDefault(); list.querySelector("a").focus(); }
    });
    list.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { clear(); input.focus(); }
    });
    // Leaving the box and its list closes the list (a click on a suggestion lands first).
    input.form.addEventListener("focusout", function () {
      setTimeout(function () { if (!input.form.contains(document.activeElement)) { list.hidden = true; } }, 150);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(attach);
})();
