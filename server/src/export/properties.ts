/**
 * The names of the custom document properties an exported report carries
 * (docs/word.md, "The front matter travels with the document"). Written by
 * docx.ts, read back by the Word importer (import/docx/properties.ts).
 */

/** The custom document property that carries the report's front matter (YAML, as written). */
export const FRONT_MATTER_PROPERTY = 'inspection-reports-front-matter';
/** The custom document property that names the report's kind ('ilacs', 'focused-visit', ...). */
export const KIND_PROPERTY = 'inspection-reports-kind';
