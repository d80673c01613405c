/** The shapes of the data in server/profiles/*.yaml, once loaded and checked. */

export type NumberingStyle = 'continuous' | 'section' | 'none';
export type FindingKind = 'para' | 'wni' | 'finding' | 'rec' | 'priority';
export type FieldType = 'text' | 'date' | 'date-range' | 'date-list' | 'list' | 'integer' | 'enum';

export interface FieldSpec {
  required: boolean;
  type: FieldType;
  values?: string[];
}

export interface SectionSpec {
  id: string;
  /** The heading as it should be written. */
  heading?: string;
  /** Other headings accepted as this section (older wording). */
  accept: string[];
  required: boolean;
  /** A required section is satisfied by this other section instead. */
  alternativeTo?: string;
  /** Items in this section are findings with this id prefix. */
  findings?: FindingKind;
  /** Slot for the judgement sections (graded kinds). */
  judgements?: boolean;
  /** Slot for "## N. Title" sections (scrutiny). */
  numberedSections?: boolean;
  /**
   * ISO date: the `accept` wordings are right only for reports whose inspection
   * started before it; from then the heading is written exactly as `heading`.
   */
  acceptBefore?: string;
  /**
   * A required section may be left out when every judgement in the table has
   * this grade (a grade phrase of the report's framework, e.g. 'Outstanding').
   */
  notRequiredWhenAll?: string;
  /**
   * A part of its own, bound into the report (the SIF's review of the LSCB):
   * abbreviations are spelled out afresh at their first use in it.
   */
  part?: boolean;
}

export interface Profile {
  kind: string;
  label: string;
  framework?: string;
  graded: boolean;
  letter: boolean;
  /** Letters: a paragraph starting with one of these begins the closing lines (not findings). */
  closing: string[];
  numbering: NumberingStyle;
  frontMatter: Record<string, FieldSpec>;
  sections: SectionSpec[];
  /** Where the profile came from (file path), for messages. */
  source: string;
}

export interface JudgementSpec {
  key: string;
  name: string;
  short: string;
  variants: string[];
  /**
   * Other names its section heading is printed under in the judgement's own
   * framework (SIF: 'The experiences and progress of children who need help and
   * protection' for the table's 'Children who need help and protection'). Exact,
   * not near misses; they count only in an era that has the judgement.
   */
  headings?: string[];
  /**
   * Other phrases running text names the judgement by, besides its short name
   * ('children looked after' for children in care, 'leadership' for leaders):
   * how a council's paper or a letter quoting an earlier grade says which
   * judgement it means (history/mentions.ts). Never names a table or heading may use.
   */
  mentions?: string[];
  /**
   * The judgement of another framework whose area this one's is part of, where
   * no name says so (the SIF's 'Adoption performance' in ILACS's children in
   * care): how the history places a finding under it (domain/judgements.ts `judgementFamilies`).
   */
  partOf?: string;
}

export interface Era {
  id: string;
  framework: string;
  /** First inspection start date (ISO) the era applies to. */
  from: string;
  /** Key into Catalog.grades. */
  grades: string;
  table: string[];
  optional: string[];
  sections: string[];
  practice: string[];
  overall?: string;
  leaders?: string;
  /**
   * 'observed' when the era's judgement tables printed grades in more than one
   * case (SIF: sentence, lower and title case), so that the table's sentence
   * case is observed style there (a warning), not a rule; 'strict' otherwise.
   */
  tableCase: 'strict' | 'observed';
}

export interface Catalog {
  grades: Record<string, string[]>;
  /** Lower-case wrong grade words mapped to the intended grade, or null. */
  notGrades: Record<string, string | null>;
  /**
   * Per grade set: other wordings the framework's own reports printed for one of
   * its grades (lower case), mapped to that grade; accepted as it, never an error.
   */
  gradeForms?: Record<string, Record<string, string>>;
  judgements: Record<string, JudgementSpec>;
  eras: Era[];
  /**
   * What a judgement table printed for a judgement not made (SIF reports of
   * small authorities: 'Not judged'): not a grade, and not an error.
   */
  notJudged?: string[];
}

export interface ProfileSet {
  catalog: Catalog;
  profiles: Map<string, Profile>;
}
