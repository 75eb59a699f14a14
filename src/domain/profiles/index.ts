/**
 * Jurisdiction profiles: the shipped ones (validated at load) and a department's own JSON.
 * A department's file may start from a shipped profile: { "extends": "hai-phong", "id": "…", … }
 * takes every setting it does not give from that profile (objects merge, lists and values replace).
 */
import defaultJson from "./data/default.json";
import haiPhongJson from "./data/hai-phong.json";
import haNoiJson from "./data/ha-noi.json";
import laiChauJson from "./data/lai-chau.json";
import type { Profile } from "./schema";
import { validateProfile } from "./validate";
import { findJsonSyntaxError } from "./jsonSyntax";

export { ProfileSchema, DeadlineSchema, type Profile } from "./schema";
export { validateProfile, formatPath, defaultKeyLeaderRoles, defaultForbiddenFunding, type ProfileValidation } from "./validate";
export { profileSummary } from "./summary";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function loadShipped(json: unknown, file: string): Profile {
  const result = validateProfile(json);
  // A shipped profile that does not validate is a build defect: fail loudly at load.
  if (result.errors) throw new Error(`Hồ sơ ${file} không hợp lệ:\n${result.errors.join("\n")}`);
  // Shared by every check: frozen so that a settings override cannot change it for everyone.
  return deepFreeze(result.profile);
}

export const PROFILES: Profile[] = [
  loadShipped(defaultJson, "data/default.json"),
  loadShipped(haiPhongJson, "data/hai-phong.json"),
  loadShipped(haNoiJson, "data/ha-noi.json"),
  loadShipped(laiChauJson, "data/lai-chau.json"),
];

export const DEFAULT_PROFILE_ID = "default";

export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}

export function getProfile(id: string): Profile {
  const profile = findProfile(id);
  if (!profile) {
    throw new Error(`Không có bộ quy định «${id}». Các bộ quy định có sẵn: ${PROFILES.map((p) => p.id).join(", ")}`);
  }
  return profile;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else in `override` (values, lists, null) replaces. */
function mergeOver(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeOver(base[key], value);
  return merged;
}

/**
 * A department's profile from the text of its JSON file: the profile, or every problem as a Vietnamese
 * message (invalid JSON, an unknown base profile, each wrong field with its path).
 */
export function parseProfileJson(text: string): { profile?: Profile; errors?: string[] } {
  const json = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const syntax = findJsonSyntaxError(json);
    const detail = syntax
      ? `dòng ${syntax.line}, cột ${syntax.column} — ${syntax.reason}`
      : error instanceof Error
        ? error.message
        : String(error);
    return { errors: [`Tệp cấu hình không phải JSON hợp lệ: ${detail}`] };
  }
  if (isPlainObject(value) && "extends" in value) {
    const { extends: baseId, ...own } = value;
    const base = typeof baseId === "string" ? findProfile(baseId) : undefined;
    if (!base) {
      return {
        errors: [`extends: không có bộ quy định «${baseId}» để kế thừa. Các bộ quy định có sẵn: ${PROFILES.map((p) => p.id).join(", ")}`],
      };
    }
    if (!("id" in own)) return { errors: ['id: bộ quy định kế thừa phải có mã riêng (ví dụ "so-gd-hai-phong")'] };
    value = mergeOver(base, own);
  }
  const result = validateProfile(value);
  return result.errors ? { errors: result.errors } : { profile: result.profile };
}
