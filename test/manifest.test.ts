/** @jest-environment jsdom */
import * as fs from 'fs';
import * as path from 'path';
import { checkManifest, EXPECTED, OFFICE_APP_ORDER } from '../scripts/check-manifest';
import { parseXml } from '../scripts/xml-lite';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const check = (xml: string) => checkManifest(xml, { rootDir: ROOT });

function domParse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'application/xml');
}
const isMalformedForDom = (xml: string) => domParse(xml).getElementsByTagName('parsererror').length > 0;

/** Applies one textual change and fails loudly when the anchor is missing (the test would be void). */
function mutate(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  if (out === MANIFEST) throw new Error(`mutation anchor not found: ${from}`);
  return out;
}

describe('manifest.xml', () => {
  it('is well-formed for the browser DOMParser and for the checker parser', () => {
    expect(isMalformedForDom(MANIFEST)).toBe(false);
    expect(() => parseXml(MANIFEST)).not.toThrow();
  });

  it('passes every offline check', () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  it('has the OfficeApp children in schema order (read via the DOM, independently of the checker)', () => {
    const doc = domParse(MANIFEST);
    const names = Array.from(doc.documentElement.children).map((e) => e.localName);
    const expected = OFFICE_APP_ORDER.filter((n) => n !== 'AlternateId');
    expect(names).toEqual(expected);
  });

  it('states the identity, locale, requirement and start page the brief fixes', () => {
    const doc = domParse(MANIFEST);
    const one = (tag: string) => doc.getElementsByTagName(tag)[0];
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one('Version').textContent).toBe('1.0.0.0');
    expect(one('DefaultLocale').textContent).toBe('ja-JP');
    expect(one('DisplayName').getAttribute('DefaultValue')).toBe(EXPECTED.displayName);
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
    const set = Array.from(doc.getElementsByTagName('Set')).find((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(set?.getAttribute('MinVersion')).toBe('1.13');
    expect(one('DefaultSettings').getElementsByTagName('SourceLocation')[0].getAttribute('DefaultValue')).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  it('points its icon URLs at the generated files in assets/', () => {
    const urls = MANIFEST.match(/https:\/\/localhost:3000\/assets\/[^"]+/g) ?? [];
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      expect(fs.existsSync(path.join(ROOT, url.replace('https://localhost:3000/', '')))).toBe(true);
    }
  });
});

describe('checkManifest reports broken manifests', () => {
  const cases: [string, string, RegExp][] = [
    ['an unclosed element', check(mutate('</Hosts>\n  <Requirements>', '\n  <Requirements>')).join('\n'), /XML として読めません/],
    ['a bare ampersand', check(mutate('DefaultValue="協働推進計画"', 'DefaultValue="協働&推進計画"')).join('\n'), /&amp;/],
    [
      'elements out of schema order',
      check(mutate(/(\s*<IconUrl[^>]*\/>)(\s*<HighResolutionIconUrl[^>]*\/>)/, '$2$1')).join('\n'),
      /IconUrl> は <HighResolutionIconUrl> より前/,
    ],
    [
      'a missing Permissions',
      check(mutate(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, '')).join('\n'),
      /<Permissions> がありません/,
    ],
    [
      'a duplicated element',
      check(mutate('<Version>1.0.0.0</Version>', '<Version>1.0.0.0</Version><Version>1.0.0.0</Version>')).join('\n'),
      /<Version> が 2 個/,
    ],
    ['an Id that is not a GUID', check(mutate(/<Id>[^<]+<\/Id>/, '<Id>kyodo-shinchoku</Id>')).join('\n'), /GUID/],
    ['a three-part Version', check(mutate('<Version>1.0.0.0</Version>', '<Version>1.0.0</Version>')).join('\n'), /n\.n\.n\.n/],
    ['another DefaultLocale', check(mutate('<DefaultLocale>ja-JP', '<DefaultLocale>en-US')).join('\n'), /DefaultLocale/],
    [
      'another DisplayName',
      check(mutate('DefaultValue="協働推進計画 進捗チェック"', 'DefaultValue="進捗チェック"')).join('\n'),
      /DisplayName は/,
    ],
    [
      'a DisplayName without en-US',
      check(mutate(/\s*<Override Locale="en-US" Value="Collaboration Plan Progress Check"\/>/, '')).join('\n'),
      /DisplayName に en-US/,
    ],
    [
      'an http URL',
      check(mutate('https://localhost:3000/assets/icon-32.png"/>\n  <High', 'http://localhost:3000/assets/icon-32.png"/>\n  <High')).join(
        '\n',
      ),
      /https/,
    ],
    ['an http AppDomain', check(mutate('<AppDomain>https://', '<AppDomain>http://')).join('\n'), /AppDomain/],
    ['a wrong add-in type', check(mutate('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"')).join('\n'), /TaskPaneApp/],
    ['a host other than Workbook', check(mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>')).join('\n'), /Workbook/],
    ['a lower ExcelApi', check(mutate('MinVersion="1.13"', 'MinVersion="1.12"')).join('\n'), /ExcelApi の MinVersion は 1\.13/],
    [
      'a start page other than taskpane.html',
      check(
        mutate(
          '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
          '<SourceLocation DefaultValue="https://localhost:3000/index.html"/>',
        ),
      ).join('\n'),
      /taskpane\.html/,
    ],
    [
      'a resid without resource',
      check(mutate('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Ur1"/>')).join('\n'),
      /Taskpane\.Ur1/,
    ],
    [
      'a resid of the wrong kind',
      check(mutate('<Label resid="Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>')).join('\n'),
      /bt:ShortStrings/,
    ],
    [
      'a resource nobody uses',
      check(
        mutate(
          '<bt:Url id="Commands.Url"',
          '<bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/x.html"/>\n        <bt:Url id="Commands.Url"',
        ),
      ).join('\n'),
      /Unused\.Url/,
    ],
    [
      'a string without en-US override',
      check(mutate(/(<bt:String id="Group.Label" DefaultValue="協働推進計画">)\s*<bt:Override[^>]*\/>/, '$1')).join('\n'),
      /Group\.Label」\s*に en-US/,
    ],
    ['an icon file that does not exist', check(mutate('assets/icon-16.png', 'assets/icon-17.png')).join('\n'), /ファイルがありません/],
    ['an icon of the wrong size', check(mutate('assets/icon-32.png"/>\n  <High', 'assets/icon-80.png"/>\n  <High')).join('\n'), /32x32/],
    ['a missing 80px ribbon icon', check(mutate(/\s*<bt:Image size="80" resid="Icon.80x80"\/>/, '')).join('\n'), /80px/],
    ['no Home tab', check(mutate('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">')).join('\n'), /TabHome/],
    ['no ShowTaskpane button', check(mutate('xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"')).join('\n'), /ShowTaskpane/],
  ];

  it.each(cases)('reports %s', (_what, report, pattern) => {
    expect(report).toMatch(pattern);
  });

  it('agrees with DOMParser about malformed XML', () => {
    for (const bad of ['<a><b></a>', '<a x=1/>', '<a>&nope;</a>', '<a/><b/>', '<a x="1" x="2"/>', '<p:a/>']) {
      expect(isMalformedForDom(bad)).toBe(true);
      expect(() => parseXml(bad)).toThrow();
    }
    expect(() => parseXml('<a xmlns:p="urn:x"><p:b c="&amp;&#x41;"/><![CDATA[<ok>]]></a>')).not.toThrow();
  });
});
