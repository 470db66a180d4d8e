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
  // Drafts: what was typed into a form survives a session that expired meanwhile. The server
  // sends such a post to the login page and then back here with ?restore=1.
  var DRAFT = "pb-admin-draft";
  var SKIP = { csrf_token: true, password: true, next: true };
  function saveDraft(form) {
    var fields = [];
    form.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || SKIP[el.name] || el.type === "file" || el.type === "password" || el.disabled) { return; }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { return; }
      fields.push([el.name, el.value]);
    });
    try {
      sessionStorage.setItem(DRAFT, JSON.stringify({
        path: location.pathname, action: form.getAttribute("action"), fields: fields
      }));
    } catch (e) { /* storage full or disabled: nothing to keep */ }
  }
  function restoreDraft() {
    var params = new URLSearchParams(location.search);
    var raw = null;
    try { raw = sessionStorage.getItem(DRAFT); } catch (e) { return; }
    if (location.pathname === "/admin/login") { return; }
    try { sessionStorage.removeItem(DRAFT); } catch (e) { /* ignore */ }
    if (params.get("restore") !== "1") { return; }
    params.delete("restore");
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    if (!raw) { return; }
    var draft = JSON.parse(raw);
    if (draft.path !== location.pathname) { return; }
    var form = Array.prototype.find.call(document.querySelectorAll("form[method=post]"), function (f) {
      return f.getAttribute("action") === draft.action;
    });
    if (!form) { return; }
    draft.fields.forEach(function (pair) {
      form.querySelectorAll("[name='" + pair[0].replace(/'/g, "") + "']").forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.value === pair[1] && !el.disabled) { el.checked = true; }
        } else if (el.type !== "hidden") {
          el.value = pair[1];
        }
      });
    });
    var note = document.createElement("p");
    note.className = "notice";
    note.id = "draft-restored";
    note.setAttribute("role", "status");
    note.textContent = "已填回您登录前填写的内容，请核对后重新提交。";
    form.parentNode.insertBefore(note, form);
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var action = form.getAttribute("action") || "";
    if (form.method === "post" && action !== "/admin/login" && action !== "/admin/logout") {
      saveDraft(form);
    }
  }, true);
  document.addEventListener("DOMContentLoaded", function () {
    restoreDraft();
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
