// The API's page (/api/v1/docs/): Swagger UI on the OpenAPI document the page names.
// A file of its own, not an inline script: the site's Content-Security-Policy
// allows scripts from the site only.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    domNode: root,
    deepLinking: true,
    // Swagger UI would otherwise send the document to a validator elsewhere.
    validatorUrl: null
  });
})();
