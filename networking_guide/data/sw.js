/* The guide's service worker (networking_guide/installable.py). Made by the build: its version
 * is a hash of the site's files, and the lists below are the site's own files with a hash of
 * each one's content. */
"use strict";

const VERSION = {{ version }};
const PREFIX = "networking-guide-";
const SHARED = {{ shared }};
const LANGUAGES = {{ languages }};
// On a poor connection, wait this long for the network before answering a page from the cache.
const NETWORK_TIMEOUT = 3000;
// A few downloads at a time: a phone on a weak connection keeps answering the reader meanwhile.
const AT_ONCE = 6;

const ROOT = new URL("./", self.location);
const absolute = (path) => new URL(path, ROOT).href;
// Each cache holds, under this address, the list of its files and their hashes.
const CONTENTS = absolute("__networking-guide-cache-contents__");
const cacheName = (part, version = VERSION) => PREFIX + version + "-" + part;
const PARTS = Object.assign({ shared: SHARED }, LANGUAGES);
const KNOWN = new Map();
Object.entries(PARTS).forEach(([part, files]) => Object.keys(files).forEach((path) => KNOWN.set(absolute(path), cacheName(part))));

// A worker whose build has been replaced (a newer worker is installing, waiting or active)
// stops filling caches: the newer one keeps the reader's languages.
function superseded() {
  const me = self.serviceWorker;
  if (!me) return false;
  if (me.state === "redundant") return true;
  const registration = self.registration;
  return me.state === "activated" && [registration.installing, registration.waiting].some((other) => other && other !== me);
}

async function olderCaches() {
  return (await caches.keys()).filter((key) => key.startsWith(PREFIX) && !key.startsWith(PREFIX + VERSION + "-"));
}

async function contentsOf(cache) {
  const response = await cache.match(CONTENTS);
  return response ? response.json() : {};
}

// Fill this build's cache of one part (the shared files, or a language): a file an older cache
// holds with the same hash is copied from it; the others are fetched, past the HTTP cache.
async function fill(part) {
  const files = PARTS[part];
  const cache = await caches.open(cacheName(part));
  const present = new Set((await cache.keys()).map((request) => request.url));
  const missing = Object.keys(files).filter((path) => !present.has(absolute(path)));
  const older = [];
  for (const key of await olderCaches()) {
    if (key.endsWith("-" + part)) {
      const old = await caches.open(key);
      older.push([old, await contentsOf(old)]);
    }
  }
  async function keep(path) {
    for (const [old, contents] of older) {
      if (contents[path] === files[path]) {
        const response = await old.match(absolute(path));
        if (response) return cache.put(absolute(path), response);
      }
    }
    const response = await fetch(absolute(path), { cache: "no-cache" });
    if (response.ok) await cache.put(absolute(path), response);
  }
  for (let start = 0; start < missing.length; start += AT_ONCE) {
    if (superseded()) break;
    await Promise.all(missing.slice(start, start + AT_ONCE).map((path) => keep(path).catch(() => null)));
  }
  if (superseded()) {
    await caches.delete(cacheName(part));  // the newer worker may have removed it already
    return null;
  }
  const kept = await Promise.all(Object.keys(files).map((path) => cache.match(absolute(path))));
  const stillMissing = kept.filter((response) => !response).length;
  if (!stillMissing) {
    await cache.put(CONTENTS, new Response(JSON.stringify(files), { headers: { "Content-Type": "application/json" } }));
  }
  return stillMissing;
}

self.addEventListener("install", (event) => {
  // The shared files, and every language the reader kept with an older build. Without the
  // shared files the worker is not installed (the older one stays).
  event.waitUntil((async () => {
    if (await fill("shared")) throw new Error("the shared files could not be fetched");
    const kept = new Set((await olderCaches()).map((key) => key.slice(key.lastIndexOf("-") + 1)));
    for (const lang of Object.keys(LANGUAGES)) {
      if (kept.has(lang)) await fill(lang);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  // A new build's worker removes the caches of older builds, then takes over every open page.
  event.waitUntil((async () => {
    await Promise.all((await olderCaches()).map((key) => caches.delete(key)));
    await self.clients.claim();
  })());
});

// Answers go to the message's port when it has one (a MessageChannel), else to its page.
function reply(event, message) {
  const to = event.ports && event.ports[0] ? event.ports[0] : event.source;
  if (to) to.postMessage(message);
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-language" && Object.prototype.hasOwnProperty.call(LANGUAGES, data.language)) {
    event.waitUntil(fill(data.language).then((missing) =>
      reply(event, { type: "language-cached", language: data.language, version: VERSION, missing: missing })));
  } else if (data.type === "version") {
    reply(event, { type: "version", version: VERSION });
  }
});

function withTimeout(promise, milliseconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), milliseconds);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

function address(request) {
  // The cache's address of a request: no query, no fragment, a folder's index.html.
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return url.href;
}

async function fromCache(request) {
  const name = KNOWN.get(address(request));
  return name ? (await caches.open(name)).match(address(request)) : undefined;
}

async function page(request) {
  // Pages: the network first (a fresh page when online), the cache when it fails or is slow.
  // The cache is not updated here: it holds this build's files, as their hashes say.
  try {
    return await withTimeout(fetch(request), NETWORK_TIMEOUT);
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  // The files of one build do not change: the cache first, then the network.
  return (await fromCache(request)) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});
