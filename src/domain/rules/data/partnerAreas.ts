/**
 * Provinces abroad that people-to-people partners may belong to. Lai Châu: "các địa phương của tỉnh
 * Vân Nam - Trung Quốc, các địa phương của các tỉnh phía Bắc nước CHDCND Lào" [S4]; the northern Lao
 * provinces are Phongsaly, Luang Namtha, Oudomxay, Luang Prabang, Houaphan, Bokeo and Xayabury.
 * Aliases: the Vietnamese transcriptions and Latin spellings officials write, plus the prefectures and
 * towns of Yunnan on the border that partners are often named by. Data: extend freely.
 */

export interface PartnerArea {
  id: string;
  /** Vietnamese name as messages show it. */
  name: string;
  /** ISO alpha-2 code of the country. */
  country: string;
  aliases: readonly string[];
}

export const PARTNER_AREAS: readonly PartnerArea[] = [
  {
    id: "van-nam",
    name: "Vân Nam (Trung Quốc)",
    country: "CN",
    aliases: [
      "Vân Nam",
      "Yunnan",
      "Hồng Hà",
      "Honghe",
      "Kim Bình",
      "Jinping",
      "Lục Xuân",
      "Luchun",
      "Giang Thành",
      "Jiangcheng",
      "Phổ Nhĩ",
      "Pu'er",
      "Mông Tự",
      "Mengzi",
      "Hà Khẩu",
      "Hekou",
      "Côn Minh",
      "Kunming",
      "Văn Sơn",
      "Wenshan",
      "Tây Song Bản Nạp",
      "Xishuangbanna",
      "Mãn Mỗ",
      "Manmo",
    ],
  },
  {
    id: "phongsaly",
    name: "Phông Sa Lỳ (Lào)",
    country: "LA",
    aliases: ["Phông Sa Lỳ", "Phông-xa-lỳ", "Phongsaly", "Phongsali", "Phong Saly"],
  },
  {
    id: "luang-namtha",
    name: "Luông Nặm Thà (Lào)",
    country: "LA",
    aliases: ["Luông Nặm Thà", "Luông Nậm Thà", "Luang Namtha", "Luang Nam Tha"],
  },
  {
    id: "oudomxay",
    name: "U Đôm Xay (Lào)",
    country: "LA",
    aliases: ["U Đôm Xay", "U-đôm-xay", "Oudomxay", "Oudomxai", "Udomxay", "Muang Xay", "Mường Xay"],
  },
  {
    id: "luang-prabang",
    name: "Luông Pha Băng (Lào)",
    country: "LA",
    aliases: ["Luông Pha Băng", "Luông-pha-băng", "Luang Prabang", "Luang Phabang"],
  },
  {
    id: "houaphan",
    name: "Hủa Phăn (Lào)",
    country: "LA",
    aliases: ["Hủa Phăn", "Hủa-phăn", "Houaphan", "Houaphanh", "Hua Phan", "Sầm Nưa", "Xam Neua"],
  },
  {
    id: "bokeo",
    name: "Bò Kẹo (Lào)",
    country: "LA",
    aliases: ["Bò Kẹo", "Bokeo", "Bo Keo"],
  },
  {
    id: "xayabury",
    name: "Xay-nha-bu-ly (Lào)",
    country: "LA",
    aliases: ["Xay-nha-bu-ly", "Xay Nha Bu Ly", "Xayabury", "Xayaboury", "Xaignabouli", "Sayaboury", "Sainyabuli"],
  },
];

export const PARTNER_AREA_BY_ID = new Map(PARTNER_AREAS.map((area) => [area.id, area]));
