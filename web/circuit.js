// Circuit diagrams (DESIGN.md): walk the backward pass one gate at a time.
//
// backprop_core draws <svg class="bp-circuit" data-order="…">; every gate is a
// <g class="bp-gate" data-node data-symbol data-upstream data-inputs data-local
// data-contrib>. A wire into a gate (<g class="bp-wire" data-to>) is labelled with
// that gate's data-contrib for it; a value feeding several gates also shows its
// total gradient in a <g class="bp-sum" data-consumers="…"> (the gates it feeds).
// Beside each diagram we add Step back / Step forward buttons
// and a live [data-role="step-explain"] line that says, in the page's
// language, "local gradient × upstream gradient = gradient" with the numbers.
//
// Keyboard: the diagram sits in a focusable frame; ← and → step while the frame
// or a step button has focus, and focus stays on the stepper when a button at
// either end becomes disabled. Phones: the frame scrolls sideways rather than
// shrinking a wide diagram below a legible scale (web/circuit.css), and each
// step scrolls the current gate into view.

import { format, messagesFor } from "./messages.js";

/** Numbers as in the diagrams and pages: up to 4 significant digits (Python's "{:.4g}"). */
export function formatNumber(value) {
  const x = Number(value);
  if (!Number.isFinite(x)) return String(value);
  if (x === 0) return "0";
  const exponent = Math.floor(Math.log10(Math.abs(x)));
  if (exponent < -4 || exponent >= 4) {
    const [mantissa, exp] = x.toExponential(3).split("e");
    const e = Number(exp);
    return `${mantissa.replace(/\.?0+$/, "")}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return x.toPrecision(4).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

function nameOf(svg, index) {
  const node = svg.querySelector(`[data-node="${index}"]`);
  if (!node) return `#${index}`;
  return node.dataset.label || node.dataset.symbol || formatNumber(node.dataset.out);
}

class CircuitStepper {
  constructor(svg, messages) {
    this.svg = svg;
    this.t = messages;
    this.order = (svg.dataset.order || "").split(/\s+/).filter(Boolean);
    this.step = 0;
    // The frame: focusable (a click on the diagram focuses it, not the output
    // around it), scrolls sideways on narrow screens.
    this.frame = document.createElement("span");
    this.frame.className = "bp-circuit-frame";
    this.frame.tabIndex = 0;
    this.frame.setAttribute("role", "group");
    this.frame.setAttribute("aria-label", this.t.figure);
    this.frame.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight");
    const width = svg.width?.baseVal?.value;
    if (width) this.frame.style.setProperty("--bp-circuit-width", `${width}px`);
    svg.before(this.frame);
    this.frame.append(svg);
    const controls = document.createElement("span");
    controls.className = "bp-circuit-steps";
    controls.innerHTML =
      '<button type="button" class="md-button" data-action="step-backward"></button>' +
      '<button type="button" class="md-button" data-action="step-forward"></button>' +
      '<span data-role="step-explain" role="status" aria-live="polite"></span>';
    this.back = controls.querySelector('[data-action="step-backward"]');
    this.forward = controls.querySelector('[data-action="step-forward"]');
    this.explain = controls.querySelector('[data-role="step-explain"]');
    this.back.textContent = this.t.step_backward;
    this.forward.textContent = this.t.step_forward;
    this.back.setAttribute("aria-keyshortcuts", "ArrowLeft");
    this.forward.setAttribute("aria-keyshortcuts", "ArrowRight");
    this.back.addEventListener("click", () => this.go(this.step - 1));
    this.forward.addEventListener("click", () => this.go(this.step + 1));
    const onKey = (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === "ArrowRight") this.go(this.step + 1);
      else if (event.key === "ArrowLeft") this.go(this.step - 1);
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    this.frame.addEventListener("keydown", onKey);
    controls.addEventListener("keydown", onKey);
    this.frame.after(controls);
    this.go(0);
  }

  go(step) {
    const total = this.order.length;
    this.step = Math.max(0, Math.min(total, step));
    // A focused button about to be disabled hands focus to its partner, so the
    // keyboard stays on the stepper (a disabled button drops focus to <body>).
    const focused = document.activeElement;
    this.back.disabled = this.step === 0;
    this.forward.disabled = this.step === total;
    if (focused === this.back && this.back.disabled) (this.forward.disabled ? this.frame : this.forward).focus();
    if (focused === this.forward && this.forward.disabled) (this.back.disabled ? this.frame : this.back).focus();
    const visited = new Set(this.order.slice(0, this.step));
    for (const gate of this.svg.querySelectorAll(".bp-gate")) {
      gate.classList.toggle("bp-current", gate.dataset.node === this.order[this.step - 1]);
    }
    // While stepping, a wire's gradient (its share) shows once the gate it feeds has been
    // visited; a value's total gradient (Σ, where it feeds several gates) once all have.
    for (const wire of this.svg.querySelectorAll(".bp-wire")) {
      const pending = this.step > 0 && !visited.has(wire.dataset.to);
      wire.classList.toggle("bp-pending", pending);
    }
    for (const total of this.svg.querySelectorAll("[data-consumers]")) {
      const consumers = total.dataset.consumers.split(/\s+/).filter(Boolean);
      const pending = this.step > 0 && !consumers.every((gate) => visited.has(gate));
      total.classList.toggle("bp-pending", pending);
    }
    this.svg.classList.toggle("bp-stepping", this.step > 0);
    if (this.step === 0) {
      this.explain.textContent = this.t.step_start;
      return;
    }
    const gate = this.svg.querySelector(`.bp-gate[data-node="${this.order[this.step - 1]}"]`);
    this.reveal(gate);
    const inputs = (gate.dataset.inputs || "").split(/\s+/).filter(Boolean);
    const locals = (gate.dataset.local || "").split(/\s+/);
    const contribs = (gate.dataset.contrib || "").split(/\s+/);
    const upstream = formatNumber(gate.dataset.upstream);
    const lines = [format(this.t.step_gate, { symbol: gate.dataset.symbol, step: this.step, total, upstream })];
    inputs.forEach((input, i) => {
      lines.push(
        format(this.t.step_input, {
          input: nameOf(this.svg, input),
          local: formatNumber(locals[i]),
          upstream,
          grad: formatNumber(contribs[i]),
        }),
      );
    });
    if (this.step === total) lines.push(this.t.step_done);
    this.explain.textContent = lines.join("\n");
  }

  /** Scroll the frame sideways (only the frame, never the page) to show the gate. */
  reveal(gate) {
    const frame = this.frame.getBoundingClientRect();
    const box = gate.getBoundingClientRect();
    if (box.left >= frame.left && box.right <= frame.right) return;
    this.frame.scrollLeft += box.left + box.width / 2 - (frame.left + frame.width / 2);
  }
}

export function initCircuits(root = document) {
  for (const svg of root.querySelectorAll("svg.bp-circuit:not([data-bp-steps])")) {
    svg.dataset.bpSteps = "";
    const messages = messagesFor(svg);
    if (messages && svg.querySelector(".bp-gate")) new CircuitStepper(svg, messages);
  }
}
