#!/usr/bin/env node
/**
 * Offline check of manifest.xml. `office-addin-manifest validate` posts the manifest to a
 * Microsoft web service; this covers what breaks sideloading in practice and runs anywhere.
 *
 *   node scripts/check-manifest.js [manifest.xml] [--root DIR] [--pages]
 *
 * --root: directory the manifest's URLs are served from (default: the manifest's directory).
 * --pages: also require the .html pages to exist under --root (use on dist/).
 * Exit code 1 and one line per problem when something is wrong.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { parseXml } = require('./xml-lite');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

/** OfficeApp's xs:sequence for a task pane add-in (AlternateId is optional and unused). */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED = OFFICE_APP_ORDER.filter((n) => n !== 'AlternateId');
const ORDERS = {
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'EquivalentAddins', 'WebApplicationInfo'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

const EXPECTED = {
  displayName: '協働推進計画 進捗チェック',
  locale: 'ja-JP',
  overrideLocale: 'en-US',
  excelApi: '1.13',
  page: 'taskpane.html',
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const LIMITS = { ShortStrings: 125, LongStrings: 250, DisplayName: 125, Description: 250, resid: 32 };

const children = (el, local) => el.children.filter((c) => local === undefined || c.local === local);
const child = (el, local) => (el ? el.children.find((c) => c.local === local) : undefined);
const attr = (el, local, ns = '') => {
  const a = el && el.attributes.find((x) => x.local === local && x.ns === ns);
  return a ? a.value : undefined;
};
const xsiType = (el) => attr(el, 'type', NS.xsi);

function walk(el, visit, parents = []) {
  visit(el, parents);
  for (const c of el.children) walk(c, visit, parents.concat(el));
}

function checkOrder(el, order, problems) {
  let last = -1;
  for (const c of el.children) {
    const i = order.indexOf(c.local);
    if (i < 0) {
      problems.push(`${c.line} 行目: <${el.local}> の中に <${c.local}> は書けません（スキーマにない要素）`);
      continue;
    }
    if (i < last) {
      problems.push(`${c.line} 行目: <${c.local}> は <${order[last]}> より前に書く必要があります（スキーマの順序）`);
    }
    last = Math.max(last, i);
  }
}

/** Reads width/height from a PNG's IHDR; undefined when the file is not a PNG. */
function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47 || buf.toString('ascii', 12, 16) !== 'IHDR') {
    return undefined;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Checks manifest text; returns a list of problems (empty when fine), in Japanese, with lines.
 * options.rootDir: where the URLs' files live (the repo root for the source manifest, dist/
 * for a build). options.pages: also require same-origin .html pages to exist there.
 */
function checkManifest(xml, options = {}) {
  const problems = [];
  let doc;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return [`XML として読めません: ${e.message}`];
  }
  const root = doc.root;
  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    return [`ルート要素は ${NS.app} 名前空間の <OfficeApp> である必要があります（実際: <${root.name}>）`];
  }
  if (xsiType(root) !== 'TaskPaneApp') problems.push('OfficeApp の xsi:type は TaskPaneApp である必要があります');

  checkOrder(root, OFFICE_APP_ORDER, problems);
  for (const name of REQUIRED) {
    const n = children(root, name).length;
    if (n === 0) problems.push(`<${name}> がありません`);
    if (n > 1) problems.push(`<${name}> が ${n} 個あります（1 個だけ書けます）`);
  }

  const text = (name) => (child(root, name) ? child(root, name).text.trim() : undefined);
  const id = text('Id');
  if (id !== undefined && !GUID.test(id)) problems.push(`Id が GUID ではありません: ${id}`);
  const version = text('Version');
  if (version !== undefined && !VERSION.test(version)) {
    problems.push(`Version は n.n.n.n 形式である必要があります: ${version}`);
  }
  if (text('DefaultLocale') !== undefined && text('DefaultLocale') !== EXPECTED.locale) {
    problems.push(`DefaultLocale は ${EXPECTED.locale} である必要があります: ${text('DefaultLocale')}`);
  }
  if (text('Permissions') !== undefined && text('Permissions') !== 'ReadWriteDocument') {
    problems.push(`Permissions は ReadWriteDocument である必要があります: ${text('Permissions')}`);
  }

  for (const name of ['DisplayName', 'Description']) {
    const el = child(root, name);
    if (!el) continue;
    const value = attr(el, 'DefaultValue');
    if (!value) problems.push(`<${name}> に DefaultValue がありません`);
    else if (value.length > LIMITS[name]) problems.push(`<${name}> が ${LIMITS[name]} 文字を超えています`);
    checkOverrides(el, name, problems, LIMITS[name]);
  }
  const displayName = attr(child(root, 'DisplayName'), 'DefaultValue');
  if (displayName !== undefined && displayName !== EXPECTED.displayName) {
    problems.push(`DisplayName は「${EXPECTED.displayName}」である必要があります: 「${displayName}」`);
  }

  const hosts = child(root, 'Hosts');
  if (hosts && !children(hosts, 'Host').some((h) => attr(h, 'Name') === 'Workbook')) {
    problems.push('<Hosts> に <Host Name="Workbook"/> がありません');
  }
  const sets = child(child(root, 'Requirements'), 'Sets');
  const excelSet = sets && children(sets, 'Set').find((s) => attr(s, 'Name') === 'ExcelApi');
  if (!excelSet) problems.push('<Requirements> に ExcelApi の <Set> がありません');
  else {
    const min = attr(excelSet, 'MinVersion') || attr(sets, 'DefaultMinVersion');
    if (min !== EXPECTED.excelApi) problems.push(`ExcelApi の MinVersion は ${EXPECTED.excelApi} である必要があります: ${min}`);
  }

  const sourceEl = child(child(root, 'DefaultSettings'), 'SourceLocation');
  const source = attr(sourceEl, 'DefaultValue');
  let base;
  if (!source) problems.push('<DefaultSettings> に <SourceLocation DefaultValue="…"> がありません');
  else if (!source.endsWith(`/${EXPECTED.page}`)) {
    problems.push(`SourceLocation は ${EXPECTED.page} を指す必要があります: ${source}`);
  } else base = source.slice(0, -EXPECTED.page.length);

  checkUrls(root, problems);
  const resources = checkVersionOverrides(root, problems);
  checkFiles(root, resources, base, options, problems);
  return problems;
}

