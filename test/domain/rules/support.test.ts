import { checkPlan } from "../../../src/domain/rules/engine";
import { DelegationSchema } from "../../../src/domain/model";
import { makeDelegation, testContext } from "./support";

describe("test support", () => {
  it("builds a valid delegation that passes every rule", () => {
    const delegation = makeDelegation();
    expect(DelegationSchema.safeParse(delegation).success).toBe(true);
    expect(checkPlan([delegation], testContext())).toEqual([]);
  });
});
