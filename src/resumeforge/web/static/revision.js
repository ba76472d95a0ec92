// A revision renders on a worker in a second or two: ask how it is going until it is done.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector("[data-revision-panel]");
  if (!panel) return;
  const text = panel.querySelector("[data-revision-text]");
  const check = async () => {
    try {
      const response = await fetch(panel.dataset.statusUrl, { headers: { Accept: "application/json" } });
      const body = await response.json();
      if (body.status === "succeeded") return window.location.assign(panel.dataset.resultUrl);
      if (body.status === "failed") {
        text.classList.remove("busy");
        text.textContent = `The revision failed: ${body.error || "no reason given"}. Nothing was charged.`;
        return;
      }
      text.textContent = `Revision ${body.number} is ${body.status}…`;
    } catch (error) {
      text.textContent = "Waiting for the server…";
    }
    window.setTimeout(check, 700);
  };
  window.setTimeout(check, 300);
});
