#!/usr/bin/env node
/**
 * `npm start`: serves the add-in on https://localhost:3000 with webpack-dev-server and explains
 * how to sideload manifest.xml. Certificates: office-addin-dev-certs when it can install its CA
 * (it needs sudo on Linux, admin prompts on Windows/Mac), otherwise a self-signed certificate in
 * .certs/, otherwise plain http with a warning. Never throws a stack trace at the user.
 *
 *   node scripts/start.js [--port 3000] [--self-signed]
 *   KYODO_CERTS=self  same as --self-signed (skip office-addin-dev-certs)
 */
'use strict';
const path = require('path');
const { spawn } = require('child_process');
const certs = require('./certs');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const PORT = portArg >= 0 ? Number(args[portArg + 1]) : 3000;
const SKIP_DEV_CERTS = args.includes('--self-signed') || process.env.KYODO_CERTS === 'self';

const warn = (ja, en) => console.warn(`\n⚠ ${ja}\n  ${en}\n`);

/**
 * Runs office-addin-dev-certs in a child process with a time limit: on Linux it calls sudo,
 * which must fail fast instead of waiting for a password nobody is asked for (the child has no
 * terminal there). On Windows/Mac the OS shows its own trust prompt, so it gets longer.
 */
function tryDevCerts() {
  if (SKIP_DEV_CERTS) return Promise.resolve(undefined);
  const linux = process.platform === 'linux';
  const script =
    "require('office-addin-dev-certs').getHttpsServerOptions().then(() => process.exit(0), (e) => { console.error(String(e && e.message || e)); process.exit(1); })";
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(process.execPath, ['-e', script], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: linux,
        env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_LEVEL: 'off' },
      });
    } catch {
      resolve(undefined);
      return;
    }
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(
      () => {
        try {
          child.kill();
        } catch {
          // already gone
        }
      },
      linux ? 60_000 : 300_000,
    );
    child.on('error', () => resolve(undefined));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) {
        const found = certs.readValid(certs.DEV_CERTS);
        if (found) {
          resolve({ ...found, source: 'office-addin-dev-certs' });
          return;
        }
      }
      if (stderr.trim()) console.warn(`  office-addin-dev-certs: ${stderr.trim().split('\n')[0]}`);
      resolve(undefined);
    });
  });
}

async function httpsOptions() {
  const dev = await tryDevCerts();
  if (dev) return dev;
  let local;
  try {
    local = certs.localCertificates();
  } catch {
    local = undefined;
  }
  if (local) {
    warn(
      `信頼された開発用証明書を導入できなかったため、自己署名証明書（${local.source}）を使います: ${certs.LOCAL.cert}\n` +
        `  Excel on the web で使う前に、同じブラウザーで https://localhost:${PORT}/taskpane.html を開き、警告画面から「詳細設定 > localhost にアクセスする」で一度許可してください。\n` +
        '  証明書を OS に信頼させるには: npx office-addin-dev-certs install（Linux では sudo が必要）',
      `No trusted dev certificate could be installed; using a self-signed one (${local.source}). Open https://localhost:${PORT}/taskpane.html once in the same browser and accept the warning before sideloading in Excel on the web, or run "npx office-addin-dev-certs install" (sudo on Linux).`,
    );
    return local;
  }
  warn(
    '証明書を用意できなかったため http で起動します。Excel は https のアドインしか読み込めません。画面の確認だけに使ってください。',
    'Could not prepare any certificate: serving over http. Excel only loads https add-ins; use this for layout checks only.',
  );
  return undefined;
}

function printSideloadHelp(url) {
  const wef = '~/Library/Containers/com.microsoft.Excel/Data/Documents/wef';
  console.log(`
──────────────────────────────────────────────────────────────
協働推進計画 進捗チェック — 開発サーバー: ${url}
マニフェスト / Manifest: ${MANIFEST}

■ Excel on the web
  ブックを開き、[ホーム] > [アドイン] > [その他の設定]（または [アドインの詳細]）>
  [個人用アドインのアップロード] で manifest.xml を選びます。
  Home > Add-ins > More Settings (Advanced…) > Upload My Add-in, then choose manifest.xml.

■ Excel (Windows デスクトップ / Windows desktop)
  1. manifest.xml を置くフォルダーを作って共有し（例: \\\\PC名\\addins）、manifest.xml をコピーします。
  2. [ファイル] > [オプション] > [トラスト センター] > [トラスト センターの設定] > [信頼できるアドイン カタログ] で
     共有フォルダーの URL を追加し、「メニューに表示する」をオンにして Excel を再起動します。
  3. [ホーム] > [アドイン] > [その他のアドイン] > [共有フォルダー] から追加します。
  Share a folder containing manifest.xml, add it under File > Options > Trust Center > Trust Center
  Settings > Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel, then Home > Add-ins >
  More Add-ins > SHARED FOLDER.

■ Excel (Mac)
  manifest.xml を ${wef} にコピーし（フォルダーがなければ作成）、Excel を再起動して
  [ホーム] > [アドイン] から追加します。
  Copy manifest.xml to ${wef} (create it if missing), restart Excel, then Home > Add-ins.

■ Linux
  デスクトップ版 Excel はなく、office-addin-debugging start も Linux では使えません。Excel on the web を使ってください。
  There is no desktop Excel and office-addin-debugging start does not work on Linux: use Excel on the web.

リボンの [ホーム] タブに「提出前チェック」ボタンが出ます。停止は Ctrl+C。
The "提出前チェック" (Check Before Submitting) button appears on the Home tab. Stop with Ctrl+C.
──────────────────────────────────────────────────────────────`);
}

async function main() {
  let webpack;
  let WebpackDevServer;
  try {
    webpack = require('webpack');
    WebpackDevServer = require('webpack-dev-server');
  } catch {
    warn('webpack が見つかりません。npm install を実行してください。', 'webpack is not installed: run npm install.');
    process.exitCode = 1;
    return;
  }
  const tls = await httpsOptions();
  const config = require('../webpack.config.js')({ WEBPACK_SERVE: true }, { mode: 'development' });
  const devServer = {
    ...config.devServer,
    port: PORT,
    server: tls ? { type: 'https', options: { key: tls.key, cert: tls.cert, ...(tls.ca ? { ca: tls.ca } : {}) } } : 'http',
  };
  const server = new WebpackDevServer(devServer, webpack(config));
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await server.start();
  } catch (e) {
    const inUse = e && e.code === 'EADDRINUSE';
    warn(
      inUse
        ? `ポート ${PORT} は使用中です。ほかの開発サーバーを止めるか --port で変えてください（manifest.xml の URL も合わせて変更が必要です）。`
        : `開発サーバーを起動できませんでした: ${e && e.message}`,
      inUse
        ? `Port ${PORT} is in use: stop the other server or pass --port (and change manifest.xml to match).`
        : `The dev server did not start: ${e && e.message}`,
    );
    process.exitCode = 1;
    return;
  }
  printSideloadHelp(`${tls ? 'https' : 'http'}://localhost:${PORT}/taskpane.html`);
  console.log(`証明書 / Certificate: ${tls ? tls.source : 'なし / none (http)'}`);
}

main().catch((e) => {
  warn(`起動中にエラーが発生しました: ${e && e.message}`, `Start failed: ${e && e.message}`);
  process.exitCode = 1;
});
