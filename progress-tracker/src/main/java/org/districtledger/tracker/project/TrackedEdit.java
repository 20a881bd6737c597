package org.districtledger.tracker.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One field of a project the office edited, with its old and new value (JSON, as the event gave them). */
@Entity
@Table(name = "tracked_edit")
public class TrackedEdit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_code")
    public String projectCode;

    /** The sequence number of the event that made the edit. */
    public long sequence;

    /** The field's name in events, e.g. {@code plannedStart}. */
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;

    /** Reads the values back as they were written: money exact (18000.00, not 1.8E+4). */
    private static final ObjectMapper VALUES = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Records one field of an edit, with its values as the event gave them. */
    static void record(String code, long sequence, String field, JsonNode before, JsonNode after, LocalDate on) {
        TrackedEdit edit = new TrackedEdit();
        edit.projectCode = code;
        edit.sequence = sequence;
        edit.field = field;
        edit.oldValue = before.toString();
        edit.newValue = after.toString();
        edit.recordedOn = on;
        edit.persist();
    }

    public JsonNode before() {
        return value(oldValue);
    }

    public JsonNode after() {
        return value(newValue);
    }

    private static JsonNode value(String stored) {
        try {
            return stored == null ? NullNode.getInstance() : VALUES.readTree(stored);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(stored);
        }
    }
}
