/** Settings (pane or CLI flags) → the rule engine's context. */
import type { Profile } from "../domain/profiles/schema";
import { getProfile } from "../domain/profiles";
import type { CheckContext } from "../domain/rules";
import type { CheckSettings } from "../domain/settings";

/** A department's own profile, loaded from JSON, takes precedence over the shipped one with the same id. */
export function checkContext(settings: CheckSettings, customProfiles: readonly Profile[] = []): CheckContext {
  const profile = customProfiles.find((candidate) => candidate.id === settings.profileId) ?? getProfile(settings.profileId);
  const context: CheckContext = { profile, year: settings.year };
  if (settings.leadershipSize !== undefined && settings.leadershipSize > 0) context.leadershipSize = settings.leadershipSize;
  const names = (settings.keyLeaderNames ?? []).map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length > 0) context.keyLeaderNames = names;
  return context;
}

/** Plans are drawn up in the second half of the year for the next one. */
export function defaultPlanYear(today: Date): number {
  return today.getMonth() >= 6 ? today.getFullYear() + 1 : today.getFullYear();
}
