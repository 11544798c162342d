// Pictures a run displays, made safe for the page: DOMPurify with the policy
// the build applies too (web/svg-policy.json, sitebuild/sanitize.py): only the
// listed SVG elements and attributes, no <style>, no style attributes, no
// event handlers, and references (href, url(...)) only into the picture
// itself (#id), so nothing can fetch another origin. The page contains every
// figure (runner.css), so nothing can cover the page either.

import createDOMPurify from "dompurify";
import POLICY from "./svg-policy.json";

const purifier = createDOMPurify(window);
// DOMPurify compares lower-cased names (it parses the picture as HTML).
const TAGS = POLICY.tags.map((name) => name.toLowerCase());
const ATTRIBUTES = POLICY.attributes.map((name) => name.toLowerCase());
const REFERENCES = new Set(POLICY.reference_attributes);
const URL_REFERENCE = /url\(\s*['"]?([^)'"]*)/gi;

purifier.addHook("uponSanitizeAttribute", (node, data) => {
  const value = String(data.attrValue);
  if (REFERENCES.has(data.attrName)) {
    if (!value.startsWith("#")) data.keepAttr = false;
    return;
  }
  for (const match of value.matchAll(URL_REFERENCE)) {
    if (!match[1].startsWith("#")) data.keepAttr = false;
  }
});

/** How many elements an SVG string has (start tags; counted, not parsed). */
export function elementCount(svg) {
  let count = 0;
  for (let i = svg.indexOf("<"); i >= 0; i = svg.indexOf("<", i + 1)) {
    const next = svg[i + 1];
    if (next !== "/" && next !== "!" && next !== "?") count += 1;
  }
  return count;
}

/** A DocumentFragment with the sanitized picture. */
export function sanitizeSvg(svg) {
  return purifier.sanitize(svg, {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRIBUTES,
    ALLOW_DATA_ATTR: true,
    RETURN_DOM_FRAGMENT: true,
  });
}
