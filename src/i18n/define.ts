export type Locale = "vi" | "en";

/** A dictionary pair: English must define exactly the Vietnamese keys. */
export type Dictionary<K extends string> = { vi: Record<K, string>; en: Record<K, string> };

export function defineStrings<K extends string>(pair: Dictionary<K>): Dictionary<K> {
  return pair;
}
