// Interface strings of the page's language. The build renders them into each
// runnable block's data-messages (from web/ui-strings.json), so the browser
// never holds a second copy of them.

/** Fill "{name}" placeholders of a message template. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

/** The messages of the runnable block that holds `element` (or of the page's first block). */
export function messagesFor(element) {
  const holder = element.closest(".bp-run[data-messages]") || document.querySelector(".bp-run[data-messages]");
  if (!holder) return null;
  try {
    return JSON.parse(holder.dataset.messages);
  } catch {
    return null;
  }
}

/** The language of a block's page (the build marks every block; <html lang> can go
    stale under instant navigation). */
export function languageOf(element) {
  return element?.closest("[data-lang]")?.dataset.lang || document.documentElement.lang.slice(0, 2) || "en";
}

/** A count as the page's language writes it (200,000 / 200.000). */
export function localNumber(n) {
  return new Intl.NumberFormat(languageOf(document.querySelector(".bp-run"))).format(n);
}
