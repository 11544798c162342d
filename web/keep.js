// What the reader writes is kept (DESIGN.md), for every runnable block:
//
// - An edit is kept in local storage under the block's snippet (storage.js) as
//   the reader types, so it is there after instant navigation, a reload and a
//   language switch; Reset brings back the original and forgets the edit.
// - "Copy link" puts the block's current code into the URL fragment (share.js),
//   on the clipboard and in the address bar. Opening such a link shows that code
//   in that block, without touching the reader's own kept edit until they run
//   it (then it becomes their edit). The reader's own edit is never lost to a
//   link: while the link's code is shown, and after it was run, a button in the
//   block's note brings the reader's own code back.
// - Another tab that changes the same block's kept code is followed (the
//   storage event), unless the reader is typing in this block (its editor has
//   focus, or they edited it in the last TYPING_MS): then the note says that
//   what they type here wins.
// - Where storage is refused or full, everything works the same; the block's
//   note says that its edit (or its solved mark) is not kept.
//
// runner.js tells this module about each block (onEveryBlock) and its events:
// bp:edit (the reader changed the code), bp:run (a run starts), bp:reset.

import { updateLanguageLinks } from "./language-links.js";
import { onEveryBlock } from "./runner.js";
import { copyLink, sharedCode } from "./share.js";
import { kept } from "./storage.js";

const TYPING_MS = 10_000;

// The shared code of the URL the page was opened with, decoded once per URL.
let sharedFor = { href: null, promise: null };

function sharedOfThisPage() {
  if (sharedFor.href !== location.href) {
    sharedFor = { href: location.href, promise: sharedCode(location.href).catch(() => null) };
  }
  return sharedFor.promise;
}

/** The URL without a shared-code fragment, once its code is in its block. */
function dropSharedFragment() {
  if (location.hash.startsWith("#bp-code=")) {
    history.replaceState(history.state, "", location.pathname + location.search);
    updateLanguageLinks(); // they carry the fragment too
  }
}

function snippetOf(block) {
  return block.root.dataset.snippet;
}

/** The block's own note (below the editor, announced): a shared link's code, a
    copied link, edits that are not kept. The status line belongs to runs. An
    optional action ({label, run}) is a button after the text. */
function say(block, text, action = null) {
  let note = block.root.querySelector('[data-role="kept-note"]');
  if (!note) {
    note = document.createElement("div");
    note.className = "bp-run__note";
    note.dataset.role = "kept-note";
    const message = document.createElement("span");
    message.setAttribute("role", "status");
    message.setAttribute("aria-live", "polite");
    note.append(message);
    block.editorHost.after(note);
  }
  note.firstChild.textContent = text;
  note.querySelector("button")?.remove();
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.dataset.action = "restore-edit";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    note.append(" ", button);
  }
}

function unsay(block, ...texts) {
  const note = block.root.querySelector('[data-role="kept-note"]');
  if (note && texts.includes(note.firstChild.textContent)) note.remove();
}

/** The note's message when a write of this block failed (storage refused or full). */
function notKept(block, refused) {
  const m = block.messages;
  say(block, refused ? m.storage_refused : m.storage_full);
}

