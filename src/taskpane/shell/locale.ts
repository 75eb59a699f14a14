import type { Locale } from "../../i18n";

/** Vietnamese unless the page was opened with ?lang=en. */
export function localeFromSearch(search: string): Locale {
  return new URLSearchParams(search).get("lang") === "en" ? "en" : "vi";
}
