/**
 * The UN document layout in Word units: A4, Times New Roman 10 on 12 pt,
 * the indents of preambular and operative paragraphs and subparagraphs.
 * Word measures in twips (1/20 pt; 567 ≈ 1 cm) and font sizes in half-points.
 */
export const FONT = 'Times New Roman';
/** 10 pt */
export const BODY_SIZE = 20;
/** 12 pt line, exactly */
export const LINE = 240;
export const A4 = { width: 11906, height: 16838 };
export const MARGINS = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567, gutter: 0 };
/** The text column of the body starts 2.2 cm in, as in UN documents. */
export const BODY_INDENT = 1247;
/** First-line indent of preambular and operative paragraphs. */
export const FIRST_LINE = 567;
/** Subparagraphs: each level 1 cm further in, the marker hanging. */
export const SUB_STEP = 567;
