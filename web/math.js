// Math: pymdownx.arithmatex (generic mode) leaves \( … \) and \[ … \] in
// <span|div class="arithmatex">; KaTeX, bundled into the site, renders them.
//
// KaTeX is a chunk of its own (esbuild splitting), fetched as soon as the
// page's script starts and evaluated in a task of its own. A page can hold a
// hundred formulas: they are rendered in document order, in slices of a few
// milliseconds, so that the page never blocks for long on them.

const SLICE_MS = 25;
let katexModule = null;

function render(katex, element) {
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
  if (!pending.length) return Promise.resolve();
  for (const element of pending) element.dataset.bpMath = "";
  katexModule ??= import("katex");
  return katexModule.then(({ default: katex }) => new Promise((resolve) => {
    let next = 0;
    const slice = () => {
      const start = performance.now();
      while (next < pending.length && performance.now() - start < SLICE_MS) render(katex, pending[next++]);
      if (next < pending.length) setTimeout(slice, 0);
      else resolve();
    };
    slice();
  }), () => {
    katexModule = null; // KaTeX could not load: the TeX source stays readable
    for (const element of pending) delete element.dataset.bpMath;
  });
}
