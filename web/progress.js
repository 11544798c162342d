// The reader's progress across the site: pages whose exercises are all solved
// are marked in the navigation, and the home page's "forget my work" control
// clears everything the site kept (storage.js).
//
// Which exercises are on which page comes from assets/bp/exercises.json,
// written by the build (sitebuild/exercises.py): {"pages": {"gates/sigmoid/":
// ["gates/sigmoid"], ...}, "labels": {"en": "All exercises on this page solved", ...}}.
// Page paths are the same in every language (language-links.js's pagePath).

import { pagePath } from "./language-links.js";
import { kept, storageUsable } from "./storage.js";

let exerciseMap = null;

function mapUrl() {
  const meta = document.querySelector('meta[name="bp-root"]');
  return new URL("assets/bp/exercises.json", new URL(meta ? meta.content : "./", location.href));
}

function loadMap() {
  exerciseMap ??= fetch(mapUrl())
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null)
    .then((map) => map ?? { pages: {}, labels: {} });
  return exerciseMap;
}

/** Whether every exercise of the page at this path is solved (false without exercises). */
export function pageSolved(pages, path) {
  const names = pages[path];
  return Boolean(names && names.length) && names.every((name) => kept.solved(name));
}

/** Mark (or unmark) the navigation's links to pages whose exercises are all solved. */
export async function markSolvedPages() {
  const { pages, labels } = await loadMap();
  const lang = (document.documentElement.lang || "en").slice(0, 2);
  const label = labels[lang] || labels.en || "";
  for (const link of document.querySelectorAll("a.md-nav__link[href]")) {
    // A link to a heading (the current page's table of contents) is not a page.
    const solved = !new URL(link.href).hash && pageSolved(pages, pagePath(link.href));
    link.classList.toggle("bp-solved", solved);
    let mark = link.querySelector(".bp-solved-mark");
    if (solved && !mark) {
      mark = document.createElement("span");
      mark.className = "bp-solved-mark";
      mark.title = label;
      const tick = document.createElement("span");
      tick.setAttribute("aria-hidden", "true");
      tick.textContent = "✓";
      const text = document.createElement("span");
      text.className = "bp-sr-only";
      text.textContent = label;
      mark.append(tick, text);
      link.append(mark);
    } else if (!solved && mark) {
      mark.remove();
    }
  }
}

/** The home page's control that forgets every edit and solved exercise. */
export function initForgetControls(root = document) {
  for (const element of root.querySelectorAll(".bp-forget:not([data-bp-ready])")) {
    element.dataset.bpReady = "";
    const messages = JSON.parse(element.dataset.messages || "{}");
    const button = element.querySelector('[data-action="forget-work"]');
    const status = element.querySelector('[data-role="forget-status"]');
    if (!storageUsable()) {
      status.textContent = messages.storage_refused || "";
      button.disabled = true;
      continue;
    }
    button.addEventListener("click", () => {
      kept.forgetAll();
      status.textContent = messages.forget_work_done || "";
      document.dispatchEvent(new CustomEvent("bp:forgotten"));
    });
  }
}

document.addEventListener("bp:kept", () => {
  markSolvedPages();
});
