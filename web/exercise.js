// Exercise blocks (DESIGN.md, exercise contract): Check runs the reader's code
// and then the exercise's checker in a clean interpreter (runtime.run's check
// option); the verdict comes back as a plain object.
//
//   data-verdict  none -> pass | fail | error (the reader's code raised: its
//                 traceback is in the output, as for Run)
//   data-solved   "true" once passed; kept (storage.js) and shown after a reload
//
// The feedback is the checker's plain text; `backticks` mark code and become
// <code> elements built with DOM calls, so nothing the checker (or the reader's
// code it ran) says is ever parsed as HTML. The reference solution opens after
// a pass or after a few attempts that did not pass.

import { onEveryBlock } from "./runner.js";
import { kept } from "./storage.js";

/** Plain text with `code` spans -> DOM nodes (text nodes and <code> elements). */
export function textWithCode(text) {
  return String(text)
    .split("`")
    .map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement("code");
      code.textContent = part;
      return code;
    });
}

function paragraphs(text) {
  return String(text)
    .split(/\n{2,}/)
    .filter((part) => part.trim())
    .map((part) => {
      const p = document.createElement("p");
      p.append(...textWithCode(part));
      return p;
    });
}

function exercise(block) {
  const root = block.root;
  if (!root.classList.contains("bp-exercise")) return;
  const name = root.dataset.exercise;
  const m = block.messages;
  const feedback = root.querySelector('[data-role="feedback"]');
  const solution = root.querySelector('[data-role="solution"]');
  const locked = root.querySelector('[data-role="solution-locked"]');
  const checkButton = root.querySelector('[data-action="check"]');
  const intro = feedback.cloneNode(true).childNodes; // "Write the backward pass, then press Check."
  let config;
  try {
    config = JSON.parse(root.dataset.check);
  } catch {
    checkButton.disabled = true; // a broken page: Run still works
    return;
  }
  let badge = null;
  let attempts = kept.attempts(name); // also counted where storage is refused

  function showSolved(solved) {
    root.dataset.solved = String(solved);
    if (solved && !badge) {
      badge = document.createElement("span");
      badge.className = "bp-exercise__solved";
      const tick = document.createElement("span");
      tick.setAttribute("aria-hidden", "true");
      tick.textContent = "✓ ";
      badge.append(tick, m.solved);
      root.querySelector(".bp-run__name").after(badge);
    } else if (!solved && badge) {
      badge.remove();
      badge = null;
    }
    unlockIf(solved || attempts >= config.attempts);
  }

  function unlockIf(open) {
    solution.hidden = !open;
    locked.hidden = open;
  }

  function showFeedback(verdict, nodes) {
    feedback.dataset.verdict = verdict;
    feedback.replaceChildren(...nodes);
  }

  function check() {
    let verdict = null;
    const handle = block.run({
      check: { code: config.check, filename: `exercises/${name}/check.py` },
      onVerdict: (result) => {
        verdict = result;
      },
    });
    if (!handle) return; // busy: the run in progress goes on
    showFeedback("none", paragraphs(m.checking));
    handle.done.then((result) => {
      if (!root.isConnected) return;
      if (result.status === "error") {
        attempts = Math.max(attempts + 1, kept.addAttempt(name));
        showFeedback("error", paragraphs(m.checked_error));
        block.setState("error", m.checked_error);
      } else if (verdict && verdict.verdict === "pass") {
        kept.markSolved(name);
        showFeedback("pass", paragraphs(verdict.message));
        block.setState("done", m.checked_pass);
        showSolved(true);
      } else if (verdict && verdict.verdict === "fail") {
        attempts = Math.max(attempts + 1, kept.addAttempt(name));
        showFeedback("fail", paragraphs(verdict.message));
        block.setState("done", m.checked_fail);
        unlockIf(root.dataset.solved === "true" || attempts >= config.attempts);
      } else if (verdict && typeof verdict.message === "string") {
        // The checker itself failed (the worker reports it as verdict "error").
        showFeedback("error", paragraphs(verdict.message));
      } else {
        // Stopped, timed out, cancelled: no verdict; the block's status says why.
        showFeedback("none", [...intro].map((node) => node.cloneNode(true)));
      }
    });
  }

  checkButton.addEventListener("click", check);
  showSolved(kept.solved(name));
  // "Forget my work" on this page (keep.js forwards it to every block).
  root.addEventListener("bp:forgotten", () => {
    attempts = 0;
    showSolved(false);
    showFeedback("none", [...intro].map((node) => node.cloneNode(true)));
  });
}

onEveryBlock(exercise);
