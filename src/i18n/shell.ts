import { defineStrings } from "./define";

/** The task pane shell: loading and the messages shown when the pane cannot run. */
export const shell = defineStrings({
  vi: {
    appName: "Kế hoạch đoàn ra, đoàn vào",
    loading: "Đang tải…",
  },
  en: {
    appName: "Delegation plans",
    loading: "Loading…",
  },
});
