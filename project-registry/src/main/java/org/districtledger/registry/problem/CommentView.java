package org.districtledger.registry.problem;

import java.time.Instant;

/** A comment on a problem, as the API and the events show it. */
public record CommentView(long id, long problemId, String body, String author, Instant writtenAt) {

    static CommentView of(ProblemComment c) {
        return new CommentView(c.id, c.problemId, c.body, c.author, c.writtenAt);
    }
}
