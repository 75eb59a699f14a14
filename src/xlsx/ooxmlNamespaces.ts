/** XML namespace names written into packages: URIs that name, never fetched. */

/** Relationship ids in workbook and sheet XML (`r:id`). */
export const OFFICE_RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** A part's relationships file (`_rels/*.rels`). */
export const PACKAGE_RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";
