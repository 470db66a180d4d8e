/* The chat inside the widget iframe: streamed answers, source cards, choices, feedback. */
(function () {
  "use strict";
  var body = document.body;
  var parentOrigin = body.getAttribute("data-parent-origin");
  var embedded = window.parent !== window;
  var log = document.getElementById("log");
  var input = document.getElementById("input");
  var sendBtn = document.getElementById("send");
  var composer = document.getElementById("composer");
  var busy = false;
  // The engine recognises every way of asking to apply and answers with action "open_form";
  // its own apply button (this value, the catalog's /apply topic) opens the form without a
  // round trip.
  var APPLY_VALUE = "申请融资对接";

  document.documentElement.style.setProperty("--brand", body.getAttribute("data-color"));
  if (!embedded) body.classList.add("embedded-off");

  function storage(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage blocked (private mode, partitioning): keep it in memory */ }
    return null;
  }

  var sessionId = storage("policybot-session") || "";
  var HISTORY_KEY = "policybot-history";
  var HISTORY_MAX = 60;
  // A session ends after WEB_SESSION_IDLE_MINUTES without a message (the server agrees), or when
  // the visitor taps 结束会话: on a shared computer the next visitor sees nothing of it.
  var ACTIVE_KEY = "policybot-active";
  var IDLE_MS = (parseInt(body.getAttribute("data-idle-minutes"), 10) || 30) * 60000;
  function lastActive() { return Number(storage(ACTIVE_KEY) || 0); }
  function touch() { storage(ACTIVE_KEY, String(Date.now())); }
  function idleOver() { return !!sessionId && lastActive() > 0 && Date.now() - lastActive() > IDLE_MS; }
  function forgetLocal() {
    try {
      window.localStorage.removeItem("policybot-session");
      window.localStorage.removeItem(ACTIVE_KEY);
    } catch (e) { /* storage blocked */ }
    try {
      window.sessionStorage.removeItem(HISTORY_KEY);
      window.sessionStorage.removeItem("policybot-draft");
    } catch (e) { /* storage blocked */ }
    sessionId = "";
  }
  var expiredOnLoad = idleOver();
  if (expiredOnLoad) forgetLocal();

  // The visible conversation survives page navigation on the host site (same tab only).
  function loadHistory() {
    try { return JSON.parse(window.sessionStorage.getItem(HISTORY_KEY) || "[]"); }
    catch (e) { return []; }
  }
  var history = loadHistory();

  function remember(entry) {
    history.push(entry);
    if (history.length > HISTORY_MAX) history = history.slice(-HISTORY_MAX);
    try { window.sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history)); }
    catch (e) { /* storage full or blocked: the conversation simply is not restored */ }
  }

  function toParent(message) {
    if (embedded) window.parent.postMessage(message, parentOrigin);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function nearBottom() { return log.scrollHeight - log.scrollTop - log.clientHeight < 80; }
  function scrollDown(force) { if (force || nearBottom()) log.scrollTop = log.scrollHeight; }
  // Where a message starts, in the log's scroll coordinates (a little space above it).
  function startOf(row) {
    return log.scrollTop + row.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  }
  // A new answer is read from its start: follow it down only until its first line reaches the
  // top of the log; never move a reader who scrolled elsewhere.
  function following(row, render) {
    var start = startOf(row);
    var stick = nearBottom() || Math.abs(log.scrollTop - start) < 4;
    render();
    if (stick) log.scrollTop = Math.min(startOf(row), log.scrollHeight - log.clientHeight);
  }

  function addMessage(kind, text) {
    var row = el("div", "msg " + kind);
    var bubble = el("div", "bubble");
    if (kind === "user") bubble.appendChild(el("span", "sr-only", "您说："));
    var p = el("p", "text", text || "");
    bubble.appendChild(p);
    row.appendChild(bubble);
    log.appendChild(row);
    scrollDown(true);
    return { row: row, bubble: bubble, text: p };
  }

  function isIntakeStart(value) {
    return (value || "").trim() === APPLY_VALUE;
  }

  function renderChoices(bubble, buttons) {
    // Feedback buttons (fb:up:ID) are for chat apps; the widget shows its own thumbs. The
    // original text opens in the answer's own source card, so no 查看条款原文 chip beside it.
    var carded = bubble.querySelector(".sources") !== null;
    buttons = (buttons || []).filter(function (b) {
      return !/^fb:(up|down):\d+$/.test(b.value) && !(carded && b.value.indexOf("原文:") === 0);
    });
    if (!buttons.length) return;
    var box = el("div", "choices");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "可选操作");
    buttons.forEach(function (b) {
      var chip = el("button", "chip", b.label);
      chip.type = "button";
      chip.addEventListener("click", function () { choose(b.value, b.label); });
      box.appendChild(chip);
    });
    bubble.appendChild(box);
  }

  function citationBadge(c) {
    if (c.article === 0) return { text: "全文", cls: "badge" };
    if (c.article) return { text: "第" + c.article + "条", cls: "badge" };
    return { text: "资料", cls: "badge doc" };
  }

  // Whether the answer text already cites this source (a line starting with 依据 names it).
  function named(c, text) {
    text = text.split("\n").filter(function (line) { return line.indexOf("依据") === 0; }).join("\n");
    if (c.article === 0) return text.indexOf("全文") >= 0;
    if (c.article) return text.indexOf("第" + c.article + "条") >= 0;
    var head = (c.title || "").split("（")[0].trim();
    return head !== "" && text.indexOf(head) >= 0;
  }

  // One card per cited source, the way to its original text. A source the answer's 依据 line
  // already names is not cited a second time: its card only says 查看原文.
  function renderCitations(bubble, citations) {
    if (!citations || !citations.length) return;
    bubble.classList.add("wide");
    var text = (bubble.querySelector(".text") || bubble).textContent;
    var box = el("div", "sources");
    citations.forEach(function (c) {
      var card = el("details", "source");
      var summary = el("summary");
      var badge = citationBadge(c);
      summary.appendChild(el("span", badge.cls, badge.text));
      var title = (c.title || c.source || "").replace(/^第\s*\d+\s*条\s*/, "");
      if (named(c, text)) summary.appendChild(el("span", "src-open", "查看原文"));
      else summary.appendChild(el("span", "src-title", title || c.source));
      card.appendChild(summary);
      var inner = el("div", "src-body");
      if (c.excerpt) inner.appendChild(el("p", "excerpt", c.excerpt));
      if (c.units) {
        var units = el("p", "units");
        units.appendChild(el("strong", "", "责任单位："));
        units.appendChild(document.createTextNode(c.units));
        inner.appendChild(units);
      }
      inner.appendChild(el("p", "meta", "来源：" + c.source));
      card.appendChild(inner);
      box.appendChild(card);
    });
    bubble.appendChild(box);
  }

  var THUMB_UP = '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.5-1L13.1 1 6.6 7.6A2 2 0 0 0 6 9v10a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>';
  var THUMB_DOWN = '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.5 1l1.1 1.1 6.5-6.6A2 2 0 0 0 18 15V5a2 2 0 0 0-2-2H7a2 2 0 0 0-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z"/></svg>';

  function renderFeedback(bubble, messageId) {
    var box = el("div", "feedback");
    var note = el("span", "", "这条回答有帮助吗？");
    box.appendChild(note);
    [["up", "有帮助", THUMB_UP], ["down", "没有帮助", THUMB_DOWN]].forEach(function (spec) {
      var btn = el("button", "thumb");
      btn.type = "button";
      btn.innerHTML = spec[2];
      btn.setAttribute("aria-label", spec[1]);
      btn.setAttribute("aria-pressed", "false");
      btn.addEventListener("click", function () {
        window.PolicybotNet.send("/api/feedback", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ session_id: sessionId, message_id: messageId, value: spec[0] })
        }).then(function (res) {
          if (!res.ok) throw new Error(String(res.status));
          box.querySelectorAll(".thumb").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
          btn.setAttribute("aria-pressed", "true");
          note.textContent = "感谢您的反馈！";
        }).catch(function () { note.textContent = "反馈未能提交，请稍后再试。"; });
      });
      box.appendChild(btn);
    });
    bubble.appendChild(box);
  }

  function parseFrame(frame) {
    var name = "message", data = "";
    frame.split("\n").forEach(function (line) {
      if (line.indexOf("event:") === 0) name = line.slice(6).trim();
      else if (line.indexOf("data:") === 0) data += line.slice(5).trim();
    });
    return data ? { name: name, data: JSON.parse(data) } : null;
  }

  function setBusy(value) {
    busy = value;
    sendBtn.disabled = value || overLimit();
    log.setAttribute("aria-busy", value ? "true" : "false");
  }

  function showTyping() {
    var pending = addMessage("bot", "");
    pending.text.remove();
    var dots = el("span", "typing");
    dots.setAttribute("aria-label", "正在回答");
    dots.innerHTML = "<i></i><i></i><i></i>";
    pending.bubble.appendChild(dots);
    return pending;
  }

  // --- unreachable server: Chinese notice, automatic retries (net.js), nothing lost ---
  function showRetrying(shown, retry) {
    if (!shown) {
      shown = addMessage("error", "");
      shown.row.classList.add("retrying");
      var box = el("div", "choices");
      var now = el("button", "chip", "立即重试");
      now.type = "button";
      now.addEventListener("click", function () { window.PolicybotNet.retryNow(); });
      box.appendChild(now);
      shown.bubble.appendChild(box);
    }
    window.clearInterval(shown.timer);
    var left = Math.ceil(retry.waitMs / 1000);
    function tell() {
      shown.text.textContent = retry.reason + "，" + Math.max(left, 0) + " 秒后自动重试（第 " +
        retry.attempt + " 次）。您的问题已保留，连上后会自动发送。";
      left -= 1;
    }
    tell();
    shown.timer = window.setInterval(tell, 1000);
    return shown;
  }

  function dropRetrying(shown) {
    if (!shown) return;
    window.clearInterval(shown.timer);
    if (shown.row.parentNode) shown.row.remove();
  }

  function showFailure(text, message) {
    var failed = addMessage("error", message);
    var box = el("div", "choices");
    var again = el("button", "chip", "重新发送");
    again.type = "button";
    again.setAttribute("aria-label", "重新发送：" + text);
    again.addEventListener("click", function () {
      if (busy) return;
      failed.row.remove();
      ask(text);  // the owner's bubble is already there: never echo "重新发送" as a message
    });
    box.appendChild(again);
    failed.bubble.appendChild(box);
  }

  async function ask(text) {
    touch();
    setBusy(true);
    var pending = showTyping();
    var bubbles = {};
    var retrying = null;
    try {
      var res = await window.PolicybotNet.send("/api/chat/stream", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ session_id: sessionId, text: text, web_form: true })
      }, function (retry) { retrying = showRetrying(retrying, retry); });
      dropRetrying(retrying);
      retrying = null;
      if (!res.ok || !res.body) throw new Error("服务暂时不可用，请稍后再试。");
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      for (;;) {
        var chunk;
        try { chunk = await reader.read(); }
        catch (e) { throw new Error("网络连接中断，回复没有接收完整。"); }
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        var cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          var event = parseFrame(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (event) handleEvent(event, bubbles, pending);
        }
      }
    } catch (err) {
      if (pending.row.parentNode) pending.row.remove();
      showFailure(text, err.unreachable ?
        "暂时连不上服务器，您的问题已保留。请检查网络后点“重新发送”。" :
        (err.message || "网络异常，请稍后点“重新发送”。"));
    } finally {
      dropRetrying(retrying);
      if (pending.row.parentNode && !bubbles.start) pending.row.remove();
      setBusy(false);
    }
  }
  // --- end unreachable server ---

  function handleEvent(event, bubbles, pending) {
    var d = event.data;
    if (event.name === "session") {
      // A new id for a session we had: it expired on the server, so drop what it showed.
      if (sessionId && d.session_id !== sessionId) dropEarlier();
      sessionId = d.session_id;
      storage("policybot-session", sessionId);
      touch();
    } else if (event.name === "message") {
      if (pending.row.parentNode) pending.row.remove();
      var msg = addMessage("bot", "");
      msg.bubble.setAttribute("aria-busy", "true");
      msg.id = d.message_id;
      bubbles[d.index] = msg;
      // the reply is read from the start of its first message
      if (!bubbles.start) bubbles.start = msg.row;
      else log.scrollTop = Math.min(startOf(bubbles.start), log.scrollHeight - log.clientHeight);
    } else if (event.name === "delta") {
      following(bubbles.start, function () { bubbles[d.index].text.textContent += d.text; });
    } else if (event.name === "replace") {
      // The streamed text was withdrawn (e.g. it failed the grounding check): show this one.
      following(bubbles.start, function () { bubbles[d.index].text.textContent = d.text; });
    } else if (event.name === "citations") {
      bubbles[d.index].citations = d.citations;
      following(bubbles.start, function () {
        renderCitations(bubbles[d.index].bubble, d.citations);
      });
    } else if (event.name === "buttons") {
      var target = bubbles[d.index];
      if (d.message_id) target.id = d.message_id;  // known only once a streamed answer is stored
      remember({ kind: "bot", text: target.text.textContent, citations: target.citations || [],
        buttons: d.buttons, message_id: target.id });
      following(bubbles.start, function () {
        renderChoices(target.bubble, d.buttons);
        if (target.id) renderFeedback(target.bubble, target.id);
      });
      target.bubble.setAttribute("aria-busy", "false");
      if (d.action === "open_form") openForm(d.prefill);  // the engine read a request to apply
    }
  }

  // Keep only the welcome and the exchange in progress (from the visitor's last message on).
  function dropEarlier() {
    var rows = log.querySelectorAll(".msg");
    var lastUser = -1;
    rows.forEach(function (row, i) { if (row.classList.contains("user")) lastUser = i; });
    rows.forEach(function (row, i) { if (i > 0 && i < lastUser) row.remove(); });
    history = history.length && history[history.length - 1].kind === "user" ?
      [history[history.length - 1]] : [];
    try { window.sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history)); } catch (e) { /* */ }
  }

  function endSession(notice) {
    if (busy) return;
    var ended = sessionId;
    if (ended) {
      fetch("/api/session/end", {
        method: "POST", headers: { "Content-Type": "application/json" }, keepalive: true,
        body: JSON.stringify({ session_id: ended })
      }).catch(function () { /* offline: the server ends it when idle */ });
    }
    forgetLocal();
    history = [];
    if (window.PolicybotForm && window.PolicybotForm.reset) window.PolicybotForm.reset();
    log.textContent = "";
    showWelcome();
    addMessage("notice", notice);
    input.value = "";
    updateCount();
  }

  function say(text) {
    if (idleOver()) endSession("由于长时间未操作，上次会话已结束，记录已清除。");
    addMessage("user", text);
    remember({ kind: "user", text: text });
  }

  function choose(value, label) {
    if (busy) return;
    if (isIntakeStart(value)) { openForm(); return; }
    say(label || value);
    ask(value);
  }

  function openForm(prefill) { window.PolicybotForm.open(prefill); }

  // The server takes at most MAX_CHARS characters: the owner sees the count near the limit
  // and, past it, how much to cut; nothing is cut or sent silently.
  var counter = document.getElementById("input-count");
  var MAX_CHARS = Number(input.getAttribute("data-max")) || 2000;
  function length(text) { return Array.from(text.trim()).length; }  // characters, as Python counts
  function overLimit() { return length(input.value) > MAX_CHARS; }
  function updateCount() {
    var n = length(input.value);
    var over = n > MAX_CHARS;
    counter.hidden = n < MAX_CHARS * 0.9;
    counter.classList.toggle("over", over);
    counter.textContent = over
      ? "内容过长：最多 " + MAX_CHARS + " 字，已超出 " + (n - MAX_CHARS) + " 字，请删减后再发送（" + n + "/" + MAX_CHARS + "）"
      : "已输入 " + n + "/" + MAX_CHARS + " 字";
    input.setAttribute("aria-invalid", over ? "true" : "false");
    sendBtn.disabled = busy || over;
  }

  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    if (overLimit()) { updateCount(); counter.hidden = false; input.focus(); return; }
    input.value = "";
    autosize();
    updateCount();
    say(text);
    ask(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 160) + "px";
  }
  input.addEventListener("input", autosize);
  input.addEventListener("input", updateCount);

  var largeBtn = document.getElementById("btn-large");
  function setLarge(on) {
    document.documentElement.classList.toggle("large", on);
    largeBtn.setAttribute("aria-pressed", on ? "true" : "false");
    storage("policybot-large", on ? "1" : "0");
  }
  largeBtn.addEventListener("click", function () {
    setLarge(largeBtn.getAttribute("aria-pressed") !== "true");
  });
  setLarge(storage("policybot-large") === "1");

  document.getElementById("btn-form").addEventListener("click", openForm);
  document.getElementById("btn-end").addEventListener("click", function () {
    endSession("会话已结束，本机的对话记录和填写内容已清除。下一位使用者看不到您的信息。");
  });
  window.setInterval(function () {
    if (idleOver()) endSession("由于长时间未操作，会话已自动结束，对话记录已清除。");
  }, 15000);
  document.getElementById("btn-close").addEventListener("click", function () {
    toParent({ type: "policybot:close" });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") toParent({ type: "policybot:close" });
  });
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    if (event.data && event.data.type === "policybot:focus") {
      var form = document.getElementById("view-form");
      if (form.hidden) input.focus();
      else document.getElementById("form-title").focus();
    }
  });

  function addNotice(text, link) {
    var shown = addMessage("notice", text);
    if (link) {
      var anchor = el("a", "notice-link", link.label);
      anchor.href = link.href;
      anchor.target = "_blank";
      anchor.rel = "noopener";
      shown.bubble.appendChild(anchor);
    }
    return shown;
  }

  window.PolicybotChat = {
    notice: function (text, link) {
      remember({ kind: "notice", text: text, link: link || null });
      return addNotice(text, link);
    },
    focusInput: function () { input.focus(); }
  };

  function showWelcome() {
    // The welcome and its suggestions come from the catalog (GET /api/catalog, bot/catalog.py),
    // as every channel's greeting does; the bubble is placed first, filled when it arrives.
    var welcome = addMessage("bot", "您好！");
    welcome.bubble.classList.add("wide");
    fetch("/api/catalog")
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (catalog) {
        if (!catalog) return;
        welcome.text.textContent = catalog.greeting + "\n" + catalog.widget_prompt;
        var topics = catalog.topics || [];
        topics.forEach(function (t) { if (t.command === "/apply") APPLY_VALUE = t.text; });
        renderChoices(welcome.bubble, topics.filter(function (t) { return t.chat; })
          .map(function (t) { return { label: t.label, value: t.text }; }));
      })
      .catch(function () { /* offline: the short welcome stays */ });
  }
  showWelcome();
  if (expiredOnLoad) addMessage("notice", "上次会话因长时间未操作已结束，记录已清除。");
  history.forEach(function (entry) {
    if (entry.kind === "notice") { addNotice(entry.text, entry.link); return; }
    var shown = addMessage(entry.kind, entry.text);
    if (entry.kind !== "bot") return;
    renderCitations(shown.bubble, entry.citations);
    renderChoices(shown.bubble, entry.buttons);
    if (entry.message_id) renderFeedback(shown.bubble, entry.message_id);
  });
  // --- inbox polling (handoff helper): staff replies and status changes, each shown once ---
  var INBOX_POLL_MS = 3000;
  function pollInbox() {
    if (!sessionId || document.hidden) return;
    fetch("/api/chat/inbox?session_id=" + encodeURIComponent(sessionId))
      .then(function (res) { return res.ok ? res.json() : { messages: [] }; })
      .then(function (data) {
        (data.messages || []).forEach(function (m) {
          var shown = addMessage("bot", m.text);
          shown.row.classList.add("inbox");
          renderChoices(shown.bubble, m.buttons);
          remember({ kind: "bot", text: m.text, citations: [], buttons: m.buttons || [],
            message_id: null });
        });
      })
      .catch(function () { /* offline: the next poll retries */ });
  }
  window.setInterval(pollInbox, INBOX_POLL_MS);
  // --- end inbox polling ---
  toParent({ type: "policybot:ready" });
  if (!embedded) input.focus();
})();
