/** The pane's strings for the chosen locale, through a context so every component follows a language switch. */
import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
import { format, stringsFor, type Locale, type Strings } from "../i18n";

export interface PaneStrings {
  locale: Locale;
  t: Strings["pane"];
  rules: Strings["ruleNames"];
  format: typeof format;
}

const LocaleContext = createContext<Locale>("vi");

export function LocaleProvider({ locale, children }: { locale: Locale; children?: ReactNode }) {
  return createElement(LocaleContext.Provider, { value: locale }, children);
}

export function useStrings(): PaneStrings {
  const locale = useContext(LocaleContext);
  return useMemo(() => {
    const strings = stringsFor(locale);
    return { locale, t: strings.pane, rules: strings.ruleNames, format };
  }, [locale]);
}
