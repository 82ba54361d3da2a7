import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fillValue } from '../plan/compile/helpers';
import { cli, fillFile, SAMPLE_MASTER, SPLIT_TIMEOUT, tempDir } from './helpers';

/**
 * A department saves its file in a spreadsheet program, which rewrites styles, shared
 * strings and the package. The fingerprints compare content only, so the file is still
 * taken. LibreOffice stands in for Excel here (CI installs libreoffice-calc; without it
 * this test fails rather than skipping silently).
 */
function soffice(): string {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin']) {
    const candidate = path.join(dir, 'soffice');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('soffice (LibreOffice) が見つかりません。libreoffice-calc をインストールしてください。');
}

describe('a department file re-saved by another spreadsheet program', () => {
  it(
    'is still accepted and its values reach OUT',
    async () => {
      const dir = tempDir();
      const master = path.join(dir, 'master.xlsx');
      fs.copyFileSync(SAMPLE_MASTER, master);
      expect((await cli('split', master, '-o', path.join(dir, 'split'), '--year', '2024')).code).toBe(0);
      const filled = await fillFile(
        path.join(dir, 'split', '市民・NPO活動推進課.xlsx'),
        (i, g) => fillValue(g, i),
        path.join(dir, 'filled.xlsx'),
      );
      const outDir = path.join(dir, 'resaved');
      execFileSync(
        soffice(),
        [
          `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          outDir,
          filled,
        ],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      );
      const resaved = path.join(outDir, 'filled.xlsx');
      expect(fs.readFileSync(resaved).equals(fs.readFileSync(filled))).toBe(false);
      const run = await cli('compile', master, resaved, '-o', path.join(dir, 'out.xlsx'), '--json');
      const j = JSON.parse(run.out);
      expect(j.rejected).toEqual([]);
      expect(j.submissions[0]).toMatchObject({ department: '市民・NPO活動推進課', status: 'accepted' });
      expect(j.applied).toBeGreaterThan(30);
    },
    SPLIT_TIMEOUT,
  );
});
