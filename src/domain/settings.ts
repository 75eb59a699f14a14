/** What the user sets in the pane's "Cài đặt" tab (and the CLI's flags). */
export interface CheckSettings {
  /** Profile id (profiles/) or a department's own profile loaded from JSON. */
  profileId: string;
  /** Plan year: periods outside it are flagged. */
  year: number;
  /** Size of the agency's leadership (tập thể lãnh đạo), for leadership-half; unset = rule silent. */
  leadershipSize?: number;
  /** Names of the agency's key leaders, recognised as key leaders whatever role text is written. */
  keyLeaderNames?: string[];
  locale: "vi" | "en";
  /** The agency block of the official form: cơ quan chủ quản and cơ quan lập (templates and masters). */
  agency?: { parent?: string; name?: string };
}
