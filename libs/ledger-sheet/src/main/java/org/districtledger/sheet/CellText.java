package org.districtledger.sheet;

/**
 * Text in a cell that a spreadsheet must never take for a formula (CSV injection, OWASP): text the ledger writes
 * that begins with {@code = + - @}, a tab or a carriage return is written with a leading apostrophe in CSV, as
 * Excel itself marks text, and read back without it. In .xlsx the cell is text already and is marked
 * quote-prefixed instead, so its value stays as it was.
 */
final class CellText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CellText() {}

    /** Whether a spreadsheet could take this text for a formula. */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text as a CSV cell: an apostrophe before anything that could start a formula. */
    static String forCsv(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /** The text as the ledger holds it, from a cell written by {@link #forCsv}. */
    static String fromSheet(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && looksLikeFormula(text.substring(1))
                ? text.substring(1)
                : text;
    }
}
