package org.districtledger.runtime.metrics;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Counts what a {@link DeadLettered} consumer throws on: the record goes to the dead-letter topic. */
@DeadLettered
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DeadLetterCounting {

    private final LedgerMetrics metrics;

    public DeadLetterCounting(LedgerMetrics metrics) {
        this.metrics = metrics;
    }

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException refused) {
            for (Object parameter : invocation.getParameters()) {
                if (parameter instanceof ConsumerRecord<?, ?> record) {
                    metrics.deadLetter(record.topic(), refused.getMessage());
                }
            }
            throw refused;
        }
    }
}
