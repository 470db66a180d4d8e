// Small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function syncToggle(select) {
    var form = select.form;
    form.querySelectorAll("[data-when]").forEach(function (box) {
      box.classList.toggle("shown", box.getAttribute("data-when") === select.value);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-toggle]").forEach(function (select) {
      select.addEventListener("change", function () { syncToggle(select); });
      syncToggle(select);
    });
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
    document.querySelectorAll("form[data-busy]").forEach(function (form) {
      form.addEventListener("submit", function () {
        var button = form.querySelector("button[type=submit]");
        if (button) { button.disabled = true; button.textContent = form.getAttribute("data-busy"); }
      });
    });
  });
})();
