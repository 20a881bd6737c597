package org.districtledger.runtime;

/** A Kafka record that cannot be applied as it is; it goes to the dead-letter topic with this message as the reason. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String reason) {
        super(reason);
    }
}
