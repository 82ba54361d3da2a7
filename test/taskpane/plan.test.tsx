/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import * as fs from 'fs';
import * as path from 'path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as engine from '../../src/plan';
import { storedDefinition } from '../../src/plan/definition';
import { readMetadata } from '../../src/plan/recognize/metadata';
import type { WorkbookGrid } from '../../src/plan/grid';
import { renderPane } from './fakes';
import type { Engine } from '../../src/taskpane/services';
import { fileConnection, sampleBytes, useNodeWebApis } from './workbooks';

/**
 * The coordinator's 計画 section with the real engine on the FY2023 sample master, written
 * through the file gateway: what the pane shows, and what ends up in the workbook.
 */
beforeAll(useNodeWebApis);

const SHIPPED = fs.readFileSync(path.join(__dirname, '..', '..', 'plans', 'koriyama-kyodo-2.json'), 'utf8');
const jsonFile = (text: string, name: string) => new File([text], name, { type: 'application/json' });

async function openSample() {
  const { workbook } = await fileConnection(sampleBytes());
  const before: WorkbookGrid = await workbook.read();
  const apply = jest.spyOn(workbook, 'apply');
  renderPane({ gateway: workbook, engine });
  const section = await screen.findByRole('region', { name: '計画' });
  return { workbook, before, apply, section };
}

describe('計画 section', () => {
  it('shows the name of the plan stored in the workbook', async () => {
    const { section } = await openSample();
    expect(await within(section).findByText('計画: 第二次郡山市協働推進基本計画')).toBeInTheDocument();
  });

  it('a broken definition file is named with its field in Japanese, and nothing is written', async () => {
    const user = userEvent.setup();
    const { workbook, before, apply, section } = await openSample();
    const broken = JSON.parse(SHIPPED) as { period: { first: unknown } };
    broken.period.first = '2018';
    await user.upload(within(section).getByLabelText('計画定義を読み込む'), jsonFile(JSON.stringify(broken), 'next-plan.json'));
    const alert = await within(section).findByText(/next-plan\.json.*period\.first: 整数で書いてください/s);
    expect(alert).toBeInTheDocument();
    expect(apply).not.toHaveBeenCalled();
    expect(storedDefinition(await workbook.read())).toEqual(storedDefinition(before));
    expect(within(section).getByText('計画: 第二次郡山市協働推進基本計画')).toBeInTheDocument();
  });

  it('a definition under which the workbook no longer reads as a plan is refused, and nothing is written', async () => {
    const user = userEvent.setup();
    const { workbook } = await fileConnection(sampleBytes());
    const before = await workbook.read();
    const apply = jest.spyOn(workbook, 'apply');
    // The engine as it is, except that it cannot read a workbook that stores the other plan.
    const other = '別の市の総合計画';
    const picky: Engine = {
      ...engine,
      // Whole analyses only, so every read goes through the analyze below.
      analyzeSteps: undefined,
      analyze: (grid, options) => {
        const analysis = engine.analyze(grid, options);
        return storedDefinition(grid)?.name === other ? { ...analysis, unrecognised: true } : analysis;
      },
    };
    renderPane({ gateway: workbook, engine: picky });
    const section = await screen.findByRole('region', { name: '計画' });
    const foreign = { ...JSON.parse(SHIPPED), name: other } as engine.PlanDefinition;
    await user.upload(within(section).getByLabelText('計画定義を読み込む'), jsonFile(JSON.stringify(foreign), 'other.json'));
    expect(
      await within(section).findByText(/「other\.json」の計画定義（別の市の総合計画）では、このブックの表を読み取れません/),
    ).toBeInTheDocument();
    expect(apply).not.toHaveBeenCalled();
    expect(storedDefinition(await workbook.read())).toEqual(storedDefinition(before));
    expect(within(section).getByText('計画: 第二次郡山市協働推進基本計画')).toBeInTheDocument();
  });

  it('a good definition is stored in the workbook’s metadata and its name shown', async () => {
    const user = userEvent.setup();
    const { workbook, before, section } = await openSample();
    const revised = {
      ...JSON.parse(SHIPPED),
      name: '第二次郡山市協働推進基本計画（改訂版）',
      coordinator: '政策開発課',
    } as engine.PlanDefinition;
    await user.upload(within(section).getByLabelText('計画定義を読み込む'), jsonFile(JSON.stringify(revised), 'revised.json'));
    expect(
      await within(section).findByText('計画定義「第二次郡山市協働推進基本計画（改訂版）」をこのブックに保存しました。'),
    ).toBeInTheDocument();
    expect(await within(section).findByText('計画: 第二次郡山市協働推進基本計画（改訂版）')).toBeInTheDocument();
    const after = await workbook.read();
    expect(storedDefinition(after)).toMatchObject({ name: revised.name, coordinator: '政策開発課' });
    // Only the definition changed: the other metadata (year, kind, template) is kept.
    const kept = (g: WorkbookGrid) => [...readMetadata(g).entries].filter(([k]) => k !== 'plan' && !k.startsWith('planDefinition'));
    expect(kept(after)).toEqual(kept(before));
  });

  it('rolls over to the next year after confirmation, saying what will be emptied', async () => {
    const user = userEvent.setup();
    const { workbook, before, apply, section } = await openSample();
    const expected = engine.rolloverToNextYear(before, '2024-04-01 09:00', 'x');
    const button = within(section).getByRole('button', { name: '次の年度へ切り替える' });
    await user.click(button);
    const question = await within(section).findByRole('group', { name: '2024年度に切り替えますか' });
    expect(within(question).getByRole('button', { name: 'キャンセル' })).toHaveFocus();
    expect(question).toHaveTextContent(`2023年度の増減理由 ${expected.cleared.reasons} 件`);
    expect(expected.cleared.reasons).toBeGreaterThan(0);
    expect(apply).not.toHaveBeenCalled();
    await user.click(within(question).getByRole('button', { name: '切り替える' }));
    expect(await within(section).findByText(/2023年度から2024年度に切り替えました。/)).toBeInTheDocument();
    expect(apply).toHaveBeenCalledTimes(1);
    const after = await workbook.read();
    expect(readMetadata(after).fiscalYear).toBe(2024);
    expect(after.sheets.some((s) => s.name === '年度切替の記録')).toBe(true);
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('Escape cancels the rollover: nothing is written and focus returns to the button', async () => {
    const user = userEvent.setup();
    const { workbook, apply, section } = await openSample();
    const button = within(section).getByRole('button', { name: '次の年度へ切り替える' });
    await user.click(button);
    await within(section).findByRole('group', { name: '2024年度に切り替えますか' });
    await user.keyboard('{Escape}');
    expect(await within(section).findByText('年度の切り替えを取りやめました。ブックは変わっていません。')).toBeInTheDocument();
    expect(within(section).queryByRole('group', { name: '2024年度に切り替えますか' })).not.toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
    expect(apply).not.toHaveBeenCalled();
    expect(readMetadata(await workbook.read()).fiscalYear).toBe(2023);
  });
});
