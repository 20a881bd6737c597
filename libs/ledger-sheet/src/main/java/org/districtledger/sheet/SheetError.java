package org.districtledger.sheet;

/**
 * What is wrong with a sheet, where: the row (the header is row 1; 0 for the file as a whole) and the column
 * (its Chinese header, or empty), with the reason in Chinese and in English.
 */
public record SheetError(int row, String column, String reasonZh, String reasonEn) {

    public static SheetError file(String reasonZh, String reasonEn) {
        return new SheetError(0, "", reasonZh, reasonEn);
    }
}
