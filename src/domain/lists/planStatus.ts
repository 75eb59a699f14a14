import type { ListEntry } from "./types";

/** Plan status: "in" = trong kế hoạch; "out" = ngoài kế hoạch / phát sinh (needs its own dossier) [S1, S3]. */
export const PLAN_STATUS: (ListEntry & { id: "in" | "out" })[] = [
  { id: "in", name: "Trong kế hoạch", aliases: ["Trong KH", "TKH", "KH", "x"] },
  { id: "out", name: "Ngoài kế hoạch (phát sinh)", aliases: ["Ngoài kế hoạch", "Phát sinh", "NKH", "Ngoài KH"] },
];
