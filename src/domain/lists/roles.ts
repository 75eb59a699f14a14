import type { ListEntry } from "./types";

/** A leader role (DOMAIN.md "Leader roles"). */
export interface RoleEntry extends ListEntry {
  /** Tier I: a city/province leader (section I of the plan) [S0]. */
  cityLeader: boolean;
  /** Default "lãnh đạo chủ chốt" (inferred: head of the agency and party secretary); profiles override by id. */
  keyLeader: boolean;
}

/**
 * Order matters for matching: more specific roles ("Phó Chủ tịch UBND xã") before general ones,
 * deputies before heads (so "Phó Chủ tịch" never matches "Chủ tịch").
 */
export const ROLES: RoleEntry[] = [
  { id: "pho-bi-thu-tinh-uy", name: "Phó Bí thư Thành ủy/Tỉnh ủy", aliases: ["Phó Bí thư Thành ủy", "Phó Bí thư Tỉnh ủy", "PBT Thành ủy", "PBT TU", "PBTTU", "Phó Bí thư Thường trực Thành ủy"], cityLeader: true, keyLeader: true },
  { id: "bi-thu-tinh-uy", name: "Bí thư Thành ủy/Tỉnh ủy", aliases: ["Bí thư Thành ủy", "Bí thư Tỉnh ủy", "BT Thành ủy", "BT TU", "BTTU"], cityLeader: true, keyLeader: true },
  // Commune level: more specific than the city's HĐND roles, so listed first.
  { id: "pho-chu-tich-hdnd-xa", name: "Phó Chủ tịch HĐND xã/phường", aliases: ["Phó Chủ tịch HĐND xã", "Phó Chủ tịch HĐND phường", "Phó Chủ tịch HĐND thị trấn", "Phó Chủ tịch HĐND huyện", "Phó Chủ tịch HĐND đặc khu", "PCT HĐND xã", "PCT HĐND phường", "PCT HĐND huyện"], cityLeader: false, keyLeader: false },
  { id: "chu-tich-hdnd-xa", name: "Chủ tịch HĐND xã/phường", aliases: ["Chủ tịch HĐND xã", "Chủ tịch HĐND phường", "Chủ tịch HĐND thị trấn", "Chủ tịch HĐND huyện", "Chủ tịch HĐND đặc khu", "CT HĐND xã", "CT HĐND phường", "CT HĐND huyện"], cityLeader: false, keyLeader: true },
  { id: "pho-chu-tich-hdnd", name: "Phó Chủ tịch HĐND", aliases: ["Phó Chủ tịch HĐND thành phố", "Phó Chủ tịch HĐND tỉnh", "Phó Chủ tịch Hội đồng nhân dân", "PCT HĐND", "PCT HĐND TP"], cityLeader: true, keyLeader: true },
  { id: "chu-tich-hdnd", name: "Chủ tịch HĐND", aliases: ["Chủ tịch HĐND thành phố", "Chủ tịch HĐND tỉnh", "Chủ tịch Hội đồng nhân dân", "CT HĐND", "CT HĐND TP"], cityLeader: true, keyLeader: true },
  { id: "pho-chu-tich-ubnd-xa", name: "Phó Chủ tịch UBND xã/phường", aliases: ["Phó Chủ tịch UBND xã", "Phó Chủ tịch UBND phường", "Phó Chủ tịch UBND đặc khu", "Phó Chủ tịch UBND huyện", "Phó Chủ tịch UBND quận", "PCT UBND xã", "PCT UBND phường", "PCT UBND huyện", "PCT UBND quận", "Phó Chủ tịch UBND thị trấn", "Phó Chủ tịch UBND thị xã", "PCT UBND thị trấn", "PCT UBND thị xã", "PCT UBND đặc khu", "PCT UBND P."], cityLeader: false, keyLeader: false },
  { id: "chu-tich-ubnd-xa", name: "Chủ tịch UBND xã/phường", aliases: ["Chủ tịch UBND xã", "Chủ tịch UBND phường", "Chủ tịch UBND đặc khu", "Chủ tịch UBND huyện", "Chủ tịch UBND quận", "CT UBND xã", "CT UBND phường", "CT UBND huyện", "CT UBND quận", "Chủ tịch UBND thị trấn", "Chủ tịch UBND thị xã", "CT UBND thị trấn", "CT UBND thị xã", "CT UBND đặc khu"], cityLeader: false, keyLeader: true },
  { id: "pho-chu-tich-ubnd", name: "Phó Chủ tịch UBND thành phố/tỉnh", aliases: ["Phó Chủ tịch UBND", "Phó Chủ tịch UBND thành phố", "Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch Ủy ban nhân dân thành phố", "PCT UBND", "PCT UBND TP", "PCT UBND tỉnh"], cityLeader: true, keyLeader: true },
  { id: "chu-tich-ubnd", name: "Chủ tịch UBND thành phố/tỉnh", aliases: ["Chủ tịch UBND", "Chủ tịch UBND thành phố", "Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân thành phố", "CT UBND", "CT UBND TP", "CT UBND tỉnh"], cityLeader: true, keyLeader: true },
  { id: "truong-doan-dbqh", name: "Trưởng đoàn ĐBQH", aliases: ["Trưởng đoàn Đại biểu Quốc hội", "Trưởng Đoàn ĐBQH thành phố", "Phó Trưởng đoàn ĐBQH", "Phó Trưởng đoàn Đại biểu Quốc hội"], cityLeader: true, keyLeader: true },
  { id: "pho-giam-doc-so", name: "Phó Giám đốc Sở", aliases: ["Phó Giám đốc", "PGĐ", "PGD", "PGĐ Sở"], cityLeader: false, keyLeader: false },
  { id: "giam-doc-so", name: "Giám đốc Sở", aliases: ["Giám đốc", "GĐ", "GD", "GĐ Sở"], cityLeader: false, keyLeader: true },
  { id: "pho-chanh-van-phong", name: "Phó Chánh Văn phòng", aliases: ["Phó Chánh VP", "PCVP"], cityLeader: false, keyLeader: false },
  { id: "chanh-van-phong", name: "Chánh Văn phòng", aliases: ["Chánh VP", "CVP"], cityLeader: false, keyLeader: true },
  { id: "pho-bi-thu-dang-uy", name: "Phó Bí thư Đảng ủy", aliases: ["Phó Bí thư Đảng ủy xã", "Phó Bí thư Đảng ủy phường", "Phó Bí thư", "PBT Đảng ủy", "PBT ĐU", "PBT"], cityLeader: false, keyLeader: false },
  { id: "bi-thu-dang-uy", name: "Bí thư Đảng ủy", aliases: ["Bí thư Đảng ủy xã", "Bí thư Đảng ủy phường", "Bí thư", "BT Đảng ủy", "BT ĐU", "BT"], cityLeader: false, keyLeader: true },
  { id: "pho-truong-ban", name: "Phó Trưởng ban", aliases: ["Phó Ban", "PTB", "Phó trưởng Ban"], cityLeader: false, keyLeader: false },
  { id: "truong-ban", name: "Trưởng ban", aliases: ["Trưởng Ban", "TB"], cityLeader: false, keyLeader: true },
  // Village level (Lai Châu's people-to-people plans). "Trưởng bản" folds like "Trưởng ban": kept apart
  // by matching the words as written first; an undiacritised "truong ban" stays "Trưởng ban", listed first.
  { id: "pho-truong-ban-thon", name: "Phó Trưởng bản/thôn", aliases: ["Phó trưởng bản", "Phó trưởng thôn", "Phó bản", "Phó trưởng bản, thôn"], cityLeader: false, keyLeader: false },
  { id: "truong-ban-thon", name: "Trưởng bản/thôn", aliases: ["Trưởng bản", "Trưởng thôn", "Trưởng khu dân cư", "Trưởng bản, thôn"], cityLeader: false, keyLeader: false },
  { id: "bi-thu-chi-bo", name: "Bí thư chi bộ", aliases: ["Bí thư chi bộ bản", "Bí thư chi bộ thôn", "BT chi bộ", "Bí thư chi bộ kiêm trưởng bản"], cityLeader: false, keyLeader: false },
  { id: "pho-hieu-truong", name: "Phó Hiệu trưởng", aliases: ["PHT", "P. Hiệu trưởng"], cityLeader: false, keyLeader: false },
  { id: "hieu-truong", name: "Hiệu trưởng", aliases: ["HT"], cityLeader: false, keyLeader: true },
  { id: "pho-truong-phong", name: "Phó Trưởng phòng", aliases: ["Phó phòng", "PTP", "Phó TP"], cityLeader: false, keyLeader: false },
  { id: "truong-phong", name: "Trưởng phòng", aliases: ["TP", "Trưởng P."], cityLeader: false, keyLeader: false },
  { id: "tong-giam-doc-dnnn", name: "Tổng Giám đốc doanh nghiệp nhà nước", aliases: ["Tổng Giám đốc", "TGĐ", "TGD"], cityLeader: false, keyLeader: true },
  { id: "chu-tich-dnnn", name: "Chủ tịch doanh nghiệp nhà nước", aliases: ["Chủ tịch HĐQT", "Chủ tịch Hội đồng thành viên", "Chủ tịch HĐTV", "Chủ tịch công ty"], cityLeader: false, keyLeader: true },
  { id: "chuyen-vien", name: "Chuyên viên", aliases: ["CV", "Cán bộ", "Công chức", "Viên chức", "Giáo viên", "Giảng viên"], cityLeader: false, keyLeader: false },
];

export const ROLE_BY_ID: ReadonlyMap<string, RoleEntry> = new Map(ROLES.map((r) => [r.id, r]));
