'use strict';
/**
 * Runs one `shinchoku compile` in this (child) process and prints its exit code, wall time and
 * the process's peak resident memory as JSON: the bench's memory figures are compile's own.
 */
const path = require('path');
const { main } = require(path.join(__dirname, '..', 'dist-cli', 'cli', 'main'));

(async () => {
  let out = '';
  const io = { out: (t) => (out += t), err: (t) => (out += t), interactive: false };
  const t = process.hrtime.bigint();
  const code = await main(['compile', ...process.argv.slice(2)], io);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, out: out.slice(0, 4000) }));
})();
