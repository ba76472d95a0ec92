// The progress page: each stage arrives as a Server-Sent Event; at the end, the result page.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector("[data-progress-panel]");
  if (!panel) return;
  const stages = [...panel.querySelectorAll("[data-stage]")];
  const text = panel.querySelector("[data-stage-text]");
  const show = (status) => {
    const at = stages.findIndex((li) => li.dataset.stage === status);
    stages.forEach((li, i) => {
      li.classList.toggle("done", at >= 0 && i < at);
      li.classList.toggle("current", i === at);
    });
    if (at >= 0) text.textContent = stages[at].textContent;
  };
  const source = new EventSource(panel.dataset.eventsUrl);
  source.addEventListener("status", (event) => {
    const status = JSON.parse(event.data).status;
    show(status);
    if (status === "succeeded" || status === "failed") {
      source.close();
      text.textContent = status === "succeeded" ? "Done. Opening the result…" : "It failed. Opening the details…";
      window.location.assign(panel.dataset.resultUrl);
    }
  });
  source.addEventListener("error", () => {
    // The browser reconnects by itself; say so rather than leave the page looking stuck.
    if (source.readyState === EventSource.CONNECTING) text.textContent = "Reconnecting…";
  });
});
