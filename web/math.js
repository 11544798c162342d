// Math: pymdownx.arithmatex (generic mode) leaves \( … \) and \[ … \] in
// <span|div class="arithmatex">; KaTeX, bundled into the site, renders them.
// A page can hold a hundred formulas: they are rendered in document order, in
// slices of a few milliseconds, so the page never blocks for long on them.
import katex from "katex";

const SLICE_MS = 25;

function render(element) {
  const tex = element.textContent.trim();
  const display = tex.startsWith("\\[");
  const body = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
  try {
    katex.render(body, element, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
  } catch {
    element.textContent = tex; // leave the source readable
  }
}

export function renderMath(root = document) {
  const pending = [...root.querySelectorAll(".arithmatex:not([data-bp-math])")];
  for (const element of pending) element.dataset.bpMath = "";
  let next = 0;
  const slice = () => {
    const start = performance.now();
    while (next < pending.length && performance.now() - start < SLICE_MS) render(pending[next++]);
    if (next < pending.length) setTimeout(slice, 0);
  };
  slice();
}
