// How many pictures one run may show (web/runner-limits.json), shared by the
// worker (the source: it stops sending) and the page (the sink: each block
// checks again). Every picture is already limited in size (svg_chars,
// svg_elements); without a count, a flood of tiny ones (100,000 display()
// calls) froze the tab for a minute after the run had finished.
//
// A figure shown again under the same display_id replaces itself in place (a
// live training picture): that is an update, not a new figure, and is never
// counted; the worker sends updates at most every 50 ms anyway.

import LIMITS from "./runner-limits.json";

/** How many elements an SVG string has (start tags; counted, not parsed). */
export function elementCount(svg) {
  let count = 0;
  for (let i = svg.indexOf("<"); i >= 0; i = svg.indexOf("<", i + 1)) {
    const next = svg[i + 1];
    if (next !== "/" && next !== "!" && next !== "?") count += 1;
  }
  return count;
}

/** The note's values: the budget as the reader's language writes numbers. */
export function figureLimits(lang) {
  const number = new Intl.NumberFormat(lang);
  return { figures: number.format(LIMITS.figures_per_run), elements: number.format(LIMITS.figure_elements_per_run) };
}

/** One run's picture budget: new figures, their elements and characters. */
export class FigureBudget {
  constructor() {
    this.figures = 0;
    this.elements = 0;
    this.chars = 0;
    this.shown = new Set(); // display ids already shown (their updates are free)
    this.cut = false;
  }

  /** "update" (replaces a figure shown under displayId), "new", "cut" (the first
      figure over the budget: say so once) or "drop" (later ones). */
  admit(displayId, svg) {
    if (displayId && this.shown.has(displayId)) return "update";
    if (this.cut) return "drop";
    const elements = elementCount(svg);
    if (
      this.figures + 1 > LIMITS.figures_per_run ||
      this.elements + elements > LIMITS.figure_elements_per_run ||
      this.chars + svg.length > LIMITS.picture_chars_per_run
    ) {
      this.cut = true;
      return "cut";
    }
    this.figures += 1;
    this.elements += elements;
    this.chars += svg.length;
    if (displayId) this.shown.add(displayId);
    return "new";
  }
}
