#!/usr/bin/env node
/**
 * Requirement-set audit of the Excel side. Every Office/Excel member the source reaches (property
 * and element accesses, calls, destructuring, object literals given to set()/load(), and the paths
 * named in load('…') strings) is resolved with the TypeScript type
 * checker to its declaration in @types/office-js, whose JSDoc says `[Api set: ExcelApi 1.x]`.
 * A member newer than the manifest's minimum must be reached only inside the callback of
 * requires(supports, set, version, use) from src/workbook/office/requirements.ts, naming that set
 * at that version or later — either directly, or because every reference to the function that
 * reaches it is itself guarded. Anything else fails: on Excel 2021/2024 the pane would break.
 *
 *   node scripts/audit-office.js [--manifest manifest.xml] [--quiet] [file-or-dir …]
 *
 * Plain JS so that `npm test` runs it without a build step.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { parseXml } = require('./xml-lite');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_TARGETS = ['src/workbook/office', 'src/commands'];
const GUARD_FILE = /[\\/]workbook[\\/]office[\\/]requirements\.ts$/;
const OFFICE_TYPES = /[\\/]@types[\\/]office-js[\\/]/;
const API_SET = /\[Api set: (\w+) ([\d.]+)/;

/** "1.13" → [1, 13]: versions compare by number, not as text (1.9 < 1.13). */
function versionParts(v) {
  return v.split('.').map(Number);
}
function atLeast(have, need) {
  const a = versionParts(have);
  const b = versionParts(need);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** The ExcelApi minimum the manifest asks of the host (its <Set Name="ExcelApi" MinVersion>). */
function manifestMinimum(file) {
  const doc = parseXml(fs.readFileSync(file, 'utf8')).root;
  let found;
  const visit = (el) => {
    if (el.local === 'Sets') {
      const def = el.attributes.find((a) => a.local === 'DefaultMinVersion')?.value;
      for (const set of el.children.filter((c) => c.local === 'Set')) {
        if (set.attributes.find((a) => a.local === 'Name')?.value === 'ExcelApi') {
          found = set.attributes.find((a) => a.local === 'MinVersion')?.value ?? def;
        }
      }
    }
    el.children.forEach(visit);
  };
  visit(doc);
  if (!found) throw new Error(`${file}: <Set Name="ExcelApi"> が見つかりません`);
  return found;
}

function sourceFiles(targets) {
  const out = [];
  const walk = (p) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    else if (/\.tsx?$/.test(p) && !p.endsWith('.d.ts')) out.push(p);
  };
  for (const t of targets) walk(path.resolve(ROOT, t));
  return out;
}

function createProgram(files) {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return ts.createProgram(files, { ...options, noEmit: true, types: ['office-js'], typeRoots: [path.join(ROOT, 'node_modules/@types')] });
}

/**
 * Audits `targets` (files or directories, relative to the repository) against `minimum`.
 * Returns one row per place an Office member is reached.
 */
