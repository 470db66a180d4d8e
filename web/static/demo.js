/* Demo page: buttons that open the assistant through the loader's public API (user action only). */
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-open-widget]");
  if (target && window.PolicybotWidget) window.PolicybotWidget.open();
});
