// Regions that scroll sideways are reachable by keyboard (WCAG 2.1.1; axe's
// scrollable-region-focusable): wide display math, wide tables and code
// blocks. A region that overflows its column gets tabindex=0 (and
// data-bp-scroller, so that web/page.css shows its focus), and loses both
// when it fits again (a wider window). Chromium and Firefox make such regions
// focusable themselves today; this is for axe, older browsers, and Material's
// code blocks, which Material makes focusable only where the device can hover.
//
// The static code of a runnable block is not one of them: its editor host,
// focusable already, scrolls it (web/runner.css).

const REGIONS = [".md-typeset div.arithmatex", ".md-typeset .md-typeset__scrollwrap", ".md-typeset pre > code"];
const MARK = "bpScroller";

function update(element) {
  const scrolls = element.scrollWidth > element.clientWidth + 1;
  if (scrolls && !element.hasAttribute("tabindex")) {
    element.tabIndex = 0;
    element.dataset[MARK] = "";
  } else if (!scrolls && MARK in element.dataset) {
    element.removeAttribute("tabindex");
    delete element.dataset[MARK];
  }
}

const watcher = typeof ResizeObserver === "function"
  ? new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target)))
  : null;

/** Watch the page's scrollable regions (every page: Material's document$). */
export function initScrollers(root = document) {
  for (const element of root.querySelectorAll(REGIONS.join(", "))) {
    if (element.closest(".bp-run__editor") || element.dataset.bpScrollWatched !== undefined) continue;
    element.dataset.bpScrollWatched = "";
    if (watcher) watcher.observe(element);
    else update(element);
  }
}
