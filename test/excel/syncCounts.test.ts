/**
 * The sync budget: read, mark and clear use the same constant number of syncs at 100 and 10,000
 * delegations (the benchmark reuses countSyncs from ./fakeExcel). Not a timing test.
 */
import { countSyncs } from "./fakeExcel";

jest.setTimeout(60_000);

describe("sync counts", () => {
  it.each(["1.20", "1.9"])("are the same constants at 100 and 10,000 rows (ExcelApi %s)", async (apiVersion) => {
    const small = await countSyncs(100, { apiVersion });
    const large = await countSyncs(10_000, { apiVersion });
    expect(large.marks).toBeGreaterThan(100 * small.marks);
    expect({ read: small.read, mark: small.mark, clear: small.clear }).toEqual({ read: 2, mark: 2, clear: 2 });
    expect({ read: large.read, mark: large.mark, clear: large.clear }).toEqual({ read: 2, mark: 2, clear: 2 });
  });
});
