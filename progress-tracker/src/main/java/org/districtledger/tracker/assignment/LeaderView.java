package org.districtledger.tracker.assignment;

import java.util.List;

/** A leader and the projects he or she answers for. */
public record LeaderView(String name, String title, List<ProjectRef> projects) {

    /** A project of a leader, with its task force. */
    public record ProjectRef(String code, String name, String taskForce, String leadDepartment) {}
}
