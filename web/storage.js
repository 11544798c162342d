// What the reader writes is kept (DESIGN.md): edited code per snippet, solved
// exercises, attempts — in the browser's local storage, under keys that start
// with "bp:". The snippet's path is the key, so an edit made on the English
// page is there on the German one, and after a reload or instant navigation.
//
// Storage can be refused (private windows, blocked site data) or full: every
// function then still works, nothing is kept, and the page can tell the reader:
// storageUsable() says whether anything can be kept, and every write that
// fails is announced with a "bp:not-kept" event ({key, refused}) on the
// document. Changes are announced with a "bp:kept" event on the document (also
// when another tab changed something: {key, otherTab: true}).

const PREFIX = "bp:";
const PROBE = `${PREFIX}probe`;
let usable = null;

function store() {
  try {
    return globalThis.localStorage ?? null; // reading the property itself can throw
  } catch {
    return null;
  }
}

/** Whether this browser lets the site keep anything (checked once, by writing). */
export function storageUsable() {
  if (usable === null) {
    try {
      const s = store();
      s.setItem(PROBE, "1");
      s.removeItem(PROBE);
      usable = true;
    } catch {
      usable = false;
    }
  }
  return usable;
}

function get(key) {
  if (!storageUsable()) return null;
  try {
    return store().getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function announce(detail, type = "bp:kept") {
  if (typeof document !== "undefined") {
    document.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

function set(key, value) {
  let written = false;
  if (storageUsable()) {
    try {
      store().setItem(PREFIX + key, value);
      written = true;
    } catch {
      // full: what the reader did stays in the page, just not kept
    }
  }
  announce({ key, refused: !storageUsable() }, written ? "bp:kept" : "bp:not-kept");
  return written;
}

function remove(key) {
  if (!storageUsable()) return;
  try {
    store().removeItem(PREFIX + key);
  } catch {
    return;
  }
  announce({ key });
}

export const kept = {
  /** The reader's saved edit of a snippet, or null. */
  code(snippet) {
    return get(`code:${snippet}`);
  },

  /** Keep an edit; an edit back to the original is no edit. Returns whether it is kept. */
  saveCode(snippet, code, original) {
    if (code === original) {
      remove(`code:${snippet}`);
      return storageUsable();
    }
    return set(`code:${snippet}`, code);
  },

  forgetCode(snippet) {
    remove(`code:${snippet}`);
  },

  /** The reader's earlier edit, replaced when they ran a shared link's code, or null. */
  previousCode(snippet) {
    return get(`previous:${snippet}`);
  },

  keepPreviousCode(snippet, code) {
    return set(`previous:${snippet}`, code);
  },

  forgetPreviousCode(snippet) {
    remove(`previous:${snippet}`);
  },

  solved(exercise) {
    return get(`solved:${exercise}`) !== null;
  },

  markSolved(exercise) {
    return set(`solved:${exercise}`, new Date().toISOString());
  },

  /** How many times the reader checked this exercise without passing. */
  attempts(exercise) {
    const n = Number.parseInt(get(`attempts:${exercise}`) ?? "0", 10);
    return Number.isFinite(n) && n > 0 ? n : 0;
  },

  addAttempt(exercise) {
    const n = kept.attempts(exercise) + 1;
    set(`attempts:${exercise}`, String(n));
    return n;
  },

  /** Forget everything the site kept: edits, solved exercises, attempts. */
  forgetAll() {
    const s = usable ? store() : null;
    if (!s) return 0;
    const keys = [];
    try {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key && key.startsWith(PREFIX)) keys.push(key);
      }
      for (const key of keys) s.removeItem(key);
    } catch {
      return 0;
    }
    announce({ key: null });
    return keys.length;
  },
};

// Another tab of the site changed something: tell this page too.
if (typeof globalThis.addEventListener === "function") {
  globalThis.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) {
      announce({ key: event.key ? event.key.slice(PREFIX.length) : null, otherTab: true });
    }
  });
}

/** For tests: check the storage again (after it was replaced or blocked). */
export function resetStorageProbe() {
  usable = null;
}
