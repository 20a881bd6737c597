package org.districtledger.runtime.identity;

/**
 * Who may do what. People: the ledger office ({@link #ADMIN}), task-force members ({@link #OFFICER}), the
 * district's leaders ({@link #LEADER}) and other departments ({@link #VIEWER}). Systems sign in as service
 * accounts with only the role they need, e.g. the statistics bureau with {@link #EXPORT}.
 */
public final class Roles {

    /** The ledger office (项目办): everything in the registry, assignments and the clock in the tracker. */
    public static final String ADMIN = "ADMIN";
    /** A task-force member: reports on the projects of the task forces he belongs to, reads the rest. */
    public static final String OFFICER = "OFFICER";
    /** A district leader: reads everything, resolves the problems of his own projects. */
    public static final String LEADER = "LEADER";
    /** Another department: reads. */
    public static final String VIEWER = "VIEWER";
    /** A system that takes the ledger's exports and summary (e.g. the statistics bureau). */
    public static final String EXPORT = "EXPORT";

    private Roles() {}
}
