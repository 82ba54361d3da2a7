'use strict';
/**
 * Runs one `shinchoku compile` (or, with `open FILE`, opens one submission as compile does) in
 * this child process and prints its outcome, wall time and the process's peak resident memory
 * as JSON: the bench's memory figures are that step's own, not the bench's.
 */
const path = require('path');
const dist = path.join(__dirname, '..', 'dist-cli');

(async () => {
  // Loaded before the clock starts: the time is the step's, not Node's start-up.
  const { openSubmission } = require(path.join(dist, 'cli', 'submissions'));
  const { main } = require(path.join(dist, 'cli', 'main'));
  const t = process.hrtime.bigint();
  let result;
  if (process.argv[2] === 'open') {
    const s = await openSubmission(process.argv[3]);
    result = { code: s.grid ? 0 : 1, out: (s.problems ?? []).join('\n') };
  } else {
    let out = '';
    const io = { out: (x) => (out += x), err: (x) => (out += x), interactive: false };
    result = { code: await main(['compile', ...process.argv.slice(2)], io), out: out.slice(0, 4000) };
  }
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ ...result, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
})();