function checkOverrides(el, what, problems, limit) {
  const overrides = children(el, 'Override');
  if (!overrides.some((o) => attr(o, 'Locale') === EXPECTED.overrideLocale)) {
    problems.push(`${el.line} 行目: ${what} に ${EXPECTED.overrideLocale} の <Override> がありません`);
  }
  for (const o of overrides) {
    if (!attr(o, 'Locale') || attr(o, 'Value') === undefined) {
      problems.push(`${o.line} 行目: <Override> には Locale と Value が必要です`);
    } else if (limit && attr(o, 'Value').length > limit) {
      problems.push(`${o.line} 行目: ${what} の ${attr(o, 'Locale')} 訳が ${limit} 文字を超えています`);
    }
  }
}

const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url']);

function isHttpsUrl(value) {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function checkUrls(root, problems) {
  walk(root, (el, parents) => {
    for (const a of el.attributes) {
      if (a.ns === 'http://www.w3.org/2000/xmlns/') continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value) && !a.value.startsWith('https://')) {
        problems.push(`${el.line} 行目: URL は https である必要があります: ${a.value}`);
      }
    }
    if (el.local === 'AppDomain' && !isHttpsUrl(el.text.trim())) {
      problems.push(`${el.line} 行目: AppDomain は https:// で始まる URL である必要があります: ${el.text.trim()}`);
    }
    // Elements that hold a URL (not a resid reference), and the Overrides of those elements.
    const holder = el.local === 'Override' ? parents[parents.length - 1] : el;
    if (!URL_ELEMENTS.has(holder.local) || attr(holder, 'resid') !== undefined) return;
    for (const v of [attr(el, 'DefaultValue'), attr(el, 'Value')]) {
      if (v !== undefined && !isHttpsUrl(v)) {
        problems.push(`${el.line} 行目: <${holder.local}> の値が https の URL ではありません: ${v}`);
      }
    }
  });
}

