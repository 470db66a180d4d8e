/* policybot widget loader: one <script src=".../widget.js" data-title data-color async>
 * adds a launcher button and, when the user opens it, the chat in an iframe served by us.
 * Everything lives in a shadow root so the host site's CSS and ours never interfere. */
(function () {
  "use strict";
  // currentScript is null when a tag manager runs us late: fall back to our own tag.
  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script || window.__policybotWidget) return;
  window.__policybotWidget = true;

  var widgetOrigin = new URL(script.src, location.href).origin;
  var title = (script.getAttribute("data-title") || "__SHORT_NAME__").slice(0, 24);  // bot/catalog.py
  var color = script.getAttribute("data-color") || "#b3261e";
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) color = "#b3261e";

  var host = document.createElement("div");
  host.id = "policybot-widget";
  host.style.cssText = "all:initial;position:fixed;z-index:2147483000;right:0;bottom:0;";
  var root = host.attachShadow({ mode: "open" });

  var css =
    ":host{all:initial}" +
    "*{box-sizing:border-box}" +
    ".launcher{position:fixed;right:24px;bottom:24px;display:flex;align-items:center;gap:8px;" +
    "height:56px;padding:0 20px 0 16px;border:0;border-radius:28px;background:var(--c);color:#fff;" +
    "font:600 16px/1 system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;" +
    "letter-spacing:.02em;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.22);" +
    "transition:transform .15s ease,box-shadow .15s ease}" +
    ".launcher:hover{transform:translateY(-2px);box-shadow:0 10px 26px rgba(0,0,0,.26)}" +
    ".launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}" +
    ".launcher svg{width:26px;height:26px;flex:none}" +
    ".launcher[aria-expanded=true]{display:none}" +
    ".panel{position:fixed;right:24px;bottom:24px;width:400px;height:min(680px,calc(100vh - 48px));" +
    "border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 18px 50px rgba(0,0,0,.28);" +
    "opacity:0;transform:translateY(16px) scale(.98);transform-origin:bottom right;" +
    "transition:opacity .18s ease,transform .18s ease;visibility:hidden}" +
    ".panel.open{opacity:1;transform:none;visibility:visible}" +
    ".panel iframe{display:block;width:100%;height:100%;border:0}" +
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100%;border-radius:0}" +
    ".launcher{right:16px;bottom:16px;height:52px;padding:0 16px 0 14px}}" +
    "@media (prefers-reduced-motion:reduce){.panel,.launcher{transition:none}}";

  var style = document.createElement("style");
  style.textContent = css;
  root.appendChild(style);

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.style.setProperty("--c", color);
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "policybot-panel");
  launcher.setAttribute("aria-label", "打开" + title + "（政策咨询与融资需求登记）");
  launcher.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" ' +
    'd="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 ' +
    '6.25a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zm5 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 ' +
    '0 0 0 0-2.5zm5 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5z"/></svg>';
  var label = document.createElement("span");
  label.textContent = "政策咨询";
  launcher.appendChild(label);

  var panel = document.createElement("div");
  panel.className = "panel";
  panel.id = "policybot-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", title);
  panel.hidden = true;

  root.appendChild(launcher);
  root.appendChild(panel);

  var frame = null;
  var frameReady = false;
  var isOpen = false;

  function post(message) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, widgetOrigin);
  }

  function ensureFrame() {
    if (frame) return;
    frame = document.createElement("iframe");
    frame.title = title + "对话窗口";
    frame.src =
      widgetOrigin + "/widget?title=" + encodeURIComponent(title) +
      "&color=" + encodeURIComponent(color) + "&origin=" + encodeURIComponent(location.origin);
    frame.setAttribute("allow", "clipboard-write");
    panel.appendChild(frame);
  }

  function open() {
    if (isOpen) return;
    isOpen = true;
    ensureFrame();
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    requestAnimationFrame(function () { panel.classList.add("open"); });
    frame.focus();
    if (frameReady) post({ type: "policybot:focus" });
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    panel.classList.remove("open");
    launcher.setAttribute("aria-expanded", "false");
    panel.hidden = true;
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen) close();
  });
  window.addEventListener("message", function (event) {
    if (event.origin !== widgetOrigin || !frame || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.type === "policybot:ready") {
      frameReady = true;
      if (isOpen) post({ type: "policybot:focus" });
    } else if (data.type === "policybot:close") {
      close();
    }
  });

  window.PolicybotWidget = { open: open, close: close };

  function mount() { document.body.appendChild(host); }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
