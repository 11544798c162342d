// The code editor of a runnable block: CodeMirror 6 with Python highlighting.
// Ctrl/Cmd+Enter runs; Escape leaves the editor (Tab indents only after the
// reader has typed in it, so the keyboard is never trapped).

import { autocompletion, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import {
  EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers,
} from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";

// Colours come from Material's own code-block variables (light and dark alike).
const theme = EditorView.theme({
  "&": { color: "var(--md-code-fg-color)", backgroundColor: "var(--md-code-bg-color)", fontSize: ".85em" },
  ".cm-content": { fontFamily: "var(--md-code-font-family, monospace)", caretColor: "var(--md-code-fg-color)" },
  ".cm-gutters": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-default-fg-color--light)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--md-code-hl-color--light, rgba(0,0,0,.04))" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "1px" },
});

export function createEditor({ parent, code, label, onRun, onLeave, onChange }) {
  const runKeys = [
    { key: "Mod-Enter", preventDefault: true, run: () => { onRun(); return true; } },
    { key: "Shift-Enter", preventDefault: true, run: () => { onRun(); return true; } },
    { key: "Escape", run: () => { onLeave(); return true; } },
  ];
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        keymap.of(runKeys),
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ activateOnTyping: false }),
        highlightActiveLine(),
        syntaxHighlighting(classHighlighter),
        python(),
        theme,
        EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        // Every change of the code, for keep.js to keep it (runner.js passes onChange).
        EditorView.updateListener.of((update) => update.docChanged && onChange?.(update.state.doc.toString())),
      ],
    }),
  });
}
