/**
 * The report's ◇ sentences, in the city's own wording. "上回る" means better in the
 * indicator's better direction (a fall in ごみ排出量 "上回る" too).
 */
export function policySentence(total: number, improved: number, achieved: number, sameItems: boolean): string {
  const head = `基本指標${total}項目`;
  if (total === 0) return '◇ 基本指標がありません。';
  if (improved === total) {
    return achieved > 0
      ? `◇ ${head}すべて前年度実績値を上回り、${achieved === total ? 'すべて' : `${achieved}項目が`}目標値に達しています。`
      : `◇ ${head}すべて前年度実績値を上回っています。`;
  }
  if (improved > 0 && achieved > 0) {
    return sameItems && improved === achieved
      ? `◇ ${head}のうち、${improved}項目が前年度実績値を上回り、目標値に達しています。`
      : `◇ ${head}のうち、${improved}項目が前年度実績値を上回り、${achieved}項目が目標値に達しています。`;
  }
  if (improved > 0) return `◇ ${head}のうち、${improved}項目が前年度実績値を上回っています。`;
  if (achieved > 0) return `◇ ${head}のうち、前年度実績値を上回った項目はありませんが、${achieved}項目が目標値に達しています。`;
  return `◇ ${head}のうち、前年度実績値を上回った項目はありません。`;
}

/** An indicator that did not improve on last year but is past its target. */
export function pastTargetNote(name: string, flat: boolean): string {
  return flat
    ? `◇ ${name}は、前年度実績値と同じですが、目標値に達しています。`
    : `◇ ${name}は、前年度実績値を下回っているが、目標値に達しています。`;
}

export function overallSentence(year: number, up: number, total: number): string {
  if (up === 0) return `◇ ${year}年度の基本施策の実績値は、${total}つの基本施策のうち目標値に近づいている又は超えている施策はありません。`;
  return `◇ ${year}年度の基本施策の実績値は、${total}つの基本施策のうち${up}施策が目標値に近づいている又は超えています。`;
}

export function surveySentence(total: number, improved: number): string {
  if (improved === total) return `◇ 全体指標${total}項目すべて前年度実績値を上回っています。`;
  if (improved === 0) return `◇ 全体指標${total}項目のうち、前年度実績値を上回った項目はありません。`;
  return `◇ 全体指標${total}項目のうち${improved}項目は前年度実績値を上回っています。`;
}
