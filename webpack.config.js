/**
 * Builds the add-in's web part: the task pane and the ribbon's function file.
 *
 *   npx webpack --mode production    → dist/ for hosting (hashed file names)
 *   npx webpack --mode development   → dist/ for local use
 *   node scripts/start.js            → dev server on https://localhost:3000
 *
 * Environment:
 *   ADDIN_PUBLIC_URL  production only: where dist/ will be served. Every https://localhost:3000/
 *                     in manifest.xml is replaced with it when copied to dist/ (default: unchanged).
 *   OFFICE_JS=local   reference a local copy of office.js (from @microsoft/office-js) instead of
 *                     the Microsoft CDN, for offline development and browser tests. Outside Office
 *                     the pane then starts in no-host mode as usual.
 * The same settings as webpack --env (works in any shell): --env publicUrl=https://… --env officeJs=local
 */
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/package.json'));
/**
 * What office.js loads next to itself inside Excel 16 (web, Windows, Mac): the host script and
 * the ja-JP/en-US strings. The other ~80 locales and hosts stay out of dist/.
 */
const LOCAL_OFFICE_FILES = [
  'office.js',
  // office.js asks for this table before it can answer Office.onReady outside Office.
  'o15apptofilemappingtable.js',
  'excel-web-16.00.js',
  'excel-web-16.00-core.js',
  'excel-win32-16.00.js',
  'excel-win32-16.01.js',
  'excel-win32-16.01-core.js',
  'excel-mac-16.00.js',
  'excel-mac-16.00-core.js',
  'ja-jp/office_strings.js',
  'en-us/office_strings.js',
];

function publicUrl(env) {
  const url = env.publicUrl || process.env.ADDIN_PUBLIC_URL || DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PUBLIC_URL must be an https URL: ${url}`);
  return url.endsWith('/') ? url : `${url}/`;
}

/** Dev server HTTPS from certificates that already exist; installing one is start.js's job. */
function devServerHttps() {
  try {
    const found = require('./scripts/certs').existingCertificates();
    if (found) return { type: 'https', options: { key: found.key, cert: found.cert, ca: found.ca } };
  } catch {
    // fall through: webpack-dev-server makes its own self-signed certificate
  }
  return 'https';
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const localOffice = (env.officeJs || process.env.OFFICE_JS) === 'local';
  const officeJsUrl = localOffice ? 'office-js/office.js' : CDN_OFFICE_JS;
  const targetUrl = production ? publicUrl(env) : DEV_URL;

  const html = (name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${name}/${name}.html`,
      chunks: [name],
      templateParameters: { officeJsUrl },
    });

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    target: 'web',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative to the page: dist/ can be served from any path under ADDIN_PUBLIC_URL.
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // ExcelJS's browser build bundles its own zip/stream shims; the Node entry would pull
      // Node built-ins into the pane.
      alias: { exceljs$: 'exceljs/dist/exceljs.min.js' },
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        zlib: false,
        util: false,
        buffer: false,
        events: false,
        url: false,
        http: false,
        https: false,
        net: false,
        tls: false,
        child_process: false,
        worker_threads: false,
      },
    },
    module: {
      // Already a self-contained minified UMD bundle: parsing it only costs time and warnings.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules so webpack can split dynamic import() into lazy chunks; type checking
            // runs separately (tsc --noEmit), so the loader only transpiles.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS is ~1 MB: only loaded when a file is opened, in a chunk of its own.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    plugins: [
      html('taskpane'),
      html('commands'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // Production: point every URL of the manifest at ADDIN_PUBLIC_URL.
            transform: (content) => (production ? content.toString().split(DEV_URL).join(targetUrl) : content),
          },
          ...(localOffice
            ? LOCAL_OFFICE_FILES.map((file) => ({ from: path.join(OFFICE_JS_DIR, 'dist', file), to: `office-js/${file}` }))
            : []),
        ],
      }),
    ],
    performance: { hints: false },
    stats: {
      preset: 'normal',
      // One flat list of every emitted file with its size, largest first.
      assets: true,
      cachedAssets: true,
      groupAssetsByPath: false,
      groupAssetsByInfo: false,
      groupAssetsByChunk: false,
      groupAssetsByEmitStatus: false,
      groupAssetsByExtension: false,
      assetsSort: '!size',
      assetsSpace: 100,
      relatedAssets: false,
      chunks: false,
      modules: false,
      children: false,
    },
    devServer: {
      port: 3000,
      // Only this machine: the dev server has no business being reachable from the LAN.
      host: 'localhost',
      server: env.WEBPACK_SERVE ? devServerHttps() : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
      // Excel loads the pane from https://localhost:3000 inside its own webview.
      allowedHosts: ['localhost', '127.0.0.1'],
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.CDN_OFFICE_JS = CDN_OFFICE_JS;
