import { composeReason, narrativeOf, parseContributionLines, sumOf } from '../../../src/plan/contribution/reason-lines';
import { contributionKeyOf, parseContributionKey } from '../../../src/plan/keys';
import { planDepartments } from '../../../src/plan/departments';
import { DEFAULT_PLAN } from '../../../src/plan/definition/default';

const SHIPPED = planDepartments(DEFAULT_PLAN);

describe('contribution lines of the 増減理由 (◆事業名（課名） N人)', () => {
  const ICT =
    '町内会活動のDXや高齢者等のICT活用を推進するため、各部署において事業者との協働により操作体験講座等を開催した。 ◆町内会DX推進実証事業（市民・NPO活動推進課） 39人 ◆スマートシニア応援事業（健康長寿課） 267人 ◆中央公民館定期講座（中央公民館） 188人';

  it('reads the published FY2023 ICT lines: 494 = 39 + 267 + 188', () => {
    const parts = parseContributionLines(ICT, SHIPPED);
    expect(parts).toEqual([
      { department: '市民・NPO活動推進課', name: '町内会DX推進実証事業', value: 39 },
      { department: '健康長寿課', name: 'スマートシニア応援事業', value: 267 },
      { department: '中央公民館', name: '中央公民館定期講座', value: 188 },
    ]);
    expect(sumOf(parts)).toBe(494);
    expect(narrativeOf(ICT)).toBe(
      '町内会活動のDXや高齢者等のICT活用を推進するため、各部署において事業者との協働により操作体験講座等を開催した。',
    );
  });

  it('reads the department-first style: (都市政策課) ○若者居場所づくり社会実験 ワークショップ 3回', () => {
    expect(parseContributionLines('(都市政策課) ○若者居場所づくり社会実験 ワークショップ 3回', SHIPPED)).toEqual([
      { department: '都市政策課', name: '若者居場所づくり社会実験 ワークショップ', value: 3 },
    ]);
  });

  it('leaves ◆ lines that name no department in the prose', () => {
    expect(parseContributionLines('減少した。 ◆加入世帯数 87,989世帯', SHIPPED)).toEqual([]);
  });

  it('writes the lines back in the report’s style, coordinator first, and reads it again', () => {
    const parts = parseContributionLines(ICT, SHIPPED);
    const text = composeReason(narrativeOf(ICT), [...parts].reverse(), '人', SHIPPED.coordinator);
    expect(text.split('\n').slice(1)).toEqual([
      '◆町内会DX推進実証事業（市民・NPO活動推進課） 39人',
      '◆中央公民館定期講座（中央公民館） 188人',
      '◆スマートシニア応援事業（健康長寿課） 267人',
    ]);
    expect(composeReason(narrativeOf(text), parseContributionLines(text, SHIPPED), '人', SHIPPED.coordinator)).toBe(text);
  });

  it('keys contribution rows by indicator, 課 and number', () => {
    const key = contributionKeyOf('3:ICT|講習', '中央公民館', 2);
    expect(parseContributionKey(key)).toEqual({ indicatorKey: '3:ICT|講習', department: '中央公民館', n: 2 });
  });
});
