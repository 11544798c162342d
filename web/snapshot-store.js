// Where the memory snapshot of the ready runner is kept between starts.
//
// The snapshot (a copy of the interpreter's memory right after Python, the
// wheel and every module the pages use were loaded: ~31 MB, see worker.js) is
// made in this browser on the first visit and kept in Cache Storage under a key
// made at build time from what went into it: the Pyodide version, and the
// hashes of the wheel, the standard library and the runner's own code
// (BP_RUNTIME.snapshotKey). A deploy that changes none of them keeps it.
//
// Its SHA-256 is kept in localStorage, which only pages can write (a worker,
// where reader code runs, has no localStorage); the first worker that restores
// it checks the bytes against that hash before using them. Without Cache
// Storage (plain http on a LAN) the snapshot lives in the page's memory for the
// visit only. A snapshot that fails to verify or to restore is deleted.

/* global BP_RUNTIME */

const CACHE = "bp-python-snapshot";
const HASH_PREFIX = "bp-runtime:snapshot:";
const FAILED_PREFIX = "bp-runtime:snapshot-failed:";
const KEY = BP_RUNTIME.snapshotKey;
// A URL of the origin used only as the cache key (nothing serves it). The key
// says everything the snapshot depends on, so copies of the site under other
// paths of the origin share it.
const KEY_URL = new URL(`/__bp__/python-snapshot/${KEY}`, location.origin).href;
const MAX_MAKE_FAILURES = 2; // after this many, this browser starts Python the normal way

function local() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function getItem(key) {
  try {
    return local()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function setItem(key, value) {
  try {
    local()?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function removeItem(key) {
  try {
    local()?.removeItem(key);
  } catch {
    // nothing kept, nothing to remove
  }
}

/** Keys of localStorage that start with `prefix` but are not `keep`. */
function staleKeys(prefix, keep) {
  const store = local();
  const found = [];
  try {
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key && key.startsWith(prefix) && key !== keep) found.push(key);
    }
  } catch {
    // storage refused
  }
  return found;
}

async function openCache() {
  try {
    return self.caches ? await self.caches.open(CACHE) : null;
  } catch {
    return null; // Cache Storage refused (private mode, quota, not a secure context)
  }
}

/** The kept snapshot, as {blob, hash, verified: false}, or null. */
export async function loadSnapshot() {
  const hash = getItem(HASH_PREFIX + KEY);
  if (!hash) return null;
  const cache = await openCache();
  if (!cache) return null;
  try {
    const response = await cache.match(KEY_URL);
    return response ? { blob: await response.blob(), hash, verified: false } : null;
  } catch {
    return null;
  }
}

/** Keep a snapshot just made (by a worker that ran no reader code); returns it for this visit. */
export async function saveSnapshot(bytes, hash) {
  const blob = new Blob([bytes]);
  removeItem(FAILED_PREFIX + KEY);
  const cache = await openCache();
  if (cache) {
    try {
      for (const request of await cache.keys()) {
        if (request.url !== KEY_URL) await cache.delete(request);
      }
      await cache.put(KEY_URL, new Response(blob, { headers: { "Content-Type": "application/octet-stream" } }));
      if (!setItem(HASH_PREFIX + KEY, hash)) await cache.delete(KEY_URL); // unverifiable: not kept
    } catch {
      // over quota: the snapshot serves this visit only
    }
  }
  for (const key of staleKeys(HASH_PREFIX, HASH_PREFIX + KEY)) removeItem(key);
  return { blob, hash, verified: true };
}

/** Forget the kept snapshot (it failed to verify or to restore). */
export async function forgetSnapshot() {
  removeItem(HASH_PREFIX + KEY);
  const cache = await openCache();
  try {
    await cache?.delete(KEY_URL);
  } catch {
    // nothing to delete
  }
}

/** Whether making a snapshot has failed too often in this browser to try again. */
export function makingGaveUp() {
  return Number(getItem(FAILED_PREFIX + KEY) || 0) >= MAX_MAKE_FAILURES;
}

export function noteMakingFailed() {
  setItem(FAILED_PREFIX + KEY, String(Number(getItem(FAILED_PREFIX + KEY) || 0) + 1));
}
