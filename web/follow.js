// A live picture (one figure redrawn in place while the code runs: training)
// is brought into view when its first update arrives, so that a reader who
// pressed Run sees it change. On a phone it lies a screen or more below its
// Run button (the code is in between). Only if the reader has not scrolled
// since pressing Run, once per run, and only as far as needed.

import { onEveryBlock } from "./runner.js";

const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

function inView(element) {
  const box = element.getBoundingClientRect();
  const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
  return box.top >= header && box.bottom <= innerHeight;
}

function follow(block) {
  let run = null; // {scrollY, done}: the run in progress
  block.root.addEventListener("bp:run", () => {
    run = { scrollY: window.scrollY, done: false };
  });
  block.root.addEventListener("bp:figure", (event) => {
    if (!run || run.done || !event.detail.live) return;
    run.done = true; // (whatever happens now: once per run)
    if (window.scrollY !== run.scrollY || inView(event.detail.figure)) return;
    event.detail.figure.scrollIntoView({ block: "nearest", behavior: reducedMotion() ? "auto" : "smooth" });
  });
}

onEveryBlock(follow);
