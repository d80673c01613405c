/**
 * The look of an exported report, close to the published ones: a plain sans
 * serif, a large light title, bold headings, numbers hanging in the margin,
 * square bullets. Sizes are in half-points, distances in twentieths of a point.
 */
import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';

export const FONT = 'Tahoma';
export const BODY_SIZE = 22; // 11 pt
/** A4 with 2 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Where the text of a numbered paragraph starts (the number hangs to its left). */
export const HANG = 567;
export const TYPED_HANG = 720;

/** `####` and below: bold body text. */
const MINOR_HEADING = {
  run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' },
  paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
};

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: BODY_SIZE },
      paragraph: { spacing: { after: 160, line: 264 } },
    },
    title: {
      run: { font: FONT, size: 44, bold: false, color: '000000' },
      paragraph: { spacing: { before: 480, after: 360 }, keepNext: true },
    },
    heading1: {
      run: { font: FONT, size: 28, bold: true, color: '000000' },
      paragraph: { spacing: { before: 320, after: 160 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: 24, bold: true, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
    },
    heading3: MINOR_HEADING,
    heading4: MINOR_HEADING,
    heading5: MINOR_HEADING,
    heading6: MINOR_HEADING,
    listParagraph: {
      run: { font: FONT, size: BODY_SIZE },
      paragraph: { spacing: { after: 160 } },
    },
  },
};

export const BULLETS = 'bullets';

/** The reference of the numbering that starts at `start` (one per distinct start; each run of numbers is an instance). */
export function numberingReference(start: number): string {
  return `paragraphs-from-${start}`;
}

export function numberingConfig(starts: Iterable<number>): INumberingOptions {
  const config: INumberingOptions['config'][number][] = [{
    reference: BULLETS,
    levels: [0, 1, 2].map((level) => ({
      level,
      format: LevelFormat.BULLET,
      text: ['\u25A0', '\u2013', '\u25AA'][level],
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: HANG * (level + 1), hanging: HANG } } },
    })),
  }];
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    config.push({
      reference: numberingReference(start),
      levels: [{
        level: 0,
        format: LevelFormat.DECIMAL,
        text: '%1.',
        start,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: HANG, hanging: HANG } } },
      }],
    });
  }
  return { config };
}
