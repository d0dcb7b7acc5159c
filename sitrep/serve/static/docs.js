"use strict";
// Swagger UI from the swagger-ui-bundle package (Apache-2.0), pointed at this server's OpenAPI schema.
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