function audit(targets = DEFAULT_TARGETS, minimum = manifestMinimum(path.join(ROOT, 'manifest.xml'))) {
  const files = sourceFiles(targets);
  const program = createProgram(files);
  const checker = program.getTypeChecker();
  const scanned = new Set(files.map((f) => path.resolve(f)));
  const sources = program.getSourceFiles().filter((sf) => scanned.has(path.resolve(sf.fileName)));

  const resolve = (sym) => (sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym);
  const apiSetOf = (decl) => {
    for (const doc of ts.getJSDocCommentsAndTags(decl)) {
      const m = API_SET.exec(doc.getText());
      if (m) return { set: m[1], version: m[2] };
    }
    return undefined;
  };
  const isOffice = (decl) => OFFICE_TYPES.test(decl.getSourceFile().fileName);

  // Every reference to a symbol within the scanned files, to follow a function to its callers.
  const refs = new Map();
  const isDeclarationName = (id) => id.parent && 'name' in id.parent && id.parent.name === id && !ts.isPropertyAccessExpression(id.parent);
  const isImportOrExport = (id) => ts.isImportSpecifier(id.parent) || ts.isExportSpecifier(id.parent) || ts.isImportClause(id.parent);
  for (const sf of sources) {
    const visit = (node) => {
      if (ts.isIdentifier(node) && !isDeclarationName(node) && !isImportOrExport(node)) {
        const sym = resolve(checker.getSymbolAtLocation(node));
        if (sym) {
          if (!refs.has(sym)) refs.set(sym, []);
          refs.get(sym).push(node);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const isGuardCall = (call) => {
    if (!ts.isCallExpression(call)) return false;
    const sym = resolve(
      checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression),
    );
    const decl = sym?.declarations?.[0];
    return !!decl && sym.name === 'requires' && GUARD_FILE.test(decl.getSourceFile().fileName);
  };
  /** The set and version a requires() call names, when `use` is its last argument. */
  const guardOf = (use) => {
    const call = use.parent;
    if (!call || !isGuardCall(call) || call.arguments[call.arguments.length - 1] !== use) return undefined;
    const [, set, version] = call.arguments;
    if (!set || !version || !ts.isStringLiteralLike(set) || !ts.isStringLiteralLike(version)) return undefined;
    return { set: set.text, version: version.text };
  };
  /** A named function-like whose references are its callers: declaration, method, accessor, or const f = () => …. */
  const unitSymbol = (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
      return node.name ? checker.getSymbolAtLocation(node.name) : undefined;
    }
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parent) {
      const p = node.parent;
      if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) && p.initializer === node && ts.isIdentifier(p.name)) {
        return checker.getSymbolAtLocation(p.name);
      }
    }
    return undefined;
  };
  const isFunctionLike = (n) => ts.isFunctionLike(n) && !ts.isCallSignatureDeclaration(n);

  /**
   * Where `node` stops being guarded for set@version: undefined when every path to it is guarded,
   * else the unguarded place (a reference, or the function nobody in the scanned code calls).
   */
  const unguardedPath = (node, need, seen = new Set()) => {
    for (let n = node; n; n = n.parent) {
      // The `use` argument of a requires(): an inline callback, or a function passed by name.
      const g = guardOf(n);
      if (g && g.set === need.set && atLeast(g.version, need.version)) return undefined;
      if (!isFunctionLike(n)) continue;
      const sym = unitSymbol(n);
      if (sym) {
        if (seen.has(sym)) return n;
        const callers = refs.get(sym) ?? [];
        if (callers.length === 0) return n;
        const next = new Set(seen).add(sym);
        for (const ref of callers) {
          const bad = unguardedPath(ref, need, next);
          if (bad) return bad;
        }
        return undefined;
      }
      if (ts.isConstructorDeclaration(n)) return n;
    }
    return node.getSourceFile();
  };
  const place = (node) => {
    const sf = node.getSourceFile();
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return `${path.relative(ROOT, sf.fileName).split(path.sep).join('/')}:${line + 1}`;
  };
  const needsGuard = (api) => api.set.startsWith('Excel') && !(api.set === 'ExcelApi' && atLeast(minimum, api.version));

  const rows = [];
  const record = (node, decl, member) => {
    const api = apiSetOf(decl);
    const row = { member, set: api ? `${api.set} ${api.version}` : '—', at: place(node), status: 'minimum' };
    if (!api) row.status = 'no set';
    else if (needsGuard(api)) {
      const bad = unguardedPath(node, api);
      row.status = bad ? 'UNGUARDED' : 'guarded';
      if (bad) row.reachedFrom = place(bad);
    }
    rows.push(row);
  };
  const memberName = (sym, decl) => {
    const owner =
      decl.parent && decl.parent.name ? checker.getFullyQualifiedName(checker.getSymbolAtLocation(decl.parent.name) ?? sym) : '';
    return owner ? `${owner}.${sym.name}` : checker.getFullyQualifiedName(sym);
  };
  /** Members named in a load('a,b/c,items/d') string, walked on the receiver's type. */
  const loadPaths = (call, receiver, text) => {
    for (const p of text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      let type = checker.getTypeAtLocation(receiver);
      for (const segment of p.split('/')) {
        const prop = type.getProperty(segment);
        const decl = prop?.declarations?.[0];
        if (!prop || !decl) break;
        if (isOffice(decl)) record(call, decl, memberName(prop, decl));
        type = checker.getTypeOfSymbolAtLocation(prop, call);
        type = checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? type;
      }
    }
  };

  /** A member named by text on an Office type: ws['notes'], const { notes } = ws, range.set({ valuesAsJson }). */
  const recordByName = (node, type, name) => {
    const prop = checker.getNonNullableType(type).getProperty(name);
    const decl = prop?.declarations?.[0];
    if (prop && decl && isOffice(decl)) record(node, decl, memberName(prop, decl));
  };
  const nameText = (n) => (n && (ts.isIdentifier(n) || ts.isStringLiteralLike(n)) ? n.text : undefined);

  for (const sf of sources) {
    const visit = (node) => {
      if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        recordByName(node.argumentExpression, checker.getTypeAtLocation(node.expression), node.argumentExpression.text);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = nameText(node.propertyName ?? node.name);
        if (key) recordByName(node, checker.getTypeAtLocation(node.parent), key);
      } else if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        if (contextual) {
          for (const p of node.properties) {
            const key = (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && nameText(p.name);
            if (key) recordByName(p.name, contextual, key);
          }
        }
      }
      if (ts.isPropertyAccessExpression(node)) {
        const sym = resolve(checker.getSymbolAtLocation(node.name));
        let decl = sym?.declarations?.[0];
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
        if (call) decl = checker.getResolvedSignature(call)?.declaration ?? decl;
        if (sym && decl && isOffice(decl)) {
          record(node.name, decl, memberName(sym, decl));
          const first = call?.arguments[0];
          if (sym.name === 'load' && first && ts.isStringLiteralLike(first)) loadPaths(call, node.expression, first.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { minimum, files: files.map((f) => path.relative(ROOT, f)), rows, failures: rows.filter((r) => r.status === 'UNGUARDED') };
}

/** member → set → guarded, one line per member and status, with where it is reached. */
function formatTable(result) {
  const groups = new Map();
  for (const r of result.rows) {
    const k = `${r.member}\u0000${r.status}`;
    if (!groups.has(k)) groups.set(k, { ...r, places: [] });
    groups.get(k).places.push(r.reachedFrom ? `${r.at} ← ${r.reachedFrom}` : r.at);
  }
  const label = { minimum: `≤ ${result.minimum}`, guarded: 'guarded', UNGUARDED: 'UNGUARDED', 'no set': '—' };
  const lines = [...groups.values()]
    .sort((a, b) => a.member.localeCompare(b.member))
    .map((g) => [
      g.member,
      g.set,
      label[g.status],
      g.places.length > 2 ? `${g.places.slice(0, 2).join(', ')} …(${g.places.length})` : g.places.join(', '),
    ]);
  const head = ['member', 'set', 'guarded', 'where'];
  const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (l) => l.map((c, i) => (i === l.length - 1 ? c : c.padEnd(width[i]))).join('  ');
  return [fmt(head), fmt(width.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

function main(argv) {
  let manifest = path.join(ROOT, 'manifest.xml');
  let quiet = false;
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--manifest') manifest = path.resolve(argv[++i]);
    else if (argv[i] === '--quiet') quiet = true;
    else targets.push(argv[i]);
  }
  const result = audit(targets.length > 0 ? targets : DEFAULT_TARGETS, manifestMinimum(manifest));
  if (!quiet) console.log(formatTable(result));
  const guarded = result.rows.filter((r) => r.status === 'guarded').length;
  console.log(
    `\n${result.files.length} ファイル、Office のメンバー参照 ${result.rows.length} 箇所（マニフェストの最小 ExcelApi ${result.minimum}、ガード付き ${guarded} 箇所）`,
  );
  if (result.failures.length > 0) {
    console.error(`\nExcelApi ${result.minimum} より新しいメンバーが requires() のガードなしで使われています:`);
    for (const f of result.failures) console.error(`  ${f.at}  ${f.member}（${f.set}）  ガードのない経路: ${f.reachedFrom}`);
    return 1;
  }
  return 0;
}

module.exports = { audit, formatTable, manifestMinimum };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
