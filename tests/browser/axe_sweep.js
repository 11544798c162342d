// axe-core on a page as tests/browser/test_axe.py checks it (injected after axe.min.js).
//
// The colour rules (color-contrast, link-in-text-block) cost most of axe's
// time, per element checked, and a page of code and formulas holds thousands
// of token and glyph spans that look alike. So they check one element per
// distinct look of text on the page: its colour, size, weight and shadow, its
// link's surroundings (a link is compared with the text around it), the
// opacity of everything above it, and every background behind it up to the
// first opaque one. Two elements alike in all of these have the same
// contrast. Every other rule checks every element.
//
// bpAxe.all(): every rule (the colour rules on the samples), on the whole page.

(() => {
  const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
  const MARK = "data-bp-axe-sample";

  // The colour rules look at the samples only: their own selector, narrowed.
  axe.configure({
    rules: COLOUR_RULES.map((id) => {
      const rule = axe._audit.rules.find((r) => r.id === id);
      const narrowed = rule.selector.split(",").map((part) => `${part.trim()}[${MARK}]`).join(", ");
      return { id, selector: narrowed };
    }),
  });

  const opaque = (colour) => {
    const alpha = /rgba?\([^)]*?,\s*([\d.]+)\s*\)$/.exec(colour);
    return colour.startsWith("rgb(") || (alpha !== null && Number(alpha[1]) === 1);
  };

  function look(element) {
    const style = getComputedStyle(element);
    const parts = [style.color, style.fontSize, style.fontWeight, style.textShadow];
    const link = element.closest("a[href]");
    if (link) parts.push("link", getComputedStyle(link.parentElement).color, style.textDecorationLine);
    let behind = true;
    let opacity = 1;
    for (let up = element; up; up = up.parentElement) {
      const s = up === element ? style : getComputedStyle(up);
      opacity *= Number(s.opacity);
      if (behind) parts.push(s.backgroundColor, s.backgroundImage, s.mixBlendMode, s.filter);
      if (opaque(s.backgroundColor) && s.backgroundImage === "none") behind = false;
    }
    parts.push(opacity);
    return parts.join("|");
  }

  /** Mark one element per distinct look of the page's visible text; returns how many. */
  function sample() {
    for (const old of document.querySelectorAll(`[${MARK}]`)) old.removeAttribute(MARK);
    const looks = new Set();
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.data.trim() || !element || seen.has(element)) continue;
      seen.add(element);
      if (!element.getClientRects().length || getComputedStyle(element).visibility !== "visible") continue;
      const key = look(element);
      if (looks.has(key)) continue;
      looks.add(key);
      element.setAttribute(MARK, "");
      element.closest("a[href]")?.setAttribute(MARK, "");
    }
    return looks.size;
  }

  const serious = (result) =>
    result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} :: ${n.failureSummary}`),
      }));

  async function run(options) {
    const samples = sample();
    const result = await axe.run(document, { resultTypes: ["violations"], ...options });
    return { samples, violations: serious(result) };
  }

  window.bpAxe = {
    all: () => run({}),
  };
})();
