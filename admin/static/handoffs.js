// Handoff pages: refresh [data-poll] regions from their fragment URL every few seconds.
(function () {
  "use strict";
  function poll(region) {
    var url = region.getAttribute("data-poll");
    var every = parseInt(region.getAttribute("data-every"), 10) || 3000;
    var last = null;
    function tick() {
      if (document.hidden) { window.setTimeout(tick, every); return; }
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (res) {
          if (!res.ok || res.redirected) throw new Error("poll " + res.status);
          return res.text();
        })
        .then(function (html) {
          if (last !== html) region.innerHTML = html;
          last = html;
        })
        .catch(function () { /* signed out or offline: try again later */ })
        .then(function () { window.setTimeout(tick, every); });
    }
    window.setTimeout(tick, every);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-poll]").forEach(poll);
  });
})();
