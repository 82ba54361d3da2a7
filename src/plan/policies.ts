/**
 * The plan's fixed structure (第二次郡山市協働推進基本計画, FY2018–2025): seven 基本施策 with
 * their 重点項目. Used to recover a 施策 whose heading is missing and to lay out a new master.
 */
export const PLAN_NAME = '第二次郡山市協働推進基本計画';
export const PLAN_FIRST_YEAR = 2018;
export const PLAN_LAST_YEAR = 2025;
export const REFERENCE_YEARS = { baseline: 2016, review: 2020, midterm: 2021 } as const;

export interface PolicyDefinition {
  number: number;
  title: string;
  keyPoints: string[];
}

export const POLICIES: PolicyDefinition[] = [
  {
    number: 1,
    title: '協働を支える人材の育成と協働意識の醸成',
    keyPoints: [
      '学校や地域等と連携したまちづくりの担い手を育成するための講座や研修会等の実施',
      'イベント、ガイドブック、ウェブサイト、SNS等を活用した協働意識の啓発',
      '職員の市民活動参加促進、協働啓発のための研修会の実施',
      '若者の意見を生かし、主体となって活動できる機会の創出',
    ],
  },
  {
    number: 2,
    title: '協働の担い手となる人材の活用',
    keyPoints: [
      'シニア世代、子育てが一段落した親たちの知恵や経験、技能を活用した事業等の実施',
      '働く世代のワークライフバランスを推進する事業等の実施による余暇を活用した市民活動への参加促進、啓発',
    ],
  },
  {
    number: 3,
    title: 'ICTを含めた多様な手段による情報の発信・共有',
    keyPoints: [
      'ICTを活用した双方向の情報発信・共有による市民参画',
      'ニーズに対応した市民活動に興味を持てる情報の発信・共有',
      '情報格差に配慮した多様な手段による市政情報の公開',
      '災害時や緊急時に迅速かつ円滑に情報発信・共有ができるICT活用を含めた手段の拡充',
    ],
  },
  {
    number: 4,
    title: '市民活動への参加と市民参画の促進',
    keyPoints: [
      '環境、健康、福祉、安全など市民活動の啓発・促進のための講座や研修会、イベント等の実施',
      '企画立案、実施、評価、改善各段階での市民参画の機会の充実',
    ],
  },
  {
    number: 5,
    title: '市民活動がしやすくなるための支援',
    keyPoints: [
      '市民活動サポートセンターのより一層の周知・活用による市民活動の推進',
      '持続可能な市民活動を推進するため財源や人員、活動拠点等の課題解決に向けた支援',
      '地域の課題「見える化」（公共データのオープンデータ化）による地域課題解決の推進',
    ],
  },
  {
    number: 6,
    title: '市民等が持つ資源を生かしたまちづくり',
    keyPoints: [
      '産学金官連携や市民等の新しい発想、専門性等の活用',
      '協働のまちづくりの視点に立った施策や事業の洗い出し、評価方法の検討',
      '市民等が行っている優れた取り組みの顕彰',
    ],
  },
  {
    number: 7,
    title: '協働で進める安全・安心なまちづくり',
    keyPoints: [
      'セーフコミュニティ活動の全市的な推進及び地域に根差した活動体制の構築',
      '地域包括ケアシステムの全市的な推進及び地域に根差した活動体制の構築',
      '災害時に地域、関係機関、各種団体、企業等と協働で取り組む体制の充実・強化',
    ],
  },
];
