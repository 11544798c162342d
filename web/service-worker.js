// The site's service worker: the whole site, offline, one build at a time.
//
// The build (sitebuild/offline.py) writes this file as <site root>/sw.js with
// the constants below filled in: the build's manifest (every file's URL, as
// the pages request it, and its SHA-256) and the names of two caches:
//   RUNTIME_CACHE  the pinned Pyodide runtime (bp-runtime-<version>-<stdlib>):
//                  the same across deploys, so a deploy does not fetch 13 MB again;
//   SITE_CACHE     everything else of this build (bp-site-<digest>): the pages
//                  of every language, the search index, the bundle, the wheel.
// Install fills both (fetching what the runtime cache lacks), checking each
// file against the manifest; a file that does not match (a deploy happened in
// between) fails the install, and the next visit tries again. Activate deletes
// the caches of other builds (never the Python snapshot, snapshot-store.js).
// No skipWaiting: a new build's worker waits until no tab uses the old one.
//
// Fetch: pages (navigations, and Material's instant-navigation requests for
// pages) go to the network first; if it has not answered within PAGE_TIMEOUT_MS
// or fails, the cached page of this build is served. Everything else in the
// manifest comes from the cache first. A cached file is served only if it still
// matches its hash in the manifest, so nothing written into the caches later
// (reader code cannot reach them: worker-lockdown.js) is ever served.
// Our own scripts and stylesheets are requested with ?v=<build id> and cached
// under that exact URL: a page of another build asks for other URLs, which
// this worker does not have and leaves to the network, so a tab never runs a
// page with another build's code (web/offline.js reloads a tab whose page
// changed build under instant navigation).

/* eslint-disable no-restricted-globals */
const MANIFEST = {}; // BP_OFFLINE: url relative to the scope -> sha256 (filled in by the build)
const RUNTIME_FILES = []; // BP_OFFLINE: the urls kept in RUNTIME_CACHE
const RUNTIME_CACHE = "bp-runtime"; // BP_OFFLINE
const SITE_CACHE = "bp-site"; // BP_OFFLINE
const PAGE_TIMEOUT_MS = 3000;
const PARALLEL = 6;

const SCOPE = new URL("./", self.location.href);
const OURS = /^bp-(runtime|site)-/;
const runtimeFiles = new Set(RUNTIME_FILES);

const key = (url) => url.href.slice(SCOPE.href.length);
const cacheFor = (name) => caches.open(runtimeFiles.has(name) ? RUNTIME_CACHE : SITE_CACHE);
const isPage = (name) => name === "" || name.endsWith("/") || name.endsWith(".html");

async function sha256(buffer) {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(sum, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Whether a response holds exactly the manifest's bytes for `name`. */
async function matches(name, response) {
  return response.ok && (await sha256(await response.clone().arrayBuffer())) === MANIFEST[name];
}

async function precacheOne(name) {
  const cache = await cacheFor(name);
  const cached = await cache.match(new URL(name, SCOPE));
  if (cached && (await matches(name, cached))) return;
  // Revalidated with the server: the HTTP cache may hold another build's copy.
  const response = await fetch(new URL(name, SCOPE), { cache: "no-cache" });
  if (!(await matches(name, response))) throw new Error(`${name} does not match this build`);
  await cache.put(new URL(name, SCOPE), response);
}

async function precache() {
  const names = Object.keys(MANIFEST);
  let next = 0;
  const lane = async () => {
    while (next < names.length) await precacheOne(names[next++]);
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
}

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (OURS.test(name) && name !== RUNTIME_CACHE && name !== SITE_CACHE) await caches.delete(name);
      }
      await self.clients.claim(); // only tabs no worker controls: the first visit's
    })(),
  );
});

/** The cached copy of `name`, if it still matches the manifest. */
async function fromCache(name) {
  try {
    const cached = await (await cacheFor(name)).match(new URL(name, SCOPE));
    return cached && (await matches(name, cached)) ? cached : null;
  } catch {
    return null; // storage trouble: the network decides
  }
}

async function pageFirstFromNetwork(request, name) {
  // Revalidated with the server: the HTTP cache may still hold the page of a build
  // the server no longer has (GitHub Pages caches pages for 10 minutes).
  const network = fetch(new Request(request, { cache: "no-cache" }));
  const timeout = new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS, null));
  const first = await Promise.race([network.catch(() => null), timeout]);
  if (first) return first;
  const cached = await fromCache(name);
  return cached || network; // nothing cached: whatever the network says, in the end
}

async function cacheFirst(request, name) {
  return (await fromCache(name)) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  url.hash = "";
  let name = key(url);
  if (request.mode === "navigate" && !Object.hasOwn(MANIFEST, name)) {
    url.search = ""; // a page asked for with a query: the page itself
    name = key(url);
  }
  if (!Object.hasOwn(MANIFEST, name)) return; // not this build's: the network decides
  if (request.mode === "navigate" || isPage(name)) event.respondWith(pageFirstFromNetwork(request, name));
  else event.respondWith(cacheFirst(request, name));
});