const RES_KIND = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function checkVersionOverrides(root, problems) {
  const resources = new Map(); // id -> { kind, el, value }
  const vo = child(root, 'VersionOverrides');
  if (!vo) return resources;
  if (vo.ns !== NS.ov) problems.push(`VersionOverrides の名前空間は ${NS.ov} である必要があります`);
  if (xsiType(vo) !== 'VersionOverridesV1_0') problems.push('VersionOverrides の xsi:type は VersionOverridesV1_0 である必要があります');

  walk(vo, (el) => {
    if (ORDERS[el.local] && el.ns !== NS.bt) checkOrder(el, ORDERS[el.local], problems);
  });

  const res = child(vo, 'Resources');
  if (!res) problems.push('<VersionOverrides> に <Resources> がありません');
  else {
    for (const group of res.children) {
      const itemName = group.local === 'Images' ? 'Image' : group.local === 'Urls' ? 'Url' : 'String';
      for (const item of group.children) {
        if (item.ns !== NS.bt || item.local !== itemName) {
          problems.push(`${item.line} 行目: <bt:${group.local}> の中は <bt:${itemName}> だけです`);
          continue;
        }
        const rid = attr(item, 'id');
        if (!rid) {
          problems.push(`${item.line} 行目: リソースに id がありません`);
          continue;
        }
        if (resources.has(rid)) problems.push(`${item.line} 行目: リソース id「${rid}」が重複しています`);
        if (rid.length > LIMITS.resid) problems.push(`${item.line} 行目: リソース id「${rid}」が ${LIMITS.resid} 文字を超えています`);
        const value = attr(item, 'DefaultValue');
        if (value === undefined || value === '') problems.push(`${item.line} 行目: リソース「${rid}」に DefaultValue がありません`);
        resources.set(rid, { kind: group.local, el: item, value });
        if (group.local === 'ShortStrings' || group.local === 'LongStrings') {
          const limit = LIMITS[group.local];
          if (value && value.length > limit) problems.push(`${item.line} 行目: 「${rid}」が ${limit} 文字を超えています`);
          if (value && !JAPANESE.test(value)) problems.push(`${item.line} 行目: 「${rid}」の既定値（ja-JP）が日本語ではありません`);
          checkOverrides(item, `「${rid}」`, problems, limit);
        }
      }
    }
  }

  const used = new Set();
  walk(vo, (el, parents) => {
    const rid = attr(el, 'resid');
    if (rid === undefined) return;
    used.add(rid);
    const r = resources.get(rid);
    if (!r) {
      problems.push(`${el.line} 行目: resid「${rid}」に対応するリソースがありません`);
      return;
    }
    const inResources = parents.some((p) => p.local === 'Resources');
    if (inResources) return;
    const want = el.local === 'Image' ? 'Images' : RES_KIND[el.local];
    if (want && r.kind !== want) {
      problems.push(`${el.line} 行目: <${el.local}> の resid「${rid}」は bt:${want} のリソースである必要があります（実際: bt:${r.kind}）`);
    }
  });
  for (const [rid, r] of resources) {
    if (!used.has(rid)) problems.push(`${r.el.line} 行目: リソース「${rid}」はどこからも使われていません`);
  }

  const host = (child(vo, 'Hosts') ? children(child(vo, 'Hosts'), 'Host') : []).find((h) => xsiType(h) === 'Workbook');
  if (!host) {
    problems.push('VersionOverrides に <Host xsi:type="Workbook"> がありません');
    return resources;
  }
  const dff = child(host, 'DesktopFormFactor');
  if (!child(dff, 'FunctionFile')) problems.push('<DesktopFormFactor> に <FunctionFile> がありません');
  const ext = dff && children(dff, 'ExtensionPoint').find((e) => xsiType(e) === 'PrimaryCommandSurface');
  const tab = ext && children(ext, 'OfficeTab').find((t) => attr(t, 'id') === 'TabHome');
  if (!tab) {
    problems.push('リボンの [ホーム] タブ（<OfficeTab id="TabHome">）がありません');
    return resources;
  }
  const groups = children(tab, 'Group');
  if (groups.length === 0) problems.push('<OfficeTab id="TabHome"> に <Group> がありません');
  let showsPane = false;
  walk(tab, (el) => {
    if (el.local === 'Icon') {
      const sizes = children(el, 'Image').map((i) => attr(i, 'size'));
      for (const s of ['16', '32', '80']) {
        if (!sizes.includes(s)) problems.push(`${el.line} 行目: <Icon> に ${s}px の画像がありません`);
      }
    }
    if (el.local === 'Action' && xsiType(el) === 'ShowTaskpane') {
      const r = resources.get(attr(child(el, 'SourceLocation'), 'resid'));
      if (r && r.value && r.value.endsWith(`/${EXPECTED.page}`)) showsPane = true;
    }
  });
  if (!showsPane) problems.push(`[ホーム] タブに ${EXPECTED.page} を開く ShowTaskpane のボタンがありません`);
  return resources;
}

