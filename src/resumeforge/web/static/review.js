// The review form: add, remove and reorder items, then save the whole résumé as JSON.
// Problems the API returns are shown beside the fields they name.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-review]");
  if (!form) return;
  const original = JSON.parse(document.getElementById("resume-json").textContent);
  const status = form.querySelector("[data-status]");
  const problemBox = form.querySelector("[data-problem]");
  let added = 0;

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const section = button.closest("[data-section]");
    const item = button.closest("[data-item]");
    if (button.hasAttribute("data-add")) {
      const template = section.querySelector("template[data-item-template]");
      added += 1;
      const html = template.innerHTML.replaceAll("__i__", `new${added}`);
      const list = section.querySelector("[data-items]");
      list.insertAdjacentHTML("beforeend", html);
      renumber(section);
      list.lastElementChild.querySelector("input, textarea").focus();
    } else if (button.hasAttribute("data-remove")) {
      const next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      renumber(section);
      (next ? next.querySelector("button[data-remove]") : section.querySelector("[data-add]")).focus();
      say(`Removed. Save to keep the change.`);
    } else if (button.dataset.move) {
      const step = Number(button.dataset.move);
      const sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
      if (!sibling) return say(step < 0 ? "Already first." : "Already last.");
      if (step < 0) sibling.before(item);
      else sibling.after(item);
      renumber(section);
      button.focus();
      say("Moved. Save to keep the change.");
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    clearErrors();
    window.resumeforge.busy(button, true);
    say("Saving…", true);
    try {
      const response = await fetch(form.dataset.saveUrl, {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRF-Token": window.resumeforge.csrfToken(),
        },
        body: JSON.stringify(collect()),
        credentials: "same-origin",
      });
      if (response.ok) {
        say("Saved. Tailoring now uses your corrected résumé.");
      } else {
        showProblem(await response.json().catch(() => ({ title: `Error ${response.status}` })));
        say("");
      }
    } catch (error) {
      showProblem({ title: "Could not reach the server", detail: "Check your connection and try again." });
      say("");
    } finally {
      window.resumeforge.busy(button, false);
    }
  });

  function say(message, busy = false) {
    status.textContent = message;
    status.classList.toggle("busy", busy);
  }

  function renumber(section) {
    [...section.querySelectorAll("[data-item]")].forEach((item, index) => {
      const legend = item.querySelector("[data-item-legend]");
      legend.textContent = legend.textContent.replace(/\s*\S*$/, ` ${index + 1}`);
    });
  }

  function value(element) {
    if (element.hasAttribute("data-lines")) {
      return element.value.split("\n").map((line) => line.trim()).filter(Boolean);
    }
    return element.value.trim();
  }

  /** The résumé as stored, with every field of the form written over it. */
  function collect() {
    const resume = structuredClone(original);
    resume.basics = resume.basics || {};
    for (const element of form.querySelectorAll("[data-basics] [data-key]")) {
      const path = element.dataset.key.split(".");
      let target = resume.basics;
      for (const part of path.slice(0, -1)) target = target[part] = target[part] || {};
      target[path[path.length - 1]] = value(element);
    }
    for (const section of form.querySelectorAll("[data-section]")) {
      const key = section.dataset.section;
      const before = original[key] || [];
      resume[key] = [...section.querySelectorAll("[data-items] > [data-item]")].map((item) => {
        const origin = item.dataset.origin;
        const entry = origin !== "" && origin !== undefined ? structuredClone(before[Number(origin)] || {}) : {};
        for (const element of item.querySelectorAll("[data-key]")) entry[element.dataset.key] = value(element);
        return entry;
      });
    }
    for (const other of form.querySelectorAll("[data-other]")) {
      const section = resume.meta && resume.meta.sections && resume.meta.sections[Number(other.dataset.other)];
      if (!section) continue;
      for (const element of other.querySelectorAll("[data-other-key]")) {
        section[element.dataset.otherKey] = element.value.trim();
      }
    }
    return resume;
  }

  function clearErrors() {
    problemBox.hidden = true;
    problemBox.textContent = "";
    for (const error of form.querySelectorAll("[data-error-for]")) error.textContent = "";
    for (const element of form.querySelectorAll('[aria-invalid="true"]')) element.removeAttribute("aria-invalid");
  }

  /** RFC 9457 problem details: the title and detail on top, each error beside its field. */
  function showProblem(problem) {
    problemBox.hidden = false;
    const title = document.createElement("p");
    title.innerHTML = "<strong></strong>";
    title.firstChild.textContent = problem.title || "Could not save";
    const detail = document.createElement("p");
    detail.textContent = problem.detail || "";
    problemBox.append(title, detail);
    for (const error of problem.errors || []) {
      const element = fieldFor(error.field || "");
      if (!element) continue;
      element.setAttribute("aria-invalid", "true");
      const slot = element.parentElement.querySelector("[data-error-for]");
      if (slot) slot.textContent = error.message;
    }
    problemBox.focus();
  }

  /** "body.work.1.position" → the input for that field of the second job. */
  function fieldFor(path) {
    const parts = path.split(".").filter((part) => part !== "body");
    if (parts[0] === "basics") {
      return form.querySelector(`[data-basics] [data-key="${CSS.escape(parts.slice(1).join("."))}"]`);
    }
    const section = form.querySelector(`[data-section="${CSS.escape(parts[0] || "")}"]`);
    if (!section || parts.length < 3) return null;
    const item = section.querySelectorAll("[data-items] > [data-item]")[Number(parts[1])];
    return item ? item.querySelector(`[data-key="${CSS.escape(parts[2])}"]`) : null;
  }
});
