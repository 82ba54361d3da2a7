import type { i18n } from 'i18next';
import type { Finding, FindingParam } from '../../plan';

/** How recognition placed a table without its heading (see recoverPolicy in src/plan/recognize). */
const HOW: Readonly<Record<string, string>> = { 重点項目: 'its key points', 表の順番: 'the order of the tables' };

/**
 * The plan words some params in Japanese for its own sentences (`2023年度（市民）の値`, `（市民）`).
 * Reworded here so an English sentence quotes only what came from the sheet: names and values.
 */
function englishParam(key: string, value: FindingParam): FindingParam {
  if (typeof value !== 'string') return value;
  if (key === 'how') return HOW[value] ?? value;
  if (key === 'label') {
    const m = /^（(.*)）$/.exec(value);
    return m ? ` (${m[1]})` : value;
  }
  if (key === 'what') {
    const year = /^(\d+)年度(?:（(.*)）)?の値$/.exec(value);
    if (year) return `FY${year[1]} value${year[2] ? ` (${year[2]})` : ''}`;
    const target = /^目標値(?:（(.*)）)?$/.exec(value);
    if (target) return `target${target[1] ? ` (${target[1]})` : ''}`;
  }
  return value;
}

/**
 * A finding in the pane's language: the `rules.<id>` template filled with the finding's params, or
 * its Japanese `message` when there is no template or no params to fill it with.
 */
export function findingText(finding: Finding, i18nInstance: i18n): string {
  const key = `rules.${finding.rule}`;
  if (!finding.params || i18nInstance.resolvedLanguage === 'ja' || !i18nInstance.exists(key)) return finding.message;
  const values: Record<string, FindingParam> = {};
  let context: string | undefined;
  for (const [name, value] of Object.entries(finding.params)) {
    values[name] = englishParam(name, value);
    // A true flag picks the template's variant (`rules.<id>_<flag>`), as the Japanese wording branches on it.
    if (value === true) context ??= name;
  }
  return i18nInstance.t(key, { ...values, context, defaultValue: finding.message });
}
