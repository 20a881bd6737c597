package org.districtledger.registry.project;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.districtledger.contract.FundingSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of funding sources as their names, comma-separated, in declaration order. */
@Converter
public class FundingSourcesConverter implements AttributeConverter<Set<FundingSource>, String> {

    @Override
    public String convertToDatabaseColumn(Set<FundingSource> sources) {
        if (sources == null || sources.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(sources).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<FundingSource> convertToEntityAttribute(String column) {
        EnumSet<FundingSource> sources = EnumSet.noneOf(FundingSource.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(FundingSource::valueOf).forEach(sources::add);
        }
        return sources;
    }
}
