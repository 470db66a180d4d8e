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
          markSeen(region);
        })
        .catch(function () { /* signed out or offline: try again later */ })
        .then(function () { window.setTimeout(tick, every); });
    }
    window.setTimeout(tick, every);
  }
  // The close form says which messages were on screen: a newer one keeps the handoff open.
  function markSeen(region) {
    var seen = document.getElementById("seen-message");
    if (!seen) return;
    region.querySelectorAll("[data-id]").forEach(function (node) {
      var id = parseInt(node.getAttribute("data-id"), 10);
      if (id > (parseInt(seen.value, 10) || 0)) seen.value = String(id);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-poll]").forEach(poll);
  });
})();
