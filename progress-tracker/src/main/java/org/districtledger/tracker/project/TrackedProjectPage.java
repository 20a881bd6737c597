package org.districtledger.tracker.project;

import java.util.List;

/** One page of tracked projects and the total that matched. */
public record TrackedProjectPage(List<TrackedProjectView> items, int page, int size, long total) {}
