package org.districtledger.runtime.metrics;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer method whose channel has {@code failure-strategy=dead-letter-queue}: a record it throws on (and so
 * sends to the dead-letter topic) is counted in {@code ledger_dead_letters_total}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeadLettered {}
