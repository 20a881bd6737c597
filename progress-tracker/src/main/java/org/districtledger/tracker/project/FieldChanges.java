package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.contract.ProjectField;

import java.util.ArrayList;
import java.util.List;

/** How an edited field reads for the project office: 计划开工 2023-04-15 → 2023-07-01. */
public final class FieldChanges {

    private FieldChanges() {}

    /** The field's name, its old value and its new value, in the office's words. */
    public static String describe(String field, JsonNode oldValue, JsonNode newValue) {
        ProjectField known = ProjectField.of(field).orElse(null);
        String label = known == null ? field : known.label();
        return label + " " + show(known, oldValue) + " → " + show(known, newValue);
    }

    /** A value as the office reads it: 万元 after money, 是/否, a pool's or category's label, 未填 for none. */
    public static String show(ProjectField field, JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> texts.add(item.asText()));
        } else if (value != null && !value.isNull() && !value.isMissingNode()) {
            texts.add(value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
        }
        if (field == null) {
            return texts.isEmpty() ? "未填" : String.join("、", texts);
        }
        return field.show(texts);
    }
}
