// Offline use and deploys: registers the service worker (sitebuild/offline.py
// writes it; web/service-worker.js is its source), and keeps a tab on one build.
//
// The service worker is registered once Python is ready (or, on a page without
// runnable blocks, a few seconds after it loaded), so that filling its caches
// never competes with Python's start. Without it (plain http on a LAN, where
// browsers allow no service worker) the site works online as before.
//
// A deploy while a tab is open: instant navigation fetches the new build's page
// into the old build's code. Such a page is loaded afresh instead (once per
// build, so a broken deploy cannot make a tab reload without end).

/* global BUILD_ID */

const IDLE_PAGE_MS = 3000;
const RELOADED = "bp-runtime:reloaded-for";
let registered = false;

export function registerServiceWorker() {
  if (registered || !self.navigator.serviceWorker) return;
  registered = true;
  const root = new URL(document.querySelector('meta[name="bp-root"]')?.content || "./", location.href);
  self.navigator.serviceWorker.register(new URL("sw.js", root), { updateViaCache: "none" }).catch(() => {});
}

/** Register once Python is ready, or soon after load on a page that does not start it. */
export function registerWhenIdle() {
  document.addEventListener("bp:runtime", (event) => {
    if (event.detail.stage === "ready") registerServiceWorker();
  });
  const whenLoaded = () => setTimeout(() => document.querySelector(".bp-run") || registerServiceWorker(), IDLE_PAGE_MS);
  if (document.readyState === "complete") whenLoaded();
  else addEventListener("load", whenLoaded, { once: true });
}

/** The page's build (meta bp-build, changed by instant navigation) if it is not this code's. */
export function otherBuild() {
  const build = document.querySelector('meta[name="bp-build"]')?.content;
  return build && build !== BUILD_ID ? build : null;
}

/** Load the page afresh if it belongs to another build; true if it will be. */
export function reloadIfOtherBuild() {
  const build = otherBuild();
  return build ? reloadForBuild(build) : false;
}

/** Load the page afresh, for `build` (the build it should be shown with). */
export function reloadForBuild(build) {
  try {
    if (sessionStorage.getItem(RELOADED) === build) return false;
    sessionStorage.setItem(RELOADED, build);
  } catch {
    return false; // no way to tell a second time from the first: better a mixed page than a loop
  }
  location.reload();
  return true;
}
