import { COORDINATOR, KNOWN_DEPARTMENTS, departmentKey, parseDepartment } from '../departments';
import { compact } from '../text';

/**
 * Which department a 担当所属 / 担当課 cell means, as one 課 name. The same department is
 * written `教育総務部生涯学習課` in 実施計画 and `生涯学習課` in the 基本指標; a shortened
 * 部 prefix (`こども子育て給付課`) still ends with the 課 name; a renamed one
 * (`政策統計課 (2022年11月1日から) DX戦略課`) is its current name. A shared indicator
 * (`各課（市民・NPO活動推進課取りまとめ）`) belongs to the department that compiles it,
 * and a bare `各課` to the plan's coordinator.
 */
export function ownerOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // A few dozen distinct names fill thousands of rows; each is worked out once.
  if (owners.has(text)) return owners.get(text);
  let owner: string | undefined;
  if (compact(text) !== '') {
    const d = parseDepartment(text);
    owner = d.key === '各課' ? COORDINATOR : knownSuffix(d.key) ?? d.key;
  }
  if (owners.size > 10_000) owners.clear();
  owners.set(text, owner);
  return owner;
}

const owners = new Map<string, string | undefined>();

/** True for `各課…`: several departments feed the figure. */
export function isShared(text: string | undefined): boolean {
  return text !== undefined && text !== '' && parseDepartment(text).shared;
}

function knownSuffix(key: string): string | undefined {
  let best: string | undefined;
  for (const k of KNOWN_DEPARTMENTS) if (key.endsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

/** A department named inside a sentence: `（健康長寿課）`, `(都市政策課)`. */
export function departmentIn(text: string): string | undefined {
  const t = compact(text);
  if (!/(課|館|センター|室|所)$/.test(t)) return undefined;
  return ownerOf(departmentKey(t));
}

/** The file a department's workbook is written to: its 課 name, made safe for file systems. */
export function departmentFileName(department: string): string {
  const safe = department.replace(/[\\/:*?"<>|]|(?![\u007f-\u009f])\p{Cc}/gu, '_').replace(/^\.+/, '_').slice(0, 120);
  return `${safe || '_'}.xlsx`;
}