function keep(block) {
  const snippet = snippetOf(block);
  const m = block.messages;
  let sharedPending = false; // showing a shared link's code, not yet the reader's own
  let editedAt = -Infinity; // when the reader last edited this block in this tab

  const own = () => {
    const code = kept.code(snippet);
    return code !== null && code !== block.originalCode ? code : null;
  };
  const showOwn = (code) => {
    block.setCode(code);
    block.root.dataset.edited = String(code !== block.originalCode);
  };
  const leaveShared = () => {
    sharedPending = false;
    delete block.root.dataset.shared;
  };

  // The reader's earlier edit, replaced by a link's code they ran: one click brings it back.
  const offerPrevious = () => {
    if (kept.previousCode(snippet) === null) return;
    say(block, m.shared_replaced_edit, {
      label: m.restore_edit,
      run: () => {
        const previous = kept.previousCode(snippet);
        if (previous === null) return;
        leaveShared();
        showOwn(previous);
        kept.saveCode(snippet, previous, block.originalCode);
        kept.forgetPreviousCode(snippet);
        say(block, m.edit_restored);
      },
    });
  };

  const saved = own();
  if (saved !== null) showOwn(saved);
  offerPrevious();

  const showShared = (shared) => {
    if (!shared || shared.snippet !== snippet || !block.root.isConnected) return;
    dropSharedFragment();
    if (shared.code === block.code()) return; // the reader's own code already
    sharedPending = true;
    block.setCode(shared.code);
    block.root.dataset.shared = "true";
    if (own() === null) {
      say(block, m.shared_code);
      return;
    }
    say(block, m.shared_code_over_edit, {
      label: m.restore_edit,
      run: () => {
        leaveShared();
        const code = own();
        showOwn(code ?? block.originalCode);
        say(block, m.edit_restored);
      },
    });
  };
  sharedOfThisPage().then(showShared);
  // A shared link opened on its own page (only the fragment changes: no new page).
  block.root.addEventListener("bp:shared", (event) => showShared(event.detail));

  block.root.addEventListener("bp:edit", (event) => {
    editedAt = performance.now();
    if (sharedPending) return; // kept once the reader runs it
    if (kept.saveCode(snippet, event.detail.code, block.originalCode)) unsay(block, m.storage_full);
    block.root.dataset.edited = String(event.detail.code !== block.originalCode);
  });

  block.root.addEventListener("bp:run", (event) => {
    if (!sharedPending) return;
    leaveShared();
    unsay(block, m.shared_code, m.shared_code_over_edit);
    const replaced = own();
    // The reader's own edit is kept aside first; if even that fails, it stays their edit.
    if (replaced !== null && replaced !== event.detail.code && !kept.keepPreviousCode(snippet, replaced)) return;
    kept.saveCode(snippet, event.detail.code, block.originalCode);
    block.root.dataset.edited = String(event.detail.code !== block.originalCode);
    offerPrevious();
  });

  block.root.addEventListener("bp:reset", () => {
    editedAt = -Infinity;
    if (sharedPending) {
      leaveShared(); // the shared code goes; the reader's own kept edit stays
      unsay(block, m.shared_code, m.shared_code_over_edit);
    } else {
      kept.forgetCode(snippet);
    }
    delete block.root.dataset.edited;
  });

  block.root.addEventListener("bp:forgotten", () => {
    editedAt = -Infinity;
    leaveShared();
    unsay(block, m.shared_code, m.shared_code_over_edit, m.shared_replaced_edit, m.edit_restored);
    delete block.root.dataset.edited;
    if (block.code() !== block.originalCode) block.reset();
  });

  // Another tab changed this block's kept code: follow it, unless the reader is
  // typing here (then what they type wins, and the note says so).
  block.root.addEventListener("bp:kept-elsewhere", () => {
    if (sharedPending) return;
    const code = own() ?? block.originalCode;
    if (code === block.code()) return;
    const typing = block.editorHost.contains(document.activeElement) || performance.now() - editedAt < TYPING_MS;
    if (typing) {
      say(block, m.edited_elsewhere_typing);
      return;
    }
    showOwn(code);
    say(block, m.edited_elsewhere);
  });

  block.root.addEventListener("bp:not-kept", (event) => notKept(block, event.detail.refused));

  const button = block.root.querySelector('[data-action="copy-link"]');
  button?.addEventListener("click", async () => {
    const { url, copied } = await copyLink(snippet, block.code());
    history.replaceState(history.state, "", url); // the link is the page's URL now
    updateLanguageLinks();
    say(block, copied ? m.link_copied : m.link_in_address_bar);
  });
}

function blocksOfThisPage() {
  return document.querySelectorAll(".bp-run[data-bp-ready]");
}

/** The blocks a storage key belongs to: code:/previous:<snippet>, solved:/attempts:<exercise>. */
function blocksOf(key) {
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  const name = key.slice(at + 1);
  const bySnippet = kind === "code" || kind === "previous";
  return [...blocksOfThisPage()].filter((element) =>
    bySnippet ? element.dataset.snippet === name : element.dataset.exercise === name,
  );
}

addEventListener("hashchange", async () => {
  if (!location.hash.startsWith("#bp-code=")) return;
  const shared = await sharedOfThisPage();
  for (const element of blocksOfThisPage()) {
    element.dispatchEvent(new CustomEvent("bp:shared", { detail: shared }));
  }
});

// "Forget my work" (progress.js) cleared the storage: the blocks of this page forget too.
document.addEventListener("bp:forgotten", () => {
  for (const element of blocksOfThisPage()) {
    element.dispatchEvent(new CustomEvent("bp:forgotten"));
  }
});

// Another tab of the site changed a kept edit (storage.js forwards the storage event).
document.addEventListener("bp:kept", (event) => {
  const { key, otherTab } = event.detail || {};
  if (!otherTab) return;
  const elements = key === null ? [...blocksOfThisPage()] : key.startsWith("code:") ? blocksOf(key) : [];
  for (const element of elements) element.dispatchEvent(new CustomEvent("bp:kept-elsewhere"));
});

// A write failed (storage refused or full): the block it belongs to says so.
document.addEventListener("bp:not-kept", (event) => {
  const { key, refused } = event.detail || {};
  if (typeof key !== "string") return;
  for (const element of blocksOf(key)) {
    element.dispatchEvent(new CustomEvent("bp:not-kept", { detail: { refused } }));
  }
});

onEveryBlock(keep);
