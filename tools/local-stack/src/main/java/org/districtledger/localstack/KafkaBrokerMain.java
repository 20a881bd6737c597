package org.districtledger.localstack;

import java.io.IOException;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits (cleanly, through Kafka's own
 * shutdown hook) as soon as the parent JVM closes our standard input, so that no broker outlives its owner.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // the parent never writes; we only wait for end of stream
                        }
                    } catch (IOException ignored) {
                        // a broken pipe means the parent is gone, too
                    }
                    System.exit(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
