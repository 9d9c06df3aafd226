/**
 * The State Council General Office's yearly notices on holiday arrangements (国务院办公厅关于…年部分节假日安排的通知),
 * as published: each holiday's days off (inclusive ranges, Beijing dates) and the weekend days that are working days
 * (调休上班). Every other Saturday and Sunday is a rest day, every other weekday a working day.
 * Adding a year is adding its notice here; a year with neither a notice nor a provisional entry is refused.
 */
export interface HolidayArrangement {
  readonly year: number;
  /** The document the days come from: the year's notice, or for a provisional year the law itself. */
  readonly notice: string;
  readonly publishedOn: string;
  /** Where that document is published. */
  readonly source: string;
  readonly holidays: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly adjustedWorkingDays: readonly string[];
  /** Present while the year's notice is not published: the days off are the statutory ones only, no 调休. */
  readonly provisional?: ProvisionalBasis;
}

/** Why a year is only provisional, and what every deadline counted on it says (in the case and task views). */
export interface ProvisionalBasis {
  /** The law the days off are derived from, and how each lunar or solar-term date was checked. */
  readonly basis: string;
  /** What replaces the entry: the year's notice, entered here without `provisional` once published. */
  readonly replacedBy: string;
  /** Shown with every deadline whose counting touched the year, in Chinese for the people who read it. */
  readonly note: string;
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
  {
    // PROVISIONAL. The 2027 notice is normally published in November 2026; none was found, so that cases running into
    // 2027 are not refused (from late December 2026 every 3-working-day review would be), 2027 counts the statutory
    // days off of art. 2 only. The notice moves days (调休) and places the 补休 that art. 6 requires for the days falling
    // on a weekend (春节 02-06 and 02-07, 劳动节 05-01 and 05-02, 国庆节 10-02 and 10-03); neither is guessed here, so a
    // provisional deadline can differ from the notice's either way: earlier where the notice adds days off, later
    // where it makes a weekend day a working day. Every deadline counted on it says so (Deadline.provisional).
    // Lunar and solar-term dates (checked 2026-11-29):
    // - 春节: 正月初一 is 2027-02-06. The new moon falls just before midnight Beijing time (the annular eclipse it
    //   brings is greatest at 15:59:32 UTC, 23:59 Beijing; the conjunction is minutes earlier). Hong Kong's 2027
    //   general holidays list Lunar New Year 02-06 to 02-08; chinatravel.com and others give 02-06. 除夕 is the day
    //   before 初一: 02-05 (腊月廿九). Beware: ICU's Chinese calendar (Node 20 Intl, ICU 78) puts 初一 on 02-07, its
    //   new-moon estimate crossing midnight; it is not used.
    // - 清明节: 清明 (solar longitude 15°) 2027-04-05 08:17 Beijing time (农历二月廿九, as ICU also has it).
    // - 端午节 (五月初五) 2027-06-09: chinatravel.com and worldclocktools.com tables; Hong Kong's Tuen Ng 06-09; ICU agrees.
    // - 中秋节 (八月十五) 2027-09-15: Hong Kong's "day following the Mid-Autumn Festival" is 09-16; ICU agrees.
    year: 2027,
    notice: '《全国年节及纪念日放假办法》第二条（2024年11月10日第四次修订，国务院令第795号，2025年1月1日起施行）',
    publishedOn: '2024-11-12',
    source: 'www.gov.cn, published with the 2025 notice (国务院令第795号)',
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    adjustedWorkingDays: [],
    provisional: {
      basis:
        'statutory days off for all citizens, 全国年节及纪念日放假办法 art. 2 (国务院令第795号), without 调休 or 补休; ' +
        'lunar and solar-term dates checked against published tables (see the comment above the entry)',
      replacedBy: '国务院办公厅关于2027年部分节假日安排的通知',
      note: '按法定节假日暂算：2027年放假安排尚未公布，本期限按《全国年节及纪念日放假办法》第二条的法定节假日计算（不含调休、补休），2027年放假安排公布后以通知为准',
    },
  },
];
