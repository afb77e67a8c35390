// GOV.UK Frontend's components look for these classes; kept out of the page for our CSP.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