function checkFiles(root, resources, base, options, problems) {
  if (!base) return;
  const rootDir = options.rootDir;
  if (!rootDir) return;
  const toFile = (url) => (url.startsWith(base) ? path.join(rootDir, ...url.slice(base.length).split('/')) : undefined);
  const icons = [
    { url: attr(child(root, 'IconUrl'), 'DefaultValue'), size: 32, what: 'IconUrl' },
    { url: attr(child(root, 'HighResolutionIconUrl'), 'DefaultValue'), size: 64, what: 'HighResolutionIconUrl' },
  ];
  const sizeOf = new Map();
  walk(root, (el) => {
    if (el.local === 'Image' && attr(el, 'resid') && attr(el, 'size')) sizeOf.set(attr(el, 'resid'), Number(attr(el, 'size')));
  });
  for (const [rid, r] of resources) {
    if (r.kind === 'Images') icons.push({ url: r.value, size: sizeOf.get(rid), what: `画像リソース「${rid}」` });
  }
  for (const icon of icons) {
    if (!icon.url) continue;
    const file = toFile(icon.url);
    if (!file) {
      problems.push(`${icon.what} が ${base} の下にありません: ${icon.url}`);
      continue;
    }
    if (!/\/assets\/[^/]+\.png$/.test(icon.url)) problems.push(`${icon.what} は assets/ の PNG を指す必要があります: ${icon.url}`);
    if (!fs.existsSync(file)) {
      problems.push(`${icon.what} のファイルがありません: ${path.relative(process.cwd(), file)}`);
      continue;
    }
    const dim = pngSize(file);
    if (!dim) problems.push(`${icon.what} が PNG ではありません: ${file}`);
    else if (icon.size && (dim.width !== icon.size || dim.height !== icon.size)) {
      problems.push(`${icon.what} は ${icon.size}x${icon.size} である必要があります（実際: ${dim.width}x${dim.height}）`);
    }
  }
  if (options.pages) {
    const pages = [base + EXPECTED.page];
    for (const r of resources.values()) if (r.kind === 'Urls' && r.value && r.value.startsWith(base)) pages.push(r.value);
    for (const url of pages) {
      const file = toFile(url.split(/[?#]/)[0]);
      if (file && !fs.existsSync(file)) problems.push(`ページがありません: ${url}（${path.relative(process.cwd(), file)}）`);
    }
  }
}

function main(argv) {
  const args = argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const rootArg = flag('--root');
  const pages = args.includes('--pages');
  const file = path.resolve(args.filter((a) => a !== '--pages')[0] || 'manifest.xml');
  const problems = checkManifest(fs.readFileSync(file, 'utf8'), { rootDir: path.resolve(rootArg || path.dirname(file)), pages });
  if (problems.length) {
    console.error(`${path.relative(process.cwd(), file)}: ${problems.length} 件の問題`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  } else {
    console.log(`${path.relative(process.cwd(), file)}: 問題は見つかりませんでした`);
  }
}

if (require.main === module) main(process.argv);

module.exports = { checkManifest, EXPECTED, OFFICE_APP_ORDER };
