// Opening and closing a claim's evidence in place: keeps the toggle's words and aria-expanded
// true to what is shown, and moves focus to the evidence that opened. Without JavaScript the
// links open full pages.
document.addEventListener("htmx:beforeRequest", function (event) {
  var toggle = event.detail.elt;
  if (!toggle.classList || !toggle.classList.contains("evidence-toggle")) return;
  if (toggle.getAttribute("aria-expanded") === "true") {
    event.preventDefault();
    document.getElementById(toggle.getAttribute("aria-controls")).replaceChildren();
    toggle.setAttribute("aria-expanded", "false");
    toggle.textContent = toggle.dataset.showLabel;
  }
});

// htmx follows only HTML links itself; a mark of the timeline picture is an SVG link, whose
// click would also load the claim's full page.
document.addEventListener("click", function (event) {
  var mark = event.target.closest && event.target.closest("svg a[hx-get]");
  if (mark) event.preventDefault();
});

// A filter the server refuses (a 400) would otherwise change nothing on the page: say why.
document.addEventListener("htmx:responseError", function (event) {
  var box = document.getElementById("request-error");
  if (!box) return;
  var page = new DOMParser().parseFromString(event.detail.xhr.responseText, "text/html");
  var message = page.querySelector(".error-message");
  box.textContent = message ? message.textContent : "The page could not be updated.";
});
document.addEventListener("htmx:beforeRequest", function () {
  var box = document.getElementById("request-error");
  if (box) box.textContent = "";
});

// On a phone the filters fold behind one button; without JavaScript they stay open.
document.documentElement.classList.add("js");
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".filter-toggle");
  if (!button) return;
  var open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", open ? "true" : "false");
  document.getElementById(button.getAttribute("aria-controls")).classList.toggle("open", open);
});

document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  if (target.id === "picture-claim") target.scrollIntoView({ block: "nearest" });
  if (!target.classList.contains("evidence")) return;
  var toggle = document.querySelector('[aria-controls="' + target.id + '"]');
  if (toggle) {
    toggle.dataset.showLabel = toggle.dataset.showLabel || toggle.textContent;
    toggle.setAttribute("aria-expanded", "true");
    toggle.textContent = "Hide the evidence";
  }
  var panel = target.querySelector(".evidence-panel");
  if (panel) panel.focus();
});

// Live updates of the timeline. Each poll sends back the ETag of the last answer, so while
// no article arrives the server answers 304 and nothing is swapped: a focused "show" link
// keeps its focus and the live region says nothing twice.
function livePoller(element) {
  return element.classList && element.classList.contains("live-updates") ? element : null;
}

document.addEventListener("htmx:configRequest", function (event) {
  var poller = livePoller(event.detail.elt);
  if (poller && poller.dataset.etag) event.detail.headers["If-None-Match"] = poller.dataset.etag;
});

document.addEventListener("htmx:beforeSwap", function (event) {
  var request = event.detail.requestConfig;
  var poller = request && livePoller(request.elt);
  if (!poller) return;
  var since = poller.querySelector("input[name=since]").value;
  // A poll sent before "show" moved the version on would bring back the old count.
  if (event.detail.xhr.status === 304 || request.parameters.since !== since) {
    event.detail.shouldSwap = false;
    return;
  }
  poller.dataset.etag = event.detail.xhr.getResponseHeader("ETag") || "";
});

// "show" has brought the timeline up to date: count from its version on, and put the focus,
// which was on the link that goes away, on the timeline it showed.
document.addEventListener("htmx:afterRequest", function (event) {
  var show = event.detail.elt;
  if (!show.classList || !show.classList.contains("live-show") || !event.detail.successful) return;
  var poller = show.closest(".live-updates");
  poller.querySelector("input[name=since]").value = show.dataset.version;
  delete poller.dataset.etag;
  poller.querySelector(".live-news").replaceChildren();
  var timeline = document.getElementById("timeline");
  if (timeline) {
    timeline.setAttribute("tabindex", "-1");
    timeline.focus();
  }
});

// A claim sentence cut by a paragraph break is one piece per paragraph, and CSS outlines only
// the piece holding the address's target: outline the other pieces of that sentence too.
function outlineReachedSentence() {
  document.querySelectorAll(".claim-sentence.is-reached").forEach(function (piece) {
    piece.classList.remove("is-reached");
  });
  var target = location.hash.indexOf("#m-") === 0 && document.getElementById(location.hash.slice(1));
  var sentence = target && target.closest(".claim-sentence");
  if (!sentence) return;
  var selector = '.claim-sentence[data-sentence="' + sentence.dataset.sentence + '"]';
  document.querySelectorAll(selector).forEach(function (piece) {
    if (!piece.contains(target)) piece.classList.add("is-reached");
  });
}
document.addEventListener("DOMContentLoaded", outlineReachedSentence);
window.addEventListener("hashchange", outlineReachedSentence);
