import { matchRole, splitLeader } from "../../../src/domain/values";

describe("splitLeader", () => {
  it.each([
    ["Nguyễn Văn A - PCT UBND TP", { name: "Nguyễn Văn A", role: "PCT UBND TP" }],
    ["Nguyễn Văn A – Phó Chủ tịch UBND thành phố", { name: "Nguyễn Văn A", role: "Phó Chủ tịch UBND thành phố" }],
    ["Nguyễn Văn A-PCT UBND TP", { name: "Nguyễn Văn A", role: "PCT UBND TP" }],
    ["Đ/c Nguyễn Văn A, Giám đốc Sở", { name: "Nguyễn Văn A", role: "Giám đốc Sở" }],
    ["Đồng chí Nguyễn Văn A - Phó Chủ tịch Thường trực UBND thành phố", { name: "Nguyễn Văn A", role: "Phó Chủ tịch Thường trực UBND thành phố" }],
    ["Ông Trần Văn B (Phó Giám đốc)", { name: "Trần Văn B", role: "Phó Giám đốc" }],
    ["Bà Lò Thị E, Chủ tịch UBND xã Mường Tè", { name: "Lò Thị E", role: "Chủ tịch UBND xã Mường Tè" }],
    ["PGS.TS Lê Văn D - Hiệu trưởng", { name: "Lê Văn D", role: "Hiệu trưởng" }],
    ["TS. Phạm Thị F, Phó Giám đốc Sở Y tế", { name: "Phạm Thị F", role: "Phó Giám đốc Sở Y tế" }],
    ["PGĐ Sở Trần Văn B", { name: "Trần Văn B", role: "PGĐ Sở" }],
    ["PCT UBND TP Nguyễn Văn A", { name: "Nguyễn Văn A", role: "PCT UBND TP" }],
    ["Giám đốc Sở đ/c Hoàng Văn G", { name: "Hoàng Văn G", role: "Giám đốc Sở" }],
    ["Nguyễn Văn A Giám đốc Sở", { name: "Nguyễn Văn A", role: "Giám đốc Sở" }],
    ["Nguyễn Văn A, Phó Giám đốc, Sở Y tế", { name: "Nguyễn Văn A", role: "Phó Giám đốc, Sở Y tế" }],
    ["NGUYỄN VĂN A - GĐ SỞ", { name: "NGUYỄN VĂN A", role: "GĐ SỞ" }],
    ["Mr. John Smith - Chủ tịch ABC Corp", { name: "John Smith", role: "Chủ tịch ABC Corp" }],
    ["Nguyễn Văn A\nPhó Giám đốc Sở", { name: "Nguyễn Văn A", role: "Phó Giám đốc Sở" }],
    ["Lãnh đạo Sở", { role: "Lãnh đạo Sở" }],
    ["Giám đốc Sở Y tế", { role: "Giám đốc Sở Y tế" }],
    ["Giám đốc Sở Xây dựng Hà Nội", { role: "Giám đốc Sở Xây dựng Hà Nội" }],
    ["Giám đốc Sở Y tế TP Hồ Chí Minh", { role: "Giám đốc Sở Y tế TP Hồ Chí Minh" }],
    ["Sở Y Tế", { role: "Sở Y Tế" }],
    ["Nguyễn Thị C", { name: "Nguyễn Thị C" }],
    ["Đ/c Nguyễn Thị C", { name: "Nguyễn Thị C" }],
    ["Nguyen Van A - PGD So", { name: "Nguyen Van A", role: "PGD So" }],
    // Honorifics before a name followed by the role in the same segment (the role was cut: "ng phòng Kinh tế").
    ["Đ/c Lê Văn B Trưởng phòng Kinh tế", { name: "Lê Văn B", role: "Trưởng phòng Kinh tế" }],
    ["Ông Trần Văn C Giám đốc Sở", { name: "Trần Văn C", role: "Giám đốc Sở" }],
    ["Bà Lò Thị E Chủ tịch UBND xã", { name: "Lò Thị E", role: "Chủ tịch UBND xã" }],
    // Alt+Enter line breaks between name and role, and prefixes people type.
    ["Đ/c Nguyễn Văn A\nPhó Chủ tịch UBND huyện", { name: "Nguyễn Văn A", role: "Phó Chủ tịch UBND huyện" }],
    ["Đ/c Nguyễn Văn A\r\nGiám đốc Sở", { name: "Nguyễn Văn A", role: "Giám đốc Sở" }],
    ["Ms. Nguyễn Thị Lan\nTrưởng phòng", { name: "Nguyễn Thị Lan", role: "Trưởng phòng" }],
    ["Mr Lê Hùng - Phó Giám đốc", { name: "Lê Hùng", role: "Phó Giám đốc" }],
    // Several people in one cell: the first is the leader, the roles of the others are not his.
    ["Đ/c Nguyễn Văn A - PCT UBND huyện\nĐ/c Trần Văn B - Trưởng phòng", { name: "Nguyễn Văn A", role: "PCT UBND huyện" }],
    ["Đ/c Nguyễn Văn A (Giám đốc Sở); Đ/c Trần Văn B (Phó Giám đốc Sở)", { name: "Nguyễn Văn A", role: "Giám đốc Sở" }],
    ["", {}],
    ["  ,  - ", {}],
  ])("%j → %j", (text, expected) => {
    expect(splitLeader(text)).toEqual(expected);
  });

  it("gives a role matchRole reads", () => {
    const { role } = splitLeader("Đ/c Trần Văn B (PCT UBND xã Tân Hưng)");
    expect(matchRole(role ?? "")).toMatchObject({ id: "pho-chu-tich-ubnd-xa", agency: "UBND xã Tân Hưng" });
  });

  it("takes the first person when a cell names two", () => {
    expect(splitLeader("Nguyễn Văn A, Trần Văn B - Giám đốc Sở").name).toBe("Nguyễn Văn A");
  });
});
