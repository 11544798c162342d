// Entry point of the site's browser code (bundled by esbuild at build time).
// Material's document$ emits on the first load and after every instant
// navigation; everything that touches page content hooks in there.

import { initCircuits } from "./circuit.js";
import { installLanguageSwitch, updateLanguageLinks } from "./language-links.js";
import { renderMath } from "./math.js";
import { initRunnableBlocks } from "./runner.js";
import { runtime } from "./runtime.js";

function onEveryPage() {
  updateLanguageLinks();
  initRunnableBlocks(); // first: the first block in view starts Python (in its worker)
  renderMath();
  initCircuits();
}

// Diagrams also appear when a run displays a Value, or when Reset restores the build's output.
document.addEventListener("bp:figure", (event) => initCircuits(event.detail.figure));
document.addEventListener("bp:reset", (event) => initCircuits(event.target));

function whenMaterialReady(callback) {
  if (self.document$) callback(self.document$);
  else setTimeout(() => whenMaterialReady(callback), 20);
}

// The page's Python runtime, for the browser tests and the site benchmark to observe.
self.bpRuntime = runtime;

installLanguageSwitch();
whenMaterialReady((document$) => document$.subscribe(onEveryPage));
