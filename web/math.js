// Math: pymdownx.arithmatex (generic mode) leaves \( … \) and \[ … \] in
// <span|div class="arithmatex">; KaTeX, bundled into the site, renders them.
import katex from "katex";

export function renderMath(root = document) {
  for (const element of root.querySelectorAll(".arithmatex:not([data-bp-math])")) {
    element.dataset.bpMath = "";
    const tex = element.textContent.trim();
    const display = tex.startsWith("\\[");
    const body = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
    try {
      katex.render(body, element, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
    } catch {
      element.textContent = tex; // leave the source readable
    }
  }
}
