/**
 * A small strict XML parser for the add-in manifest: enough of XML 1.0 + namespaces to reject
 * what Office's own parser rejects (mismatched tags, unquoted or duplicate attributes, stray `&`
 * or `<`, unbound prefixes, text outside the root), with line numbers in the messages.
 * No DTDs: a manifest has none, so a DOCTYPE is treated as an error rather than half-supported.
 */
'use strict';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*$/;
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlSyntaxError extends Error {
  constructor(message, line) {
    super(`${line} 行目: ${message}`);
    this.name = 'XmlSyntaxError';
    this.line = line;
  }
}

function decodeEntities(raw, line) {
  return raw.replace(/&([^;]*);|&/g, (whole, ref) => {
    if (ref === undefined) throw new XmlSyntaxError('「&」は &amp; と書く必要があります', line);
    if (ENTITIES[ref] !== undefined) return ENTITIES[ref];
    const num = /^#x([0-9A-Fa-f]+)$/.exec(ref) || /^#([0-9]+)$/.exec(ref);
    if (num) {
      const code = parseInt(num[1], ref[1] === 'x' ? 16 : 10);
      if (code > 0x10ffff || code === 0) throw new XmlSyntaxError(`不正な文字参照 &${ref};`, line);
      return String.fromCodePoint(code);
    }
    throw new XmlSyntaxError(`未定義の実体参照 &${ref};`, line);
  });
}

function parseAttributes(src, line) {
  const attrs = [];
  const re = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')|\s*(\S+)/gy;
  let m;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[4] !== undefined) throw new XmlSyntaxError(`属性の書き方が不正です: ${m[4]}`, line);
    const name = m[1];
    const raw = m[2] !== undefined ? m[2] : m[3];
    if (!NAME.test(name)) throw new XmlSyntaxError(`不正な属性名: ${name}`, line);
    if (raw.includes('<')) throw new XmlSyntaxError(`属性 ${name} の値に「<」があります`, line);
    if (attrs.some((a) => a.name === name)) throw new XmlSyntaxError(`属性 ${name} が重複しています`, line);
    attrs.push({ name, value: decodeEntities(raw, line) });
  }
  return attrs;
}

function splitName(qname) {
  const i = qname.indexOf(':');
  return i < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

function resolveNamespaces(el, parentScope) {
  const scope = Object.assign({}, parentScope);
  for (const a of el.attributes) {
    if (a.name === 'xmlns') scope[''] = a.value;
    else if (a.name.startsWith('xmlns:')) scope[a.name.slice(6)] = a.value;
  }
  const { prefix, local } = splitName(el.name);
  if (prefix && scope[prefix] === undefined) {
    throw new XmlSyntaxError(`名前空間接頭辞 ${prefix}: が宣言されていません`, el.line);
  }
  el.prefix = prefix;
  el.local = local;
  el.ns = scope[prefix] || '';
  for (const a of el.attributes) {
    const n = splitName(a.name);
    a.local = n.local;
    if (a.name === 'xmlns' || n.prefix === 'xmlns') a.ns = 'http://www.w3.org/2000/xmlns/';
    else if (n.prefix === 'xml') a.ns = XML_NS;
    else if (n.prefix) {
      if (scope[n.prefix] === undefined) {
        throw new XmlSyntaxError(`名前空間接頭辞 ${n.prefix}: が宣言されていません`, el.line);
      }
      a.ns = scope[n.prefix];
    } else a.ns = '';
  }
  el.scope = scope;
  for (const c of el.children) resolveNamespaces(c, scope);
}

/**
 * Parses `text` into { root } where every element is
 * { name, prefix, local, ns, attributes: [{name, local, ns, value}], children, text, line, scope }.
 * Throws XmlSyntaxError on anything that is not well-formed.
 */
function parseXml(text) {
  let src = text.replace(/^\uFEFF/, '');
  let pos = 0;
  let line = 1;
  const stack = [];
  let root = null;
  const advance = (to) => {
    for (let i = pos; i < to; i++) if (src.charCodeAt(i) === 10) line++;
    pos = to;
  };

  if (src.startsWith('<?xml')) {
    const end = src.indexOf('?>');
    if (end < 0) throw new XmlSyntaxError('XML 宣言が閉じていません', line);
    if (!/^<\?xml\s+version\s*=\s*["']1\.[0-9]["']/.test(src)) {
      throw new XmlSyntaxError('XML 宣言に version がありません', line);
    }
    advance(end + 2);
  }

  while (pos < src.length) {
    const lt = src.indexOf('<', pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new XmlSyntaxError('ルート要素の外に文字があります', line);
      } else {
        if (raw.includes(']]>')) throw new XmlSyntaxError('本文に「]]>」があります', line);
        stack[stack.length - 1].text += decodeEntities(raw, line);
      }
      advance(textEnd);
      continue;
    }
    if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos + 4);
      if (end < 0) throw new XmlSyntaxError('コメントが閉じていません', line);
      if (src.slice(pos + 4, end).includes('--')) throw new XmlSyntaxError('コメント内に「--」があります', line);
      advance(end + 3);
    } else if (src.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) throw new XmlSyntaxError('ルート要素の外に CDATA があります', line);
      const end = src.indexOf(']]>', pos);
      if (end < 0) throw new XmlSyntaxError('CDATA が閉じていません', line);
      stack[stack.length - 1].text += src.slice(pos + 9, end);
      advance(end + 3);
    } else if (src.startsWith('<!', pos)) {
      throw new XmlSyntaxError('DOCTYPE などの宣言はマニフェストでは使えません', line);
    } else if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos);
      if (end < 0) throw new XmlSyntaxError('処理命令が閉じていません', line);
      if (/^<\?xml[\s?]/i.test(src.slice(pos, pos + 6))) {
        throw new XmlSyntaxError('XML 宣言は文書の先頭にだけ書けます', line);
      }
      advance(end + 2);
    } else if (src.startsWith('</', pos)) {
      const m = /^<\/([^\s>]+)\s*>/.exec(src.slice(pos));
      if (!m) throw new XmlSyntaxError('終了タグが不正です', line);
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`対応する開始タグがない終了タグ </${m[1]}>`, line);
      if (open.name !== m[1]) {
        throw new XmlSyntaxError(`<${open.name}>（${open.line} 行目）が </${m[1]}> で閉じられています`, line);
      }
      advance(pos + m[0].length);
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(src.slice(pos));
      if (!m) throw new XmlSyntaxError('開始タグが不正です（引用符や「>」を確認してください）', line);
      if (!NAME.test(m[1])) throw new XmlSyntaxError(`不正な要素名: ${m[1]}`, line);
      if (stack.length === 0 && root) throw new XmlSyntaxError('ルート要素が 2 つ以上あります', line);
      const el = { name: m[1], attributes: parseAttributes(m[2], line), children: [], text: '', line };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else root = el;
      advance(pos + m[0].length);
      if (!m[3]) stack.push(el);
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    throw new XmlSyntaxError(`<${open.name}>（${open.line} 行目）が閉じられていません`, line);
  }
  if (!root) throw new XmlSyntaxError('ルート要素がありません', line);
  resolveNamespaces(root, { xml: XML_NS });
  return { root };
}

module.exports = { parseXml, XmlSyntaxError };
