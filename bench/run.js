'use strict';
/**
 * `npm run bench`: runs every bench registered below, one after another, in one process.
 * Other benches hook in by adding { name, module } to BENCHES; each module exports run().
 */
const path = require('path');

const BENCHES = [
  { name: 'engine', module: './engine' },
  { name: 'compile', module: './compile' },
  { name: 'office', module: './office-syncs' },
  { name: 'pane', module: './pane-startup' },
  { name: 'protection', module: './protection' },
];

async function main() {
  const only = process.argv.slice(2);
  let failed = false;
  for (const b of BENCHES) {
    if (only.length > 0 && !only.includes(b.name)) continue;
    process.stdout.write(`== ${b.name}\n`);
    try {
      await require(path.join(__dirname, b.module)).run();
    } catch (err) {
      failed = true;
      process.stderr.write(`${b.name}: ${err && err.stack ? err.stack : err}\n`);
    }
  }
  if (failed) process.exitCode = 1;
}

main();
