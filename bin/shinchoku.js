#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist-cli', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('shinchoku: CLI がビルドされていません。`npm ci` または `npm run build:cli` を実行してください。\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
