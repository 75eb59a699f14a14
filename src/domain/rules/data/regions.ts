/**
 * UN M49 regions and sub-regions (unstats.un.org "Standard country or area codes for statistical use"),
 * by ISO 3166 alpha-2 code. Data: Hà Nội's "trong cùng một khu vực" [S2] reads "khu vực" as an M49
 * sub-region, and the travel allowance of days-per-country depends on the region (continent).
 * Taiwan, absent from M49, is placed in Eastern Asia; Kosovo in Southern Europe.
 */

export const CONTINENTS = ["asia", "europe", "africa", "oceania", "americas"] as const;
export type Continent = (typeof CONTINENTS)[number];

export const CONTINENT_NAMES: Record<Continent, { vi: string; en: string }> = {
  asia: { vi: "châu Á", en: "Asia" },
  europe: { vi: "châu Âu", en: "Europe" },
  africa: { vi: "châu Phi", en: "Africa" },
  oceania: { vi: "châu Đại Dương", en: "Oceania" },
  americas: { vi: "châu Mỹ", en: "the Americas" },
};

export interface SubRegion {
  /** M49 code of the sub-region. */
  m49: string;
  continent: Continent;
  vi: string;
  en: string;
  /** ISO 3166 alpha-2 codes, space-separated. */
  countries: string;
}

export const SUB_REGIONS: readonly SubRegion[] = [
  {
    m49: "015",
    continent: "africa",
    vi: "Bắc Phi",
    en: "Northern Africa",
    countries: "DZ EG LY MA SD TN EH",
  },
  {
    m49: "014",
    continent: "africa",
    vi: "Đông Phi",
    en: "Eastern Africa",
    countries: "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
  },
  {
    m49: "017",
    continent: "africa",
    vi: "Trung Phi",
    en: "Middle Africa",
    countries: "AO CM CF TD CG CD GQ GA ST",
  },
  {
    m49: "018",
    continent: "africa",
    vi: "Nam Phi (khu vực)",
    en: "Southern Africa",
    countries: "BW SZ LS NA ZA",
  },
  {
    m49: "011",
    continent: "africa",
    vi: "Tây Phi",
    en: "Western Africa",
    countries: "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
  },
  {
    m49: "029",
    continent: "americas",
    vi: "Ca-ri-bê",
    en: "Caribbean",
    countries: "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
  },
  {
    m49: "013",
    continent: "americas",
    vi: "Trung Mỹ",
    en: "Central America",
    countries: "BZ CR SV GT HN MX NI PA",
  },
  {
    m49: "005",
    continent: "americas",
    vi: "Nam Mỹ",
    en: "South America",
    countries: "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
  },
  {
    m49: "021",
    continent: "americas",
    vi: "Bắc Mỹ",
    en: "Northern America",
    countries: "BM CA GL PM US",
  },
  {
    m49: "143",
    continent: "asia",
    vi: "Trung Á",
    en: "Central Asia",
    countries: "KZ KG TJ TM UZ",
  },
  {
    m49: "030",
    continent: "asia",
    vi: "Đông Á",
    en: "Eastern Asia",
    countries: "CN HK MO KP JP MN KR TW",
  },
  {
    m49: "035",
    continent: "asia",
    vi: "Đông Nam Á",
    en: "South-eastern Asia",
    countries: "BN KH ID LA MY MM PH SG TH TL VN",
  },
  {
    m49: "034",
    continent: "asia",
    vi: "Nam Á",
    en: "Southern Asia",
    countries: "AF BD BT IN IR MV NP PK LK",
  },
  {
    m49: "145",
    continent: "asia",
    vi: "Tây Á",
    en: "Western Asia",
    countries: "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
  },
  {
    m49: "151",
    continent: "europe",
    vi: "Đông Âu",
    en: "Eastern Europe",
    countries: "BY BG CZ HU PL MD RO RU SK UA",
  },
  {
    m49: "154",
    continent: "europe",
    vi: "Bắc Âu",
    en: "Northern Europe",
    countries: "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
  },
  {
    m49: "039",
    continent: "europe",
    vi: "Nam Âu",
    en: "Southern Europe",
    countries: "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK",
  },
  {
    m49: "155",
    continent: "europe",
    vi: "Tây Âu",
    en: "Western Europe",
    countries: "AT BE FR DE LI LU MC NL CH",
  },
  {
    m49: "053",
    continent: "oceania",
    vi: "Úc và New Zealand",
    en: "Australia and New Zealand",
    countries: "AU CX CC HM NZ NF",
  },
  {
    m49: "054",
    continent: "oceania",
    vi: "Melanesia",
    en: "Melanesia",
    countries: "FJ NC PG SB VU",
  },
  {
    m49: "057",
    continent: "oceania",
    vi: "Micronesia",
    en: "Micronesia",
    countries: "GU KI MH FM NR MP PW UM",
  },
  {
    m49: "061",
    continent: "oceania",
    vi: "Polynesia",
    en: "Polynesia",
    countries: "AS CK PF NU PN WS TK TO TV WF",
  },
];

const BY_CODE = new Map<string, SubRegion>();
for (const region of SUB_REGIONS) for (const code of region.countries.split(" ")) BY_CODE.set(code, region);

/** The M49 sub-region of an ISO alpha-2 code; undefined for codes M49 places nowhere (Antarctica) or unknown. */
export function subRegionOf(code: string | undefined): SubRegion | undefined {
  return code === undefined ? undefined : BY_CODE.get(code.toUpperCase());
}
