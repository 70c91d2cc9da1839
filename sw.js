// The playground's service worker: offline use and instant repeat visits.
//
// script/build fills in VERSION (a hash of every file below) and the lists. On install it stores
// the whole site of its version in one cache (the pages, the engine, the styles, every lesson's
// file); from then on it answers from that cache first. A new deployment is a new sw.js: the
// browser fetches it on the next visit, installs it beside the old one and switches to it; that
// visit still runs wholly on the old version's files (the previous cache is kept), the next one
// wholly on the new. Hashed names mean two versions never share a file name with different
// contents, so no page ever mixes the two.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__; // every file to store, relative to this script
const PAGES = __PAGES__; // lesson slug -> its page with the lesson already in it
const CACHE = `playground-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Keep this version and the one before it (a page opened before the switch still needs its
  // files); drop the rest.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const ours = keys.filter((k) => k.startsWith('playground-') && k !== CACHE);
        return Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

const scope = new URL(self.registration.scope);

/** The stored page for a navigation: a lesson's own page for `?lesson=SLUG`, else index.html. */
function pageFor(url) {
  const rest = url.pathname.slice(scope.pathname.length);
  if (rest !== '' && rest !== 'index.html') return null;
  const slug = url.searchParams.get('lesson');
  return new URL(Object.hasOwn(PAGES, slug) ? PAGES[slug] : 'index.html', scope).href;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (req.mode === 'navigate') {
    const page = pageFor(url);
    if (!page) return;
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(page))
        .then((hit) => hit || fetch(req)),
    );
    return;
  }
  // Hashed files are the same in every cache that has them: this version's, or the previous
  // one's for a page opened before the switch.
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
