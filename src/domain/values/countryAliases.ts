/**
 * How Vietnamese officials name countries. Data only: extend the tables, not the code.
 * Keys are ISO 3166-1 alpha-2 codes.
 */

/**
 * Standard display names that replace the `vi` names of i18n-iso-countries: where the library gives
 * a long official form ("Hợp chủng quốc Hoa Kỳ", "Cộng hòa Dân chủ nhân dân Lào"), a wrong one
 * ("Bán đảo Mã Lai" for Malaysia), a form with a comma (a comma separates countries in a cell), or a
 * spelling officials do not use. Short common names, like the rest of the list ("Trung Quốc", "Úc").
 */
export const COUNTRY_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  US: "Hoa Kỳ",
  LA: "Lào",
  RU: "Nga",
  GB: "Anh",
  TW: "Đài Loan (Trung Quốc)",
  HK: "Hồng Kông (Trung Quốc)",
  MO: "Ma Cao (Trung Quốc)",
  MY: "Malaysia",
  BN: "Brunei",
  CZ: "Séc",
  AT: "Áo",
  RO: "Romania",
  IR: "Iran",
  SY: "Syria",
  TZ: "Tanzania",
  MD: "Moldova",
  FM: "Micronesia",
  SA: "Ả Rập Xê Út",
  AE: "Các Tiểu vương quốc Ả Rập Thống nhất",
  PS: "Palestine",
  VA: "Tòa Thánh Vatican",
  TL: "Đông Timor",
  CU: "Cu Ba",
  CV: "Cabo Verde",
  CI: "Côte d'Ivoire",
  GQ: "Guinea Xích Đạo",
  RE: "Réunion",
  HM: "Quần đảo Heard và McDonald",
  VG: "Quần đảo Virgin thuộc Anh",
  VI: "Quần đảo Virgin thuộc Hoa Kỳ",
  BQ: "Vùng Caribe thuộc Hà Lan",
  UM: "Các đảo nhỏ xa bờ của Hoa Kỳ",
  // The library keeps these in English; Vietnamese documents write them so.
  CY: "Síp",
  GE: "Gruzia",
  LB: "Liban",
  LT: "Litva",
  TD: "Tchad",
};

/**
 * ISO codes kept out of the countries dropdown: dependent territories, uninhabited areas and Kosovo
 * (which Việt Nam does not recognise). The dropdown keeps the sovereign states and the territories plans
 * name (Đài Loan, Hồng Kông, Ma Cao). Cells naming these are still read and standardised.
 */
export const NOT_IN_DROPDOWN: readonly string[] = [
  "AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF",
  "GG", "GI", "GL", "GP", "GS", "GU", "HM", "IM", "IO", "JE", "KY", "MF", "MP", "MQ", "MS", "NC", "NF",
  "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT", "XK",
];

