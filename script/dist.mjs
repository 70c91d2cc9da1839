// The last step of script/build, on the staging folder that becomes dist/:
//   1. gives the engine (pkg/) and the style sheets content-hashed names, so a host can let
//      browsers keep them forever, and points app.js and index.html at those names;
//   2. writes one page per lesson, dist/pages/SLUG.html: index.html with the lesson already in
//      it (app/prerender.rs renders it at build time) and a preload of its text file;
//   3. writes the service worker, sw.js, with the list of every file it stores;
//   4. compresses every text file and the wasm ahead of time, FILE.br (Brotli, quality 11) and
//      FILE.gz (gzip -9), for servers that send precompressed files (script/server's nginx).
// Node's own zlib does both compressions: nothing to install. The results are cached by content
// under target/, since Brotli 11 of the wasm takes seconds.
//
// Usage: node script/dist.mjs STAGE_DIR PRERENDER_JSON CACHE_DIR
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const [stage, prerenderJson, cacheDir] = process.argv.slice(2);
if (!cacheDir) throw new Error('usage: node script/dist.mjs STAGE_DIR PRERENDER_JSON CACHE_DIR');

const at = (rel) => path.join(stage, rel);
const read = (rel) => fs.readFileSync(at(rel));
const write = (rel, data) => {
  fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
  fs.writeFileSync(at(rel), data);
};
const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

/** Replaces every `from` in `text`, failing the build when there is none. */
function swap(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`${where} does not mention ${from}`);
  return text.split(from).join(to);
}

/** Renames `rel` to NAME.HASH.EXT (the hash of its content) and returns the new path. */
function hashName(rel) {
  const ext = path.extname(rel);
  const named = `${rel.slice(0, -ext.length)}.${hash(read(rel))}${ext}`;
  fs.renameSync(at(rel), at(named));
  return named;
}

// 1. Hashed names. The wasm first: app.js names it (as the default URL init() fetches).
const wasm = hashName('pkg/app_bg.wasm');
write('pkg/app.js', swap(read('pkg/app.js').toString(), "'app_bg.wasm'", `'${path.basename(wasm)}'`, 'pkg/app.js'));
const renamed = {
  'pkg/app_bg.wasm': wasm,
  'pkg/app.js': hashName('pkg/app.js'),
  'public/style.css': hashName('public/style.css'),
  'public/viz.css': hashName('public/viz.css'),
};
let index = read('index.html').toString();
for (const [from, to] of Object.entries(renamed)) index = swap(index, from, to, 'index.html');
write('index.html', index);

// 2. One page per lesson.
const pages = JSON.parse(fs.readFileSync(prerenderJson, 'utf8'));
const [head, rest] = index.split('<!-- build: preload -->');
const [body, tail] = rest.split('<!-- build: prerender -->');
const [, after] = tail.split('<!-- build: end -->');
if (head === undefined || body === undefined || after === undefined) {
  throw new Error('index.html lacks the build markers (preload, prerender, end)');
}
const pageOf = {};
for (const p of pages) {
  let html =
    head +
    `<link rel="preload" href="lessons/${p.text_file}" as="fetch" crossorigin>` +
    body +
    p.html +
    after;
  html = swap(html, '<title>Go anti-pattern playground</title>', `<title>${p.title}</title>`, 'index.html');
  html = html.replace(/(<meta name="description" content=")[^"]*(">)/, (_, a, b) => a + p.description + b);
  write(`pages/${p.slug}.html`, html);
  pageOf[p.slug] = `pages/${p.slug}.html`;
}

// 3. The service worker: everything a learner needs, offline, for every lesson.
function files(dir) {
  return fs.readdirSync(at(dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const assets = [
  'index.html',
  ...Object.values(pageOf),
  ...Object.values(renamed),
  'public/favicon.svg',
  'public/engine-worker.js',
  ...files('lessons').sort(),
];
const version = hash(Buffer.concat(assets.map((a) => Buffer.concat([Buffer.from(a), read(a)]))));
let sw = read('sw.js').toString();
sw = swap(sw, '__VERSION__', version, 'sw.js');
sw = swap(sw, '__ASSETS__', JSON.stringify(assets), 'sw.js');
sw = swap(sw, '__PAGES__', JSON.stringify(pageOf), 'sw.js');
write('sw.js', sw);

// 4. Precompressed copies of every file worth compressing.
fs.mkdirSync(cacheDir, { recursive: true });
const compressible = /\.(html|js|mjs|css|wasm|json|svg|txt|map)$/;
let raw = 0;
let br = 0;
let gz = 0;
for (const rel of files('.')) {
  if (!compressible.test(rel)) continue;
  const data = read(rel);
  const key = hash(data);
  const cached = (ext, make) => {
    const file = path.join(cacheDir, `${key}${ext}`);
    if (!fs.existsSync(file)) {
      fs.writeFileSync(`${file}.tmp`, make());
      fs.renameSync(`${file}.tmp`, file);
    }
    return fs.readFileSync(file);
  };
  const b = cached('.br', () =>
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_MODE]: rel.endsWith('.wasm')
          ? zlib.constants.BROTLI_MODE_GENERIC
          : zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  );
  const g = cached('.gz', () => zlib.gzipSync(data, { level: 9 }));
  // Only where it is smaller (a server sends the file itself otherwise).
  if (b.length < data.length) write(`${rel}.br`, b);
  if (g.length < data.length) write(`${rel}.gz`, g);
  raw += data.length;
  br += Math.min(b.length, data.length);
  gz += Math.min(g.length, data.length);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.error(
  `dist/: ${pages.length} lesson pages, sw.js version ${version}; ` +
    `precompressed ${kb(raw)} -> ${kb(br)} brotli, ${kb(gz)} gzip; wasm ${path.basename(wasm)}`,
);
