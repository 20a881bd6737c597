package org.districtledger.registry.access;

import java.util.List;

/** What the registry reads of the tracker's ledger.assignment.changed.v1: who the project's leader and task force are. */
public record AssignmentAnnounced(String projectCode, Long version, Leader leader, TaskForce taskForce) {

    public record Leader(String name, String account) {}

    public record TaskForce(String name, List<Member> members) {}

    public record Member(String name, String account) {}
}
