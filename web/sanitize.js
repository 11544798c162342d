// Pictures a run displays, made safe for the page: DOMPurify with the policy
// the build applies too (web/svg-policy.json, sitebuild/sanitize.py): exactly
// the elements, attributes and class names the site's own drawings emit, each
// attribute's whole value of its kind (a paint is none, currentColor or a
// #hex colour: no url() in any spelling). No <style>, no style attributes, no
// event handlers, no ids, no references: nothing can fetch another origin,
// multiply itself, or take over an element of the page. The page contains
// every figure (runner.css), so nothing can cover the page either.

import createDOMPurify from "dompurify";
import POLICY from "./svg-policy.json";

const purifier = createDOMPurify(window);
// DOMPurify compares lower-cased names (it parses the picture as HTML).
const lower = (name) => name.toLowerCase();
const ELEMENTS = new Map(Object.entries(POLICY.elements).map(([name, attrs]) => [lower(name), new Set(attrs.map(lower))]));
const KINDS = Object.fromEntries(Object.entries(POLICY.kinds).map(([kind, text]) => [kind, new RegExp(`^(?:${text})$`)]));
const PATTERNS = new Map(Object.entries(POLICY.values).map(([attr, kind]) => [lower(attr), KINDS[kind]]));
const CLASSES = new Set(POLICY.classes);

/** Whether the policy lets this element carry this attribute with this value. */
export function allowed(element, attribute, value) {
  const name = lower(attribute);
  if (!ELEMENTS.get(lower(element))?.has(name)) return false;
  const pattern = PATTERNS.get(name);
  if (!pattern || !pattern.test(value)) return false;
  return name !== "class" || value.split(/\s+/).every((word) => CLASSES.has(word));
}

purifier.addHook("uponSanitizeAttribute", (node, data) => {
  if (!allowed(node.nodeName, data.attrName, String(data.attrValue))) data.keepAttr = false;
});

const CONFIG = {
  ALLOWED_TAGS: [...ELEMENTS.keys()],
  ALLOWED_ATTR: [...new Set([...ELEMENTS.values()].flatMap((attrs) => [...attrs]))],
  ALLOW_DATA_ATTR: false, // only the data-* the policy lists (the stepper's)
  RETURN_DOM_FRAGMENT: true,
};

/** A DocumentFragment with the sanitized picture. */
export function sanitizeSvg(svg) {
  return purifier.sanitize(svg, CONFIG);
}
