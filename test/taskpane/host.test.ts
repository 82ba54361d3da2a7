import { detectHost, type HostGlobals } from '../../src/taskpane/host';
import type { Connection } from '../../src/taskpane/services';

const connection = { gateway: { label: 'Book1', read: jest.fn(), apply: jest.fn() } } as unknown as Connection;

function office(host: unknown, delayMs = 0): HostGlobals['Office'] {
  return {
    HostType: { Excel: 'Excel' },
    onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host, platform: host ? 'PC' : null }), delayMs)),
  };
}

describe('detectHost', () => {
  it('is no-host when office.js did not load', async () => {
    const connect = jest.fn(async () => connection);
    await expect(detectHost({}, connect)).resolves.toEqual({ kind: 'none', reason: 'office-missing' });
    expect(connect).not.toHaveBeenCalled();
  });

  it('is no-host when Office.onReady reports no host (a plain browser)', async () => {
    const connect = jest.fn(async () => connection);
    await expect(detectHost({ Office: office(null), Excel: { run: jest.fn() } }, connect)).resolves.toEqual({
      kind: 'none',
      reason: 'not-excel',
    });
    expect(connect).not.toHaveBeenCalled();
  });

  it('is no-host in another Office application', async () => {
    await expect(detectHost({ Office: office('Word') }, jest.fn())).resolves.toMatchObject({ kind: 'none' });
  });

  it('connects through the Office gateway inside Excel', async () => {
    const connect = jest.fn(async () => connection);
    await expect(detectHost({ Office: office('Excel'), Excel: { run: jest.fn() } }, connect)).resolves.toEqual({
      kind: 'excel',
      connection,
    });
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('lets a failing connection reject (the pane then falls back to files)', async () => {
    const connect = jest.fn(async () => {
      throw new Error('no workbook');
    });
    await expect(detectHost({ Office: office('Excel'), Excel: { run: jest.fn() } }, connect)).rejects.toThrow('no workbook');
  });
});
