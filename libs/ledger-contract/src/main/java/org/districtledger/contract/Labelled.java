package org.districtledger.contract;

import java.util.Arrays;
import java.util.Optional;

/** A value with the name the project office gives it in Chinese: what a page, a sheet or a reason shows. */
public interface Labelled {

    String label();

    /** The value of {@code type} whose label is {@code label}, if one is. */
    static <E extends Enum<E> & Labelled> Optional<E> byLabel(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.label().equals(label))
                .findFirst();
    }

    /** The label of the value named {@code name} (e.g. {@code BUILDING} → 建设库), or the name itself if none is. */
    static <E extends Enum<E> & Labelled> String labelOf(Class<E> type, String name) {
        if (name == null) {
            return "";
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(name))
                .map(Labelled::label)
                .findFirst()
                .orElse(name);
    }
}
