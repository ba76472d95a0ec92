// Swagger UI for /docs, started from a file so the page runs under script-src 'self'.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    // Deep links put a link inside each operation's button (nested controls a screen reader cannot use).
    deepLinking: false,
    // No badge fetched from the validator's host: the page loads nothing from elsewhere.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
