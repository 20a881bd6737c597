package org.districtledger.registry.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * A permit granted, as the approval bureau (行政审批局) publishes it on {@code ledger.approval-events}
 * (CloudEvents type {@code ledger.approval.granted.v1}). The project is named by its ledger code or its
 * national code.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalGranted(
        String code,
        String nationalCode,
        String procedureType,
        String approvalNumber,
        LocalDate date,
        String authority) {}
