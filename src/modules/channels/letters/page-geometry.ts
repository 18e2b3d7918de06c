/** A4 page geometry in PDF points (1/72 inch), with the envelope windows the letter must fit. */

export const POINTS_PER_MM = 72 / 25.4;
export const mm = (millimetres: number): number => millimetres * POINTS_PER_MM;

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Margins of every page; pdfkit flows text between them onto further pages. */
export const PAGE_MARGINS = { top: mm(22), bottom: mm(25), left: mm(25), right: mm(20) } as const;

export const CONTENT_LEFT = PAGE_MARGINS.left;
export const CONTENT_RIGHT = A4.width - PAGE_MARGINS.right;
export const CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT;

/** The footer lives in the bottom margin, below where body text may reach. */
export const FOOTER_RULE_Y = A4.height - mm(21);
export const FOOTER_TEXT_Y = A4.height - mm(19);

/** Running header on continuation pages, inside the top margin. */
export const RUNNING_HEADER_Y = mm(11);

/** Letterhead band on the first page: it must end above the window. */
export const LETTERHEAD_TOP = mm(12);
export const LETTERHEAD_ACCENT_Y = mm(42);

/**
 * DL/C5/C6 window envelopes: a window of about 90 × 45 mm, 50 mm from the top,
 * 20 mm from the left edge (left window) or 110 mm (right window).
 */
export const ENVELOPE_WINDOWS: Record<"left" | "right", Rect> = {
  left: { x: mm(20), y: mm(50), width: mm(90), height: mm(45) },
  right: { x: mm(110), y: mm(50), width: mm(90), height: mm(45) },
};

/** Inset of the address inside the window, so a letter that slips a little still shows it all. */
export const WINDOW_PADDING = mm(5);

/** Where the body starts on the first page: below the window. */
export const FIRST_PAGE_BODY_TOP = mm(101);

/** Vector QR symbols are drawn this wide, quiet zone excluded (≥ 25 mm to scan from paper). */
export const QR_SYMBOL_SIZE = mm(26);