/**
 * Other ways units write a country (Vietnamese, transliterated, English, abbreviations).
 * Matched case-, space- and hyphen-insensitively; a text without any diacritic also matches the
 * diacritic form ("Nhat Ban"). The library's own `vi` and `en` names are aliases already.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ["Mỹ", "Mĩ", "Hoa Kỳ", "Hoa Kì", "Hợp chủng quốc Hoa Kỳ", "Hoa Kỳ (Mỹ)", "USA", "America", "United States"],
  KR: ["Hàn", "Hàn Quốc", "Nam Triều Tiên", "Đại Hàn", "Đại Hàn Dân Quốc", "Korea", "South Korea"],
  KP: ["Triều Tiên", "Bắc Triều Tiên", "CHDCND Triều Tiên", "North Korea"],
  DE: ["Đức", "CHLB Đức", "Cộng hòa Liên bang Đức", "LB Đức", "Germany"],
  RU: ["Nga", "LB Nga", "Liên bang Nga", "Russia"],
  GB: ["Anh", "Vương quốc Anh", "Anh Quốc", "Vương quốc Liên hiệp Anh và Bắc Ireland", "UK", "United Kingdom", "Great Britain", "England", "Scotland"],
  AU: ["Úc", "Ô-xtrây-li-a", "Australia", "Ốt-xtrây-li-a"],
  LA: ["Lào", "CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào", "Laos", "Lao PDR"],
  KH: ["Campuchia", "Cam-pu-chia", "Căm-pu-chia", "Vương quốc Campuchia", "Cambodia"],
  SG: ["Singapore", "Xinh-ga-po", "Xing-ga-po", "Singapo"],
  JP: ["Nhật", "Nhật Bản", "Japan"],
  FR: ["Pháp", "Cộng hòa Pháp", "France"],
  TH: ["Thái Lan", "Thái", "Vương quốc Thái Lan", "Thailand"],
  CN: ["Trung Quốc", "TQ", "Trung Hoa", "CHND Trung Hoa", "Cộng hòa Nhân dân Trung Hoa", "China"],
  TW: ["Đài Loan", "Đài Loan (TQ)", "Đài Loan - Trung Quốc", "Taiwan"],
  HK: ["Hồng Kông", "Hồng Công", "Hồng Kông (TQ)", "Hong Kong"],
  MO: ["Ma Cao", "Ma Cao (TQ)", "Macao", "Macau"],
  IN: ["Ấn Độ", "India"],
  CA: ["Canada", "Ca-na-đa"],
  NL: ["Hà Lan", "Holland", "Netherlands"],
  BE: ["Bỉ", "Vương quốc Bỉ", "Belgium"],
  CH: ["Thụy Sĩ", "Thụy Sỹ", "Switzerland"],
  SE: ["Thụy Điển", "Sweden"],
  IT: ["Ý", "Italia", "I-ta-li-a", "Italy"],
  ES: ["Tây Ban Nha", "Spain"],
  CZ: ["Séc", "Cộng hòa Séc", "CH Séc", "Czech", "Czechia"],
  PL: ["Ba Lan", "Poland"],
  HU: ["Hung-ga-ri", "Hungari", "Hungary"],
  CU: ["Cu Ba", "Cuba"],
  NZ: ["New Zealand", "Niu Di-lân", "Niu Dilân"],
  IL: ["Ixraen", "I-xra-en", "Israel"],
  AE: ["UAE", "Các Tiểu vương quốc Ả Rập Thống nhất", "Tiểu vương quốc Ả Rập Thống nhất", "Các TVQ Ả Rập Thống nhất", "United Arab Emirates"],
  MM: ["Myanmar", "Mi-an-ma", "Miến Điện"],
  ID: ["Indonesia", "In-đô-nê-xi-a", "Inđônêxia"],
  MY: ["Malaysia", "Ma-lai-xi-a", "Malaixia", "Mã Lai"],
  PH: ["Philippines", "Phi-líp-pin", "Philippin", "Philippine"],
  BN: ["Brunei", "Bru-nây", "Brunây", "Brunei Darussalam"],
  TL: ["Đông Timo", "Đông Ti-mo", "Đông Timor", "Timor-Leste", "East Timor"],
  AT: ["Áo", "Austria"],
  DK: ["Đan Mạch", "Denmark"],
  NO: ["Na Uy", "Norway"],
  FI: ["Phần Lan", "Finland"],
  PT: ["Bồ Đào Nha", "Portugal"],
  GR: ["Hy Lạp", "Greece"],
  TR: ["Thổ Nhĩ Kỳ", "Turkey", "Türkiye"],
  EG: ["Ai Cập", "Egypt"],
  ZA: ["Nam Phi", "South Africa"],
  BR: ["Brazil", "Braxin", "Bra-xin"],
  AR: ["Argentina", "Ác-hen-ti-na"],
  MX: ["Mexico", "Mê-hi-cô"],
  CL: ["Chile", "Chi-lê"],
  MN: ["Mông Cổ", "Mongolia"],
  BY: ["Belarus", "Bê-la-rút"],
  UA: ["Ukraine", "U-crai-na"],
  RO: ["Romania", "Ru-ma-ni", "Rumani"],
  BG: ["Bulgaria", "Bun-ga-ri"],
  SK: ["Slovakia", "Xlô-va-ki-a"],
  KZ: ["Kazakhstan", "Ca-dắc-xtan"],
  SA: ["Ả Rập Xê Út", "A-rập Xê-út", "Saudi Arabia"],
  QA: ["Qatar", "Ca-ta"],
  IE: ["Ireland", "Ai-len"],
  LU: ["Luxembourg", "Lúc-xăm-bua"],
  MA: ["Ma-rốc", "Morocco"],
  IR: ["Iran", "I-ran"],
  VN: ["Việt Nam", "Vietnam"],
};

/**
 * Codes of places written as "X (Trung Quốc)": when a unit writes "Trung Quốc (Đài Loan)" it means
 * the inner place, not China.
 */
export const PARTS_OF_CHINA: readonly string[] = ["TW", "HK", "MO"];

/**
 * Words in front of a country name that do not change which country it is ("Nước Pháp",
 * "Cộng hòa Pháp", "Vương quốc Bỉ"), folded. Tried only when the whole text matches nothing.
 */
export const COUNTRY_PREFIXES: readonly string[] = [
  "cac nuoc",
  "nuoc",
  "quoc gia",
  "cong hoa",
  "ch",
  "vuong quoc",
  "lien bang",
  "lb",
  "chlb",
  "chdcnd",
  "chnd",
  "chxhcn",
];

/** Pieces of a country cell that name nothing ("v.v.", "…"), folded. */
export const COUNTRY_FILLERS: readonly string[] = ["v v", "vv", "etc", "va", "and"];
