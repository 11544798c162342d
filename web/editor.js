// The code editor of a runnable block: CodeMirror 6 with Python highlighting.
//
// Keyboard (never a trap): Ctrl/Cmd+Enter or Shift+Enter runs. Tab and
// Shift+Tab move focus past the editor like past any other control until the
// reader edits (types, deletes, pastes) or clicks into the code; from then on
// Tab indents. Escape stops that: focus stays in the editor and the next Tab
// moves on to the output (Shift+Tab back to the block's buttons), as the home
// page promises. CodeMirror's "tab-focus mode" does the moving.
//
// Looks: the same geometry as the build's static code (web/runner.css), so
// nothing moves when the editor takes over; no active-line background, so every
// token keeps its contrast against the code background.

import { autocompletion, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, keymap, lineNumbers } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";

// Colours come from Material's own code-block variables (light and dark alike);
// sizes from the static code's (see .bp-run in web/runner.css).
const theme = EditorView.theme({
  "&": { color: "var(--md-code-fg-color)", backgroundColor: "var(--md-code-bg-color)", fontSize: ".85em" },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family, monospace)", lineHeight: "1.4" },
  ".cm-content": {
    fontFamily: "var(--md-code-font-family, monospace)",
    caretColor: "var(--md-code-fg-color)",
    padding: "var(--bp-code-pad-y, .77em) 0",
  },
  ".cm-line": { padding: "0 1.1764705882em 0 0" },
  ".cm-gutters": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-default-fg-color--light)", border: "none" },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 var(--bp-gutter-pad, .6em)", minWidth: "2ch", boxSizing: "content-box" },
  ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--md-code-fg-color)" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "1px" },
});

const EDITS = ["input", "delete", "undo", "redo", "move.drop"];

export function createEditor({ parent, code, label, onRun, onChange }) {
  // The host was a focusable "textbox" standing in for the editor; CodeMirror's
  // content element is the real one now.
  for (const name of ["role", "aria-label", "aria-multiline", "tabindex"]) parent.removeAttribute(name);
  const copy = parent.closest(".bp-run")?.querySelector('[data-action="copy"]');
  let pointed = false; // focus that comes with a click or tap
  const runKeys = [
    { key: "Mod-Enter", preventDefault: true, run: () => { onRun(); return true; } },
    { key: "Shift-Enter", preventDefault: true, run: () => { onRun(); return true; } },
    // Leave editing: the next Tab moves focus on (CodeMirror's tab-focus mode).
    { key: "Escape", run: (view) => { view.setTabFocusMode(true); return true; } },
  ];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        keymap.of(runKeys),
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ activateOnTyping: false }),
        syntaxHighlighting(classHighlighter),
        python(),
        indentUnit.of("    "), // PEP 8, as in every snippet
        theme,
        // tabindex: the editable content is already in the Tab order; saying so lets
        // checkers (axe: scrollable-region-focusable) see that a horizontally
        // scrolling editor is reachable by keyboard, without a second tab stop.
        EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) copy?.setAttribute("data-clipboard-text", update.state.doc.toString());
          // Typing, deleting or pasting is editing: from now on Tab indents.
          if (update.transactions.some((tr) => EDITS.some((event) => tr.isUserEvent(event)))) {
            update.view.setTabFocusMode(false);
          }
        }),
        EditorView.domEventHandlers({
          // A click or tap into the code is editing.
          pointerdown: (event, v) => { pointed = true; v.setTabFocusMode(false); },
          // Focus from the keyboard is passing through, not editing yet.
          focus: (event, v) => {
            if (!pointed && !v.dom.contains(event.relatedTarget)) v.setTabFocusMode(true);
            pointed = false;
          },
        }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        // Every change of the code, for keep.js to keep it (runner.js passes onChange).
        EditorView.updateListener.of((update) => update.docChanged && onChange?.(update.state.doc.toString())),
      ],
    }),
  });
  view.setTabFocusMode(true);
  copy?.setAttribute("data-clipboard-text", code);
  return view;
}
