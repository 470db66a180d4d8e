/* The financing request (融资需求登记) as a real web form inside the widget. */
(function () {
  "use strict";
  var view = document.getElementById("view-form");
  var chatView = document.getElementById("view-chat");
  var container = document.getElementById("form-body");
  var heading = document.getElementById("form-title");
  var schema = null;
  var idempotencyKey = null;
  var form = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return String(Date.now()) + "-" + Math.random().toString(36).slice(2);
  }

  var INPUT_TYPES = {
    phone: { type: "tel", inputmode: "tel", autocomplete: "tel", maxlength: "20" },
    amount: { type: "text", inputmode: "decimal", maxlength: "20" },
    term: { type: "text", inputmode: "numeric", maxlength: "20" },
    credit_code: { type: "text", autocapitalize: "characters", spellcheck: "false", maxlength: "30" },
    person: { type: "text", autocomplete: "name", maxlength: "50" },
    text: { type: "text", autocomplete: "organization", maxlength: "60" }
  };

  function describe(control, f) {
    control.setAttribute("aria-describedby", "hint-" + f.name + " err-" + f.name);
  }

  function buildField(f) {
    var wrap;
    var error = el("p", "field-error");
    error.id = "err-" + f.name;
    var hint = el("p", "hint", f.example ? "例如：" + f.example : "");
    hint.id = "hint-" + f.name;
    if (f.kind === "consent") {
      wrap = el("div", "field");
      var label = el("label", "consent");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = f.name;
      box.id = "f-" + f.name;
      box.setAttribute("aria-describedby", "err-" + f.name);
      label.appendChild(box);
      label.appendChild(el("span", "", schema.consent_text + "我已阅读并同意。"));
      wrap.appendChild(label);
      wrap.appendChild(error);
      return wrap;
    }
    if (f.kind === "yes_no") {
      wrap = el("fieldset", "field");
      wrap.appendChild(el("legend", "", f.label));
      wrap.lastChild.appendChild(el("span", "req", "*"));
      wrap.appendChild(el("p", "hint", f.prompt));
      wrap.lastChild.id = "hint-" + f.name;
      var radios = el("div", "radios");
      [["是", "true"], ["否", "false"]].forEach(function (pair, i) {
        var item = el("label");
        var radio = document.createElement("input");
        radio.type = "radio";
        radio.name = f.name;
        radio.value = pair[1];
        if (i === 0) { radio.id = "f-" + f.name; describe(radio, f); }
        item.appendChild(radio);
        item.appendChild(document.createTextNode(pair[0]));
        radios.appendChild(item);
      });
      wrap.appendChild(radios);
      wrap.appendChild(error);
      return wrap;
    }
    wrap = el("div", "field");
    var caption = el("label", "", f.label);
    caption.htmlFor = "f-" + f.name;
    caption.appendChild(f.optional ? el("span", "opt", "（选填）") : el("span", "req", "*"));
    wrap.appendChild(caption);
    var control;
    if (f.kind === "choice") {
      control = document.createElement("select");
      control.appendChild(new Option("请选择", ""));
      f.choices.forEach(function (c) { control.appendChild(new Option(c, c)); });
      hint.textContent = f.prompt;
    } else if (f.kind === "note") {
      control = document.createElement("textarea");
      control.maxLength = 1000;
      control.rows = 3;
    } else {
      control = document.createElement("input");
      var attrs = INPUT_TYPES[f.kind] || INPUT_TYPES.text;
      Object.keys(attrs).forEach(function (k) { control.setAttribute(k, attrs[k]); });
    }
    control.id = "f-" + f.name;
    control.name = f.name;
    if (!f.optional) control.setAttribute("aria-required", "true");
    describe(control, f);
    wrap.appendChild(hint);
    wrap.appendChild(control);
    wrap.appendChild(error);
    return wrap;
  }

  function collect() {
    var data = {};
    schema.fields.forEach(function (f) {
      if (f.kind === "consent") {
        data[f.name] = form.elements[f.name].checked;
      } else if (f.kind === "yes_no") {
        var picked = form.querySelector('input[name="' + f.name + '"]:checked');
        data[f.name] = picked ? picked.value === "true" : null;
      } else {
        data[f.name] = form.elements[f.name].value;
      }
    });
    // Readings the server asked to confirm (unusual amount, licence credit code) and the owner ticked.
    data.confirmed = Array.prototype.map.call(
      form.querySelectorAll(".confirm-box input:checked"),
      function (box) { return box.getAttribute("data-field"); });
    var sid = null;
    try { sid = window.localStorage.getItem("policybot-session"); } catch (e) { sid = null; }
    if (sid) data.session_id = sid;
    return data;
  }

  var DRAFT_KEY = "policybot-draft";

  // Answers survive page navigation on the host site (same tab only); consent is asked afresh.
  function saveDraft() {
    var data = collect();
    delete data.consent;
    delete data.session_id;
    delete data.confirmed;
    try { window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(data)); } catch (e) { /* off */ }
  }

  function restoreDraft() {
    var data;
    try { data = JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) || "null"); }
    catch (e) { data = null; }
    if (data) applyValues(data);
  }

  function applyValues(data) {
    schema.fields.forEach(function (f) {
      var value = data[f.name];
      if (value === undefined || value === null || f.kind === "consent") return;
      if (f.kind === "yes_no") {
        var radio = form.querySelector('input[name="' + f.name + '"][value="' + String(value) + '"]');
        if (radio) radio.checked = true;
      } else {
        form.elements[f.name].value = value;
      }
    });
  }

  // Answers the engine sends with "open_form" (the self-check's 用这些信息填写融资需求登记).
  function keepPrefill(prefill) {
    var data;
    try { data = JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) || "null"); }
    catch (e) { data = null; }
    data = data || {};
    Object.keys(prefill).forEach(function (k) { data[k] = prefill[k]; });
    try { window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(data)); } catch (e) { /* off */ }
  }

  function clearDraft() {
    try { window.sessionStorage.removeItem(DRAFT_KEY); } catch (e) { /* off */ }
  }

  function showErrors(errors) {
    var summary = form.querySelector(".error-summary");
    schema.fields.forEach(function (f) {
      var message = errors[f.name] || "";
      document.getElementById("err-" + f.name).textContent = message;
      form.querySelectorAll('[name="' + f.name + '"]').forEach(function (c) {
        if (message) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      });
    });
    var names = schema.fields.filter(function (f) { return errors[f.name]; });
    summary.hidden = names.length === 0;
    var list = summary.querySelector("ul");
    list.textContent = "";
    names.forEach(function (f) {
      var item = el("li");
      var link = el("a", "", f.label + "：" + errors[f.name]);
      link.href = "#f-" + f.name;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        document.getElementById("f-" + f.name).focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    if (names.length) {
      summary.querySelector("h3").textContent = "有 " + names.length + " 项需要修改";
      summary.focus();
    }
  }

  // A tick box under each field whose reading needs the owner's confirmation (422 "confirmable").
  function showConfirmations(confirmable) {
    form.querySelectorAll(".confirm-box").forEach(function (node) { node.remove(); });
    Object.keys(confirmable || {}).forEach(function (name) {
      var error = document.getElementById("err-" + name);
      if (!error) return;
      var label = el("label", "consent confirm-box");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "confirm-" + name;
      box.setAttribute("data-field", name);
      box.setAttribute("aria-describedby", "err-" + name);
      label.appendChild(box);
      label.appendChild(el("span", "", confirmable[name]));
      error.parentNode.insertBefore(label, error.nextSibling);
    });
  }

  // Changing an answer withdraws the confirmation given for the previous one (a new company
  // name, the county the server read from the old one).
  function dropConfirmation(event) {
    var name = event.target && event.target.name;
    if (name === "company_name") name = "county";
    var box = name ? document.getElementById("confirm-" + name) : null;
    if (box && event.target !== box) box.checked = false;
  }

  // The county the company name names ("沙县鑫源竹业有限公司": 沙县区), read by the server's one
  // derivation (GET /api/intake/county), put into an empty county list and said under it. Never
  // over a county the owner chose; a changed name takes the county it gave along.
  var suggested = null;

  function countyNote(text) {
    var note = document.getElementById("suggest-county");
    if (!note && text) {
      note = el("p", "hint suggested");
      note.id = "suggest-county";
      note.setAttribute("role", "status");
      var error = document.getElementById("err-county");
      error.parentNode.insertBefore(note, error);
    }
    if (note) note.textContent = text;
  }

  async function suggestCounty() {
    var current = form;
    if (!current || !current.elements.county || !current.elements.company_name) return;
    var select = current.elements.county;
    var name = current.elements.company_name.value.trim();
    if (select.value && select.value !== suggested) return;
    var county = null;
    if (name) {
      try {
        var res = await window.fetch("/api/intake/county?company_name=" + encodeURIComponent(name));
        if (!res.ok) return;
        county = (await res.json()).county || null;
      } catch (e) { return; }  // offline: nothing suggested, nothing changed
    }
    if (form !== current || current.elements.company_name.value.trim() !== name) return;
    if (select.value && select.value !== suggested) return;  // chosen meanwhile
    select.value = county || "";
    suggested = county;
    countyNote(county ? "已根据企业名称填为“" + county + "”，请核对；不对请改选。" : "");
    saveDraft();
  }

  function countyChanged(event) {
    var name = event.target && event.target.name;
    if (name === "company_name") suggestCounty();
    if (name === "county" && event.target.value !== suggested) {
      suggested = null;
      countyNote("");
    }
  }

  function recommendationText(rec) {
    if (typeof rec === "string") return { title: rec, detail: "" };
    var title = rec.title || rec.name || rec.product || "";
    var detail = rec.reason || rec.text || rec.detail || "";
    if (rec.article) title += "（第" + rec.article + "条）";
    return { title: title, detail: detail };
  }

  function showDone(result) {
    idempotencyKey = null;
    clearDraft();
    container.textContent = "";
    var done = el("div", "done");
    done.setAttribute("role", "status");
    var tick = el("div", "tick");
    tick.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/></svg>';
    done.appendChild(tick);
    var title = el("h3", "", "提交成功");
    title.tabIndex = -1;
    done.appendChild(title);
    done.appendChild(el("p", "muted", "您的融资需求已登记，受理编号："));
    done.appendChild(el("div", "ref", result.ref));
    done.appendChild(el("p", "muted", "当前状态：" + result.status_label + "。协调办将尽快与您联系，请保存编号和查询链接。"));
    if (result.duplicate_of) {
      done.appendChild(el("p", "muted", "提示：该企业近期已有在办需求（" + result.duplicate_of + "），工作人员会一并处理。"));
    }
    if (result.recommendations && result.recommendations.length) {
      done.appendChild(el("p", "", "可能适合您的政策与产品："));
      var recs = el("ul", "recs");
      result.recommendations.forEach(function (rec) {
        var r = recommendationText(rec);
        var li = el("li");
        li.appendChild(el("strong", "", r.title));
        if (r.detail) li.appendChild(document.createTextNode(r.detail));
        recs.appendChild(li);
      });
      done.appendChild(recs);
    }
    var statusHref = "/status/" + encodeURIComponent(result.ref) + "?token=" +
      encodeURIComponent(result.token);
    var link = el("a", "status-link", "查看办理进度");
    link.href = statusHref;
    link.target = "_blank";
    link.rel = "noopener";
    done.appendChild(link);
    var back = el("button", "secondary", "返回对话");
    back.type = "button";
    back.addEventListener("click", close);
    done.appendChild(back);
    container.appendChild(done);
    form = null;
    window.PolicybotChat.notice("融资需求已提交，受理编号 " + result.ref + "。",
      { label: "查看办理进度", href: statusHref });
    container.scrollTop = 0;
    title.focus();
  }

  function tellSummary(message) {
    var summary = form.querySelector(".error-summary");
    summary.hidden = false;
    summary.querySelector("h3").textContent = message;
    summary.querySelector("ul").textContent = "";
    return summary;
  }

  async function submit(event) {
    event.preventDefault();
    var button = form.querySelector(".primary");
    button.disabled = true;
    button.textContent = "正在提交…";
    idempotencyKey = idempotencyKey || newKey();
    saveDraft();
    try {
      // Retried with the same Idempotency-Key while the server is unreachable: stored once.
      var res = await window.PolicybotNet.send("/api/intake", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
        body: JSON.stringify(collect())
      }, function (retry) {
        tellSummary(retry.reason + "，" + Math.ceil(retry.waitMs / 1000) + " 秒后自动重新提交（第 " +
          retry.attempt + " 次）。您填写的内容已保留。");
        button.textContent = "等待重新提交…";
      });
      var body = await res.json().catch(function () { return {}; });
      if (res.status === 201) { showDone(body); return; }
      if (res.status === 422 && body.errors) {
        showErrors(body.errors);
        showConfirmations(body.confirmable);
        return;
      }
      throw new Error("提交失败，请稍后再试。您填写的内容已保留。");
    } catch (err) {
      var message = err.unreachable ?
        "暂时连不上服务器，您填写的内容已保留。请检查网络后再点“提交登记”。" :
        (err.message || "网络异常，您填写的内容已保留，请重试。");
      tellSummary(message).focus();
    } finally {
      if (form) { button.disabled = false; button.textContent = "提交登记"; }
    }
  }

  function render() {
    container.textContent = "";
    form = el("form");
    form.noValidate = true;
    form.appendChild(el("p", "intro", "填写后由三明市支持小微企业融资协调工作机制办公室对接银行。带 * 为必填项。"));
    var summary = el("div", "error-summary");
    summary.hidden = true;
    summary.tabIndex = -1;
    summary.setAttribute("role", "alert");
    summary.appendChild(el("h3"));
    summary.appendChild(el("ul"));
    form.appendChild(summary);
    schema.fields.forEach(function (f) { form.appendChild(buildField(f)); });
    var submitBtn = el("button", "primary", "提交登记");
    submitBtn.type = "submit";
    form.appendChild(submitBtn);
    form.addEventListener("submit", submit);
    form.addEventListener("change", saveDraft);
    form.addEventListener("input", saveDraft);
    form.addEventListener("input", dropConfirmation);
    form.addEventListener("change", countyChanged);
    container.appendChild(form);
    suggested = null;
    restoreDraft();
    suggestCounty();
  }

  async function open(prefill) {
    chatView.hidden = true;
    view.hidden = false;
    heading.focus();
    if (prefill && typeof prefill === "object" && !(prefill instanceof Event)) {
      keepPrefill(prefill);
      if (form) { applyValues(prefill); suggestCounty(); }
    }
    if (form) return;
    try {
      if (!schema) {
        var res = await window.PolicybotNet.send("/api/intake/schema", {}, function (retry) {
          container.textContent = "";
          container.appendChild(el("p", "muted", retry.reason + "，登记表正在重新加载（第 " +
            retry.attempt + " 次）…"));
        });
        if (!res.ok) throw new Error(String(res.status));
        schema = await res.json();
      }
      render();
    } catch (e) {
      container.textContent = "";
      container.appendChild(el("p", "muted", "登记表加载失败，请检查网络后重试。"));
      var again = el("button", "secondary", "重新加载");
      again.type = "button";
      again.addEventListener("click", open);
      container.appendChild(again);
    }
  }

  function close() {
    view.hidden = true;
    chatView.hidden = false;
    window.PolicybotChat.focusInput();
  }

  // The session ended (结束会话 or idle): forget every answer typed, on screen and in the tab.
  function reset() {
    clearDraft();
    if (form && form.parentNode) form.parentNode.removeChild(form);
    form = null;
    container.textContent = "";
    if (!view.hidden) { view.hidden = true; chatView.hidden = false; }
  }

  document.getElementById("form-back").addEventListener("click", close);
  window.PolicybotForm = { open: open, close: close, reset: reset };

  // /widget?form=1&county=…&industry=…: the form opened with these answers (the /check page's
  // 用这些信息填写融资需求登记 link); the page's own parameters are not answers.
  var params = new URLSearchParams(window.location.search);
  if (params.get("form") === "1") {
    var given = {};
    params.forEach(function (value, key) {
      if (["form", "title", "color", "origin"].indexOf(key) < 0) given[key] = value;
    });
    open(given);
  }
})();
