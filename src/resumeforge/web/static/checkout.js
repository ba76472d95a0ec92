// On to Stripe's hosted page; back from it, wait for the payment's webhook to arrive.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const link = document.querySelector("[data-checkout]");
  if (link) window.location.assign(link.href);

  const pending = document.querySelector("[data-pending]");
  if (!pending) return;
  const text = pending.querySelector("[data-pending-text]");
  let tries = 0;
  const check = async () => {
    tries += 1;
    try {
      const response = await fetch(pending.dataset.purchaseUrl, { headers: { Accept: "application/json" } });
      const purchase = await response.json();
      if (purchase.status !== "pending") return window.location.reload();
    } catch (error) {
      text.textContent = "Waiting for the server…";
    }
    // Quick at first, then every few seconds: a webhook may take a minute to arrive.
    window.setTimeout(check, tries < 20 ? 1000 : 5000);
  };
  window.setTimeout(check, 1000);
});
