/* Checkout, progressive enhancement only (the form works without this file):
   - the ward list follows the province at once (GET /checkout/wards/?province=<code>);
     without JavaScript, or if that request fails, "Show wards" redisplays the form instead;
   - a refused form's error summary takes the focus, and its links focus their field. */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) { return; }
      event.preventDefault();
      var label = document.querySelector("label[for='" + field.id + "']") || field.closest("fieldset") || field;
      label.scrollIntoView();
      field.focus({preventScroll: true});
    });
  }

  var form = document.querySelector("form[data-wards-url]");
  var province = form && form.querySelector("select[name=province_code]");
  var ward = form && form.querySelector("select[name=ward_code]");
  if (!province || !ward || !window.fetch) { return; }
  var button = form.querySelector("button[name=show_wards]");
  var noScript = form.querySelectorAll("[data-no-js]");

  function stepByStep(on) {
    // Hidden and not a submit button while the list fills itself: Enter in a field then
    // places the order instead of pressing "Show wards".
    Array.prototype.forEach.call(noScript, function (el) { el.hidden = !on; });
    if (button) { button.type = on ? "submit" : "button"; }
  }

  function load() {
    var code = province.value;
    ward.length = 1;  // keep "Choose a ward"
    if (!code) { return; }
    ward.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("data-wards-url") + "?province=" + encodeURIComponent(code),
          {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        if (province.value !== code) { return; }  // another province was chosen meanwhile
        data.wards.forEach(function (w) { ward.add(new Option(w.name, w.code)); });
        stepByStep(false);
      })
      .catch(function () { if (province.value === code) { stepByStep(true); } })
      .then(function () { ward.removeAttribute("aria-busy"); });
  }

  stepByStep(false);
  province.addEventListener("change", load);
  // A province the browser restored (back button) without its wards.
  if (province.value && ward.options.length <= 1) { load(); }
})();
