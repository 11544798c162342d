// What reader code must not reach from its worker, taken away before any runs.
//
// Reader code can reach the worker's global scope (`import js`). With a service
// worker serving the site from Cache Storage and the snapshot kept there, a run
// that could write into `caches` could plant a page or a snapshot for every
// later visit; `indexedDB` and `navigator.storage` are the origin's storage too;
// `navigator.locks` are shared by every tab of the origin, so another tab's
// code could steal the lock that tells a page its worker is alive (runner
// review, D6); a nested `Worker` or `importScripts` would start code outside
// this worker's control. The runner keeps what it needs of these (the lock it
// holds for its lifetime) in its own closure, taken before this runs.
//
// `close()` is not taken away but replaced: a worker that closed itself would
// leave its run unanswered, so calling it only marks the worker as closed, and
// the page replaces it after the run.

const GLOBALS = ["caches", "indexedDB", "Worker", "SharedWorker", "importScripts"];
const NAVIGATOR = ["locks", "serviceWorker", "storage"];

let closeRequested = false;

/** Whether reader code asked the worker to close (`js.close()`). */
export function closeWasRequested() {
  return closeRequested;
}

/** Remove `name` wherever `owner` and its prototypes define it; shadow what cannot be removed. */
function remove(owner, name) {
  for (let object = owner; object; object = Object.getPrototypeOf(object)) {
    if (Object.hasOwn(object, name) && !Reflect.deleteProperty(object, name)) {
      Reflect.defineProperty(owner, name, { value: undefined, writable: false, configurable: false });
    }
  }
}

/** Take the origin's storage, other tabs' locks and other workers out of reach; returns what is left. */
export function lockDown() {
  for (const name of GLOBALS) remove(self, name);
  for (const name of NAVIGATOR) remove(self.navigator, name);
  let owner = self;
  while (owner && !Object.hasOwn(owner, "close")) owner = Object.getPrototypeOf(owner);
  Reflect.defineProperty(owner || self, "close", {
    value: function close() {
      closeRequested = true;
    },
    writable: false,
    configurable: false,
  });
  return [
    ...GLOBALS.filter((name) => self[name] !== undefined),
    ...NAVIGATOR.filter((name) => self.navigator[name] !== undefined).map((name) => `navigator.${name}`),
  ];
}
