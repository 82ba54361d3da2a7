'use strict';
/**
 * Shared by the browser test (test/e2e) and the start-up benchmark (bench/pane-startup.js):
 * makes sure dist/ holds a current production build with a local office.js, takes a private
 * snapshot of it (so a concurrent rebuild cannot pull files away mid-run), and serves it.
 */
const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
/** What the build depends on: any of these newer than dist/taskpane.html makes dist/ stale. */
const BUILD_INPUTS = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'package-lock.json', 'tsconfig.json'];

function requireChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. The browser tests need Debian's Chromium and Japanese fonts: ` +
        '`apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
  return CHROMIUM;
}

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why dist/ cannot be used as it is, or undefined when it is a current local-office.js production build. */
function staleReason(dist = DIST, { ignoreSources = false } = {}) {
  const html = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(html)) return 'dist/taskpane.html is missing';
  const text = fs.readFileSync(html, 'utf8');
  if (!/office-js\/office\.js/.test(text)) return 'dist/ was not built with OFFICE_JS=local';
  if (!fs.existsSync(path.join(dist, 'office-js', 'office.js'))) return 'dist/office-js/office.js is missing';
  if (!/\.[0-9a-f]{8}\.js/.test(text)) return 'dist/ is not a production build (no hashed file names)';
  for (const m of text.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)) {
    if (!/^https?:/.test(m[1]) && !fs.existsSync(path.join(dist, m[1]))) return `dist/${m[1]} is missing`;
  }
  if (ignoreSources) return undefined;
  const built = fs.statSync(html).mtimeMs;
  const newest = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  if (newest > built) return 'sources changed since dist/ was built';
  return undefined;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One build at a time for this checkout (tests run in parallel workers; the bench may run too). */
async function withLock(fn, { timeoutMs = 15 * 60_000 } = {}) {
  const key = crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 12);
  const lock = path.join(os.tmpdir(), `kyodo-shinchoku-build-${key}.lock`);
  const start = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        // A lock left by a killed run.
        if (Date.now() - fs.statSync(lock).mtimeMs > timeoutMs) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for the build lock ${lock}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function webpackBin() {
  return path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
}

/** Builds dist/ (production, local office.js) unless it is already current. Returns what was done. */
async function ensureDist({ log = () => {} } = {}) {
  const before = staleReason();
  if (!before) return 'dist/ is current';
  return withLock(async () => {
    const reason = staleReason();
    if (!reason) return 'dist/ was built meanwhile';
    log(`Building dist/ (${reason}): webpack --mode production, OFFICE_JS=local …`);
    const env = { ...process.env, OFFICE_JS: 'local' };
    delete env.ADDIN_PUBLIC_URL;
    // Whole seconds: file systems with coarse timestamps must not make the build look older.
    const started = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { code, output } = await run(process.execPath, [webpackBin(), '--mode', 'production'], { cwd: ROOT, env });
    if (code !== 0) {
      throw new Error(`webpack --mode production failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`);
    }
    // The build is as new as the sources it started from: a file saved while webpack ran is
    // newer than the build (and triggers the next one), but does not fail this one.
    const html = path.join(DIST, 'taskpane.html');
    if (fs.existsSync(html)) fs.utimesSync(html, started, started);
    const after = staleReason(DIST, { ignoreSources: true });
    if (after) throw new Error(`dist/ is still not usable after building: ${after}`);
    return `built dist/ (${reason})`;
  });
}

function copyDir(from, to, skip) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (skip(entry.name)) continue;
    if (entry.isDirectory()) copyDir(src, dst, skip);
    else fs.copyFileSync(src, dst);
  }
}

const SKIP = (name) => name.endsWith('.map') || name.endsWith('.LICENSE.txt');

/** Names, sizes and times of everything copied: equal before and after means nobody rebuilt meanwhile. */
function listing(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listing(p, `${prefix}${entry.name}/`));
    else {
      const st = fs.statSync(p);
      out.push(`${prefix}${entry.name}:${st.size}:${st.mtimeMs}`);
    }
  }
  return out.sort().join('\n');
}

/**
 * A private copy of dist/ (without source maps) that no rebuild can change while it is served.
 * Other people rebuild dist/ too (with or without OFFICE_JS=local): the copy is retried until it
 * is a consistent, usable build, rebuilding when needed.
 */
async function snapshotDist(prefix = 'pane-dist-', { log = () => {} } = {}) {
  let problem = '';
  for (let attempt = 1; attempt <= 4; attempt++) {
    await ensureDist({ log });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    try {
      const before = listing(DIST);
      copyDir(DIST, dir, SKIP);
      const after = listing(DIST);
      const reason = staleReason(dir, { ignoreSources: true });
      if (before === after && !reason) return dir;
      problem = before !== after ? 'dist/ changed while it was copied' : reason;
    } catch (err) {
      problem = `copying dist/ failed: ${err.message}`;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    log(`dist/ snapshot attempt ${attempt}: ${problem}; retrying`);
    await sleep(2000);
  }
  throw new Error(`Could not take a consistent copy of dist/: ${problem}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A tiny static file server on 127.0.0.1 and a random port. */
function serveDir(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let file;
    try {
      const url = new URL(req.url || '/', 'http://127.0.0.1');
      file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

module.exports = {
  ROOT,
  DIST,
  CHROMIUM,
  CHROMIUM_ARGS,
  requireChromium,
  staleReason,
  ensureDist,
  withLock,
  run,
  webpackBin,
  snapshotDist,
  serveDir,
};
