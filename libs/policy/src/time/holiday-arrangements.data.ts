/**
 * The State Council General Office's yearly notices on holiday arrangements (国务院办公厅关于…年部分节假日安排的通知),
 * as published: each holiday's days off (inclusive ranges, Beijing dates) and the weekend days that are working days
 * (调休上班). Every other Saturday and Sunday is a rest day, every other weekday a working day.
 * Adding a year is adding its notice here; a year without one is refused, never guessed.
 */
export interface HolidayArrangement {
  readonly year: number;
  readonly notice: string;
  readonly publishedOn: string;
  /** Where the notice is published (www.gov.cn). */
  readonly source: string;
  readonly holidays: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly adjustedWorkingDays: readonly string[];
}

export const holidayArrangements: readonly HolidayArrangement[] = [
  {
    // The first year under the 2024 revision of 全国年节及纪念日放假办法: 春节 and 劳动节 one day longer each.
    year: 2025,
    notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    publishedOn: '2024-11-12',
    source: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    adjustedWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    // Published 2025-11-04 (Xinhua, gov.cn); the copies found quote the text but not the document number (国办发明电…).
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    publishedOn: '2025-11-04',
    source: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    adjustedWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // 2027: the notice is normally published in November of the year before; none was found yet, so 2027 is not covered.
];
