// Entry point of the site's browser code (bundled by esbuild at build time).
// Material's document$ emits on the first load and after every instant
// navigation; everything that touches page content hooks in there.

import { initCircuits } from "./circuit.js";
import { installLanguageSwitch, updateLanguageLinks } from "./language-links.js";
import { renderMath } from "./math.js";
import { registerWhenIdle, reloadForBuild, reloadIfOtherBuild } from "./offline.js";
import { initForgetControls, markSolvedPages } from "./progress.js";
import { initRunnableBlocks } from "./runner.js";
import { runtime } from "./runtime.js";
import { initScrollers } from "./scrollers.js";
// Extensions of every runnable block (they register with runner.js's onEveryBlock).
import "./keep.js";
import "./exercise.js";
import "./follow.js";

function onEveryPage() {
  if (reloadIfOtherBuild()) return; // a deploy: this page's build is loaded afresh
  updateLanguageLinks();
  initRunnableBlocks(); // first: the first block in view starts Python (in its worker)
  renderMath();
  initScrollers();
  initCircuits();
  initForgetControls();
  markSolvedPages();
}

// Diagrams also appear when a run displays a Value, or when Reset restores the build's output.
document.addEventListener("bp:figure", (event) => initCircuits(event.detail.figure));
document.addEventListener("bp:reset", (event) => initCircuits(event.target));

function whenMaterialReady(callback) {
  if (self.document$) callback(self.document$);
  else setTimeout(() => whenMaterialReady(callback), 20);
}

/* global BUILD_ID */
// Instant navigation across a deploy adds the new build's site.js to this page
// (Material adds the new page's head elements): that copy only reloads the page.
if (self.bpBuild && self.bpBuild !== BUILD_ID) {
  reloadForBuild(BUILD_ID);
} else if (!self.bpBuild) {
  self.bpBuild = BUILD_ID;
  // The page's Python runtime, for the browser tests and the site benchmark to observe.
  self.bpRuntime = runtime;
  installLanguageSwitch();
  registerWhenIdle();
  whenMaterialReady((document$) => document$.subscribe(onEveryPage));
}
