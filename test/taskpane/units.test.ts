import * as fs from 'fs';
import * as path from 'path';
import { cellView } from '../../src/taskpane/state/cellView';
import { toPaneError } from '../../src/taskpane/state/paneError';
import { groupFindings } from '../../src/taskpane/features/check/groupFindings';
import { arrowKey } from '../../src/taskpane/features/progress/arrow';
import { baseName } from '../../src/taskpane/features/file/saveFile';
import { WorkbookError } from '../../src/workbook/gateway';
import { FINDINGS, sampleGrid } from './fakes';

describe('groupFindings', () => {
  it('groups by sheet in order of appearance, errors first', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => g.sheet)).toEqual(['施策1', '事業一覧', '']);
    expect(groups[0].findings.map((f) => f.cell)).toEqual(['C2', 'C3', 'B2']);
    expect(groups[0]).toMatchObject({ errors: 2, warnings: 1 });
  });
});

describe('cellView', () => {
  it('shows values, empty cells, formula errors and unknown cells', () => {
    const grid = sampleGrid();
    expect(cellView(grid, '施策1', 'C3')).toEqual({ sheet: '施策1', cell: 'C3', found: true, value: '三十' });
    expect(cellView(grid, '施策1', 'C2')).toMatchObject({ found: true, value: '' });
    expect(cellView(grid, '施策1', 'C4')).toEqual({
      sheet: '施策1',
      cell: 'C4',
      found: true,
      value: '#VALUE!',
      formula: 'SUM(C2:C3)',
    });
    expect(cellView(grid, '施策1', 'B2:C3')).toMatchObject({ found: true, value: '120' });
    expect(cellView(grid, 'ない', 'A1')).toMatchObject({ found: false });
    expect(cellView(grid, '施策1', '')).toMatchObject({ found: false });
  });
});

describe('small helpers', () => {
  it('maps arrows to resource keys', () => {
    expect(['↑', '→', '↓', undefined].map((a) => arrowKey(a as never))).toEqual(['up', 'flat', 'down', 'none']);
  });
  it('keeps WorkbookError messages as they are and wraps anything else', () => {
    expect(toPaneError(new WorkbookError('読めません', 'x'))).toEqual({ kind: 'message', message: '読めません' });
    expect(toPaneError(new TypeError('bad'))).toEqual({ kind: 'key', key: 'error.unexpected', values: { detail: 'bad' } });
  });
  it('names the download after the file', () => {
    expect(baseName('報告.XLSX')).toBe('報告');
    expect(baseName('report.v2.xlsx')).toBe('report.v2');
  });
});

describe('taskpane.html template', () => {
  // HtmlWebpackPlugin's default template engine is lodash's template.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const template = require('lodash/template') as (s: string) => (data: object) => string;
  const source = fs.readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');

  it('references office.js from officeJsUrl and has a Japanese root with fallback content', () => {
    const html = template(source)({ officeJsUrl: 'office-js/office.js' });
    expect(html).toContain('<html lang="ja">');
    // Asynchronous, so a hanging CDN cannot keep the page blank; its outcome is recorded for host.ts.
    const script = /<script ([^>]*)><\/script>/.exec(html.slice(html.indexOf('id="office-js"') - 8))?.[1] ?? '';
    expect(script).toContain('src="office-js/office.js"');
    expect(script).toMatch(/\basync\b/);
    expect(script).toContain(`onload="this.setAttribute('data-state','loaded')"`);
    expect(script).toContain(`onerror="this.setAttribute('data-state','failed')"`);
    expect(html).toContain('<div id="root">');
    expect(html).toContain('読み込んでいます…');
  });

  it('still renders without officeJsUrl (no office.js at all)', () => {
    const html = template(source)({});
    expect(html).not.toContain('office.js');
    expect(html).toContain('<div id="root">');
  });
});
