package org.districtledger.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement as PostgreSQL logged it ({@code log_statement = 'all'}): the server process that ran it, its text with
 * {@code $n} placeholders, and the values bound to them in order ({@code null} for SQL NULL).
 */
public record LoggedStatement(int process, String sql, List<String> parameters) {

    private static final Pattern ENTRY =
            Pattern.compile("(?m)^(\\d+)@([^:]*):(LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT|FATAL|NOTICE):  ");
    private static final Pattern EXECUTED = Pattern.compile("(?s)^(?:statement|execute [^:]+): (.*)$");
    // a value's characters in one run between doubled quotes: an alternation repeated per character recurses per
    // character in java.util.regex, and overflowed the stack on a long value (an event's JSON)
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'([^']*(?:''[^']*)*)')");

    /** The statements of the database in a stretch of the server's log (its line prefix {@code %p@%d:}). */
    static List<LoggedStatement> parse(String database, String log) {
        record Entry(int start, int end, int process, String database, String level) {}
        List<Entry> entries = new ArrayList<>();
        Matcher found = ENTRY.matcher(log);
        while (found.find()) {
            entries.add(new Entry(
                    found.start(), found.end(), Integer.parseInt(found.group(1)), found.group(2), found.group(3)));
        }
        List<LoggedStatement> statements = new ArrayList<>();
        Map<Integer, Integer> lastOfProcess = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!entry.database().equals(database)) {
                continue;
            }
            String text = log.substring(
                            entry.end(),
                            i + 1 < entries.size() ? entries.get(i + 1).start() : log.length())
                    .strip();
            Matcher executed = EXECUTED.matcher(text);
            if (entry.level().equals("LOG") && executed.matches()) {
                lastOfProcess.put(entry.process(), statements.size());
                statements.add(
                        new LoggedStatement(entry.process(), executed.group(1).strip(), List.of()));
            } else if (entry.level().equals("DETAIL")
                    && text.regionMatches(true, 0, "parameters: ", 0, 12)
                    && lastOfProcess.containsKey(entry.process())) {
                int index = lastOfProcess.get(entry.process());
                List<String> values = new ArrayList<>();
                Matcher parameter = PARAMETER.matcher(text);
                while (parameter.find()) {
                    values.add(
                            parameter.group(3) == null
                                    ? null
                                    : parameter.group(3).replace("''", "'"));
                }
                statements.set(
                        index,
                        new LoggedStatement(
                                entry.process(), statements.get(index).sql(), Collections.unmodifiableList(values)));
            }
        }
        return statements;
    }
}
