// What the reader writes is kept (DESIGN.md), for every runnable block:
//
// - An edit is kept in local storage under the block's snippet (storage.js) as
//   the reader types, so it is there after instant navigation, a reload and a
//   language switch; Reset brings back the original and forgets the edit.
// - "Copy link" puts the block's current code into the URL fragment (share.js),
//   on the clipboard and in the address bar. Opening such a link shows that code
//   in that block, without touching the reader's own kept edit until they run
//   it (then it becomes their edit); Reset in that state shows the original and
//   leaves the kept edit alone, since the reader has not seen it on this visit.
// - Where storage is refused, everything works the same; the first edit of a
//   block shows a note that edits are not kept.
//
// runner.js tells this module about each block (onEveryBlock) and its events:
// bp:edit (the reader changed the code), bp:run (a run starts), bp:reset.

import { updateLanguageLinks } from "./language-links.js";
import { onEveryBlock } from "./runner.js";
import { sharedCode, copyLink } from "./share.js";
import { kept, storageUsable } from "./storage.js";

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

/** The block's own note (below the editor, announced): a shared link's code,
    a copied link, edits that are not kept. The status line belongs to runs. */
function say(block, text) {
  let note = block.root.querySelector('[data-role="kept-note"]');
  if (!note) {
    note = document.createElement("p");
    note.className = "bp-run__note";
    note.dataset.role = "kept-note";
    note.setAttribute("role", "status");
    note.setAttribute("aria-live", "polite");
    block.editorHost.after(note);
  }
  note.textContent = text;
}

function unsay(block, text) {
  const note = block.root.querySelector('[data-role="kept-note"]');
  if (note && note.textContent === text) note.remove();
}

function keep(block) {
  const snippet = snippetOf(block);
  const m = block.messages;
  let sharedPending = false; // showing a shared link's code, not yet the reader's own

  const saved = kept.code(snippet);
  if (saved !== null && saved !== block.originalCode) {
    block.setCode(saved);
    block.root.dataset.edited = "true";
  }

  const showShared = (shared) => {
    if (!shared || shared.snippet !== snippet || !block.root.isConnected) return;
    dropSharedFragment();
    if (shared.code === block.code()) return; // the reader's own code already
    sharedPending = true;
    block.setCode(shared.code);
    block.root.dataset.shared = "true";
    say(block, m.shared_code);
  };
  sharedOfThisPage().then(showShared);
  // A shared link opened on its own page (only the fragment changes: no new page).
  block.root.addEventListener("bp:shared", (event) => showShared(event.detail));

  block.root.addEventListener("bp:edit", (event) => {
    if (sharedPending) return; // kept once the reader runs it
    const isKept = kept.saveCode(snippet, event.detail.code, block.originalCode);
    block.root.dataset.edited = String(event.detail.code !== block.originalCode);
    if (!isKept && !storageUsable()) say(block, m.storage_refused);
  });

  block.root.addEventListener("bp:run", (event) => {
    if (!sharedPending) return;
    sharedPending = false;
    delete block.root.dataset.shared;
    unsay(block, m.shared_code);
    kept.saveCode(snippet, event.detail.code, block.originalCode);
    block.root.dataset.edited = String(event.detail.code !== block.originalCode);
  });

  block.root.addEventListener("bp:reset", () => {
    if (sharedPending) {
      sharedPending = false; // the shared code goes; the reader's own kept edit stays
      delete block.root.dataset.shared;
      unsay(block, m.shared_code);
    } else {
      kept.forgetCode(snippet);
    }
    delete block.root.dataset.edited;
  });

  block.root.addEventListener("bp:forgotten", () => {
    sharedPending = false;
    delete block.root.dataset.shared;
    unsay(block, m.shared_code);
    delete block.root.dataset.edited;
    if (block.code() !== block.originalCode) block.reset();
  });

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

onEveryBlock(keep);
