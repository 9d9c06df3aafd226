import { type CalendarPeriod } from '../china-calendar';

export type PlaceLevel =
  'province' | 'municipality' | 'autonomous-region' | 'special-administrative-region' | 'city' | 'district';

/** An administrative division of county level or above, e.g. 海淀 / 海淀区 within 北京. */
export interface PlaceName {
  readonly name: string;
  readonly fullName: string;
  readonly level: PlaceLevel;
  /** Short name of the enclosing division, absent for province-level ones. */
  readonly within?: string;
}

export type ProhibitedCategory = 'party-organ' | 'state-organ' | 'military-organ' | 'foreign-state' | 'misleading';

export interface ProhibitedTerm {
  readonly term: string;
  readonly category: ProhibitedCategory;
  /** Longer words that contain the term innocently (美国 inside 华美国际), so an occurrence there is not a hit. */
  readonly exceptWithin?: readonly string[];
}

/** What R1.3 leaves to published policy: periods, pilot-zone relaxations and the word lists. */
export interface NamePolicy {
  /** A self-declared name stays reserved this long. */
  readonly reservationPeriod: CalendarPeriod;
  /** A deregistered or changed name blocks the identical trade name this long. */
  readonly coolingOffPeriod: CalendarPeriod;
  readonly minimumTradeNameLength: number;
  readonly pilotZone: {
    readonly arabicNumeralsInTradeName: boolean;
    readonly trademarkLettersInTradeName: boolean;
  };
  readonly places: readonly PlaceName[];
  readonly industryTerms: readonly string[];
  readonly organisationForms: readonly string[];
  readonly prohibitedTerms: readonly ProhibitedTerm[];
}
