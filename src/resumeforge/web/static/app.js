// Small behaviours the pages share: busy buttons, the upload's drop zone and size check, the
// generation form's cost line. No framework and no inline script, so the pages run under a
// Content-Security-Policy of script-src 'self'.
"use strict";

window.resumeforge = {
  csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  },
  /** Show a long action in progress on its submit button (and keep it from being sent twice). */
  busy(button, on) {
    if (!button) return;
    if (on) {
      button.dataset.idleLabel = button.textContent;
      button.textContent = button.dataset.busyLabel || "Working…";
      button.setAttribute("aria-busy", "true");
      button.disabled = true;
    } else {
      button.textContent = button.dataset.idleLabel || button.textContent;
      button.removeAttribute("aria-busy");
      button.disabled = false;
    }
  },
};

document.addEventListener("DOMContentLoaded", () => {
  const problem = document.querySelector("[data-focus]");
  if (problem) problem.focus();

  for (const form of document.querySelectorAll("form")) {
    form.addEventListener("submit", () => {
      if (form.hasAttribute("data-review")) return; // sent by review.js
      const button = form.querySelector("button[data-busy-label]");
      window.setTimeout(() => window.resumeforge.busy(button, true), 0);
      const progress = form.querySelector("[data-progress]");
      if (progress) {
        progress.textContent = button ? button.dataset.busyLabel : "Working…";
        progress.classList.add("busy");
      }
    });
  }

  setUpUpload();
  setUpCostLine();
});

function setUpUpload() {
  const zone = document.querySelector("[data-dropzone]");
  if (!zone) return;
  const input = zone.querySelector('input[type="file"]');
  const chosen = zone.querySelector("[data-chosen]");
  const error = document.querySelector("[data-file-error]");
  const form = zone.closest("form");
  const maxBytes = Number(input.dataset.maxBytes);

  const check = () => {
    const file = input.files[0];
    chosen.textContent = file ? `Chosen: ${file.name} (${Math.ceil(file.size / 1024)} KB)` : "";
    const tooBig = file && file.size > maxBytes;
    error.textContent = tooBig
      ? `This file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${Math.round(maxBytes / 1048576)} MB.`
      : "";
    input.setAttribute("aria-invalid", tooBig ? "true" : "false");
    return !tooBig;
  };
  input.addEventListener("change", check);
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, () => zone.classList.remove("dragging"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      check();
    }
  });
  form.addEventListener("submit", (event) => {
    if (!check() || !input.files.length) {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!input.files.length) error.textContent = "Choose a file to upload.";
      input.focus();
    }
  }, true);
}

function setUpCostLine() {
  const form = document.querySelector("[data-generation-form]");
  if (!form) return;
  const balance = Number(form.querySelector("[data-balance-now]").textContent);
  const cost = form.querySelector("[data-cost-total]");
  const short = form.querySelector("[data-short]");
  const update = () => {
    const kind = form.querySelector('input[name="kind"]:checked');
    const price = kind ? Number(kind.dataset.cost) : 0;
    cost.textContent = String(price);
    short.hidden = price <= balance;
  };
  form.addEventListener("change", update);
  update();
}
