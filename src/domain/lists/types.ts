/** An entry of a standard list: a stable id (used by profiles and rules), its standard name, and how units write it. */
export interface ListEntry {
  id: string;
  name: string;
  /** Other spellings and abbreviations; matched after Vietnamese folding. */
  aliases: string[];
}
