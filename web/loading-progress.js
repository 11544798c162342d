// Python's start, shown in every block that has not run yet and announced once per
// page. The worker reports a few milestones (runtime 5 %, packages 70 %, ...) with
// seconds between them; on screen the number creeps towards the next one, never
// backwards. One live region (#bp-runtime-announcer) says that Python is loading,
// then that it is ready (or failed), so a screen reader hears it once, not per block.

import { format } from "./messages.js";
import { runtime } from "./runtime.js";

const MILESTONES = { runtime: [5, 70], packages: [70, 90], warming: [90, 99] };
let progressShown = 0;
let progressTimer = 0;
let progressSince = 0;
let progressStage = "idle";

/** The percentage to show now. */
export function smoothPercent() {
  return Math.round(progressShown);
}

function onRuntimeProgress(progress) {
  const span = MILESTONES[progress.stage];
  clearInterval(progressTimer);
  // A new start (after Stop or Reset replaced Python) counts up from the start again.
  if (progress.stage === "runtime" && progressStage !== "runtime") progressShown = 0;
  progressStage = progress.stage;
  if (!span) {
    progressShown = progress.stage === "ready" ? 100 : 0;
    announce(progress);
    return;
  }
  const [from, to] = span;
  progressShown = Math.max(progressShown, from, Math.min(progress.percent, to));
  progressSince = performance.now();
  const start = progressShown;
  progressTimer = setInterval(() => {
    // Half the way to the next milestone every 1.5 s: moving, never arriving early.
    const t = (performance.now() - progressSince) / 1500;
    progressShown = to - (to - start) * 0.5 ** t;
    for (const element of document.querySelectorAll('.bp-run[data-state="static"]')) {
      element.bpBlock?.showRuntimeProgress(runtime.progress);
    }
  }, 250);
  announce(progress);
}

/** One live region per page says that Python is loading, then that it is ready. */
function announce(progress) {
  const region = document.getElementById("bp-runtime-announcer");
  const holder = document.querySelector(".bp-run[data-messages]");
  if (!region || !holder) return;
  const m = holder.bpBlock?.messages;
  if (!m) return;
  let text = "";
  if (progress.stage === "ready") text = m.ready;
  else if (progress.stage === "failed") text = format(m.runtime_failed, { error: progress.error || "" });
  else if (progress.stage === "runtime" && !region.textContent) text = m.loading;
  if (text && region.textContent !== text) region.textContent = text;
}

/** The page's one live region for Python's start (added once). */
export function ensureAnnouncer() {
  if (document.getElementById("bp-runtime-announcer")) return;
  const region = document.createElement("div");
  region.id = "bp-runtime-announcer";
  region.className = "bp-visually-hidden";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  document.body.append(region);
}

runtime.onProgress(onRuntimeProgress);
