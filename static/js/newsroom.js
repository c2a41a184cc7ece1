// Opening and closing a claim's evidence in place: keeps aria-expanded true to what is shown
// and moves focus to the evidence that opened. Without JavaScript the links open full pages.
document.addEventListener("htmx:beforeRequest", function (event) {
  var toggle = event.detail.elt;
  if (!toggle.classList || !toggle.classList.contains("evidence-toggle")) return;
  if (toggle.getAttribute("aria-expanded") === "true") {
    event.preventDefault();
    document.getElementById(toggle.getAttribute("aria-controls")).replaceChildren();
    toggle.setAttribute("aria-expanded", "false");
  }
});

document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  if (!target.classList.contains("evidence")) return;
  var toggle = document.querySelector('[aria-controls="' + target.id + '"]');
  if (toggle) toggle.setAttribute("aria-expanded", "true");
  var panel = target.querySelector(".evidence-panel");
  if (panel) panel.focus();
});
