package org.districtledger.registry.sheet;

import org.districtledger.sheet.SheetError;

import java.util.List;

/** A ledger file with errors: nothing of it is imported. */
public class ImportRejected extends RuntimeException {

    private final List<SheetError> errors;

    public ImportRejected(List<SheetError> errors) {
        super(errors.size() + " errors in the ledger file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<SheetError> errors() {
        return errors;
    }
}
