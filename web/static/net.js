/* Requests that survive a lost connection: automatic retries with back-off, Chinese reasons.
   Used by the chat (chat.js) and the financing form (form.js) inside the widget iframe. */
(function () {
  "use strict";
  // Waits between attempts; after the last one the caller shows a manual retry.
  var DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
  // Statuses meaning "not processed, try again": rate limit and a proxy without its app.
  var RETRY_STATUS = [429, 502, 503, 504];
  var wakers = [];

  function retryNow() {
    var waiting = wakers;
    wakers = [];
    waiting.forEach(function (wake) { wake(); });
  }
  window.addEventListener("online", retryNow);

  function pause(ms) {
    return new Promise(function (resolve) {
      var timer = window.setTimeout(done, ms);
      function done() {
        window.clearTimeout(timer);
        var at = wakers.indexOf(done);
        if (at >= 0) wakers.splice(at, 1);
        resolve();
      }
      wakers.push(done);
    });
  }

  function retryAfterMs(res) {
    var seconds = parseInt(res.headers.get("Retry-After") || "", 10);
    return isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  }

  function reason(res) {
    if (!res) return "网络连接中断";
    if (res.status === 429) return "请求太频繁";
    return "服务器暂时无法访问";
  }

  /* fetch(url, options), retried with back-off while the network or the server is down.
     onRetry({reason, waitMs, attempt}) is called before each wait. Resolves with the first
     response that is not a retryable failure; rejects with err.unreachable = true at the end. */
  async function send(url, options, onRetry) {
    for (var attempt = 0; ; attempt++) {
      var res = null;
      try { res = await window.fetch(url, options); } catch (e) { res = null; }
      if (res && RETRY_STATUS.indexOf(res.status) < 0) return res;
      if (attempt >= DELAYS_MS.length) {
        var error = new Error(reason(res) + "，请稍后再试。");
        error.unreachable = true;
        throw error;
      }
      var wait = Math.max(DELAYS_MS[attempt], res ? retryAfterMs(res) : 0);
      if (onRetry) onRetry({ reason: reason(res), waitMs: wait, attempt: attempt + 1 });
      await pause(wait);
    }
  }

  window.PolicybotNet = { send: send, retryNow: retryNow, DELAYS_MS: DELAYS_MS };
})();
