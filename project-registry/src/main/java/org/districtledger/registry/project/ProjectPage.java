package org.districtledger.registry.project;

import java.util.List;

/** One page of projects and the total that matched. */
public record ProjectPage(List<ProjectView> items, int page, int size, long total) {}
