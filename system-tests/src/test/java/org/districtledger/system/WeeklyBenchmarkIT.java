package org.districtledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A benchmark, not a timed test: the server time of the weekly page and its JSON for a synthetic district of
 * 10,000 projects with a year of weekly reports, printed as figures (the goal is under 1 s). The tracker runs
 * packaged, against the real PostgreSQL; the ledger is written straight into its database.
 */
class WeeklyBenchmarkIT {

    private static final int PROJECTS = 10_000;

    @TempDir
    Path data;

    @Test
    void theWeeklyViewOfTenThousandProjects() throws Exception {
        try (RunningServices running = new RunningServices(data, "tracker")) {
            Http tracker = running.startFullyCompiled("progress-tracker", "tracker", Map.of());
            long loading = System.nanoTime();
            try (Connection db = DriverManager.getConnection(
                            running.servers.postgres().jdbcUrl("tracker"), "tracker", "tracker");
                    Statement sql = db.createStatement()) {
                synthesize(sql);
            }
            System.out.printf(
                    "[benchmark] synthetic ledger written in %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loading));
            assertEquals(
                    PROJECTS,
                    tracker.json("/api/v1/projects?size=1").get("total").asInt());
            assertEquals(
                    52,
                    tracker.json("/api/v1/weekly/2023-W52").at("/series/weeks").size());

            for (String path : List.of(
                    "/api/v1/weekly/2023-W52",
                    "/weekly?week=2023-W52",
                    "/weekly?week=2023-W52&leader=%E9%A2%86%E5%AF%BC7",
                    "/api/v1/weekly/2023-W52.xlsx")) {
                measure(tracker, path, 3, 15);
            }
        }
    }

    private static void measure(Http tracker, String path, int warmUp, int runs) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            tracker.get(path);
        }
        List<Long> millis = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = tracker.get(path);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals(200, response.statusCode(), response.body());
            bytes = response.body().getBytes(StandardCharsets.ISO_8859_1).length;
        }
        Collections.sort(millis);
        System.out.printf(
                "[benchmark] %,d projects, a year of weekly reports: GET %-50s median %4d ms, max %4d ms (%,d KB; goal < 1000 ms)%n",
                PROJECTS, path, millis.get(runs / 2), millis.get(runs - 1), bytes / 1024);
    }

    /**
     * 10,000 projects in the four pools and beyond, all assigned (60 leaders, 300 task forces); 52 weekly reports
     * for each of the 6,000 under construction; a third of the projects with a flag raised some week of the year,
     * half of them cleared later; 2,000 problems; 1,500 conversions; the clock at the year's last day. Written into a
     * tracker's migrated database; the city benchmark's weekly rows use it too.
     */
    static void synthesize(Statement sql) throws Exception {
        sql.execute("""
                INSERT INTO tracked_project (code, name, pool, city_category, industry_chain, town, lead_department, plan_year,
                    total_investment, annual_plan_investment, planned_start, planned_completion, actual_start, last_sequence,
                    last_event_type, last_event_at, updated_at, pool_since, registered_on)
                SELECT 'SY-2023-' || lpad(i::text, 5, '0'), '合成项目' || i,
                    (ARRAY['BUILDING','BUILDING','BUILDING','BUILDING','BUILDING','BUILDING','PREPARING','PREPARING','RESERVE','PLANNING'])[i % 10 + 1],
                    (ARRAY['市级重点', '区级重点', NULL])[i % 3 + 1], '产业链' || (i % 12), '镇街' || (i % 30), '部门' || (i % 40), 2023,
                    20000 + (i % 700) * 100, 1000 + (i % 500) * 10, DATE '2023-01-01' + (i % 300), DATE '2025-12-31',
                    CASE WHEN i % 10 < 6 THEN DATE '2023-01-01' + (i % 300) + (i % 20) END, 1,
                    'ledger.project.registered.v1', now(), now(), DATE '2022-12-01', DATE '2022-12-01'
                FROM generate_series(1, 10000) AS i""");
        sql.execute("""
                INSERT INTO assignment (project_code, leader_name, leader_title, task_force_name, lead_department, members,
                    version, changed_by, changed_at)
                SELECT 'SY-2023-' || lpad(i::text, 5, '0'), '领导' || (i % 60), '副区长', '专班' || (i % 300), '部门' || (i % 40),
                    '[]', 1, 'benchmark', now()
                FROM generate_series(1, 10000) AS i""");
        sql.execute("""
                INSERT INTO tracked_progress (project_code, iso_week, week_start, investment_completed, image_progress_percent,
                    site_status, revision)
                SELECT 'SY-2023-' || lpad(i::text, 5, '0'), '2023-W' || lpad(w::text, 2, '0'), DATE '2023-01-02' + 7 * (w - 1),
                    round((1000 + (i % 500) * 10) / 52.0 * (0.5 + (i % 7) / 10.0), 2), least(100, w * 2), 'STARTED', 1
                FROM generate_series(1, 10000) AS i, generate_series(1, 52) AS w
                WHERE i % 10 < 6""");
        sql.execute("""
                INSERT INTO flag (project_code, rule, subject, rule_version, colour, reason, state, raised_on, escalated_on, cleared_on)
                SELECT 'SY-2023-' || lpad(i::text, 5, '0'),
                    (ARRAY['STALLED_START','SILENT','LAGGING_INVESTMENT','STUCK_CONVERSION','OVERDUE_PROCEDURE','MISSING_ACCOUNTABILITY'])[i % 6 + 1],
                    '', 1, CASE WHEN i % 4 = 0 THEN 'RED' ELSE 'YELLOW' END, '合成预警原因：第 ' || i || ' 号项目滞后',
                    CASE WHEN i % 2 = 0 THEN 'CLEARED' ELSE 'OPEN' END, DATE '2023-01-02' + (i % 330),
                    CASE WHEN i % 4 = 0 THEN DATE '2023-01-02' + (i % 330) + 14 END,
                    CASE WHEN i % 2 = 0 THEN DATE '2023-01-02' + (i % 330) + 21 END
                FROM generate_series(1, 10000) AS i WHERE i % 3 = 0""");
        sql.execute("""
                INSERT INTO flag_history (flag_id, project_code, rule, subject, change, colour, reason, rule_version, as_of, recorded_at)
                SELECT id, project_code, rule, subject, 'RAISED', 'YELLOW', reason, 1, raised_on, now() FROM flag""");
        sql.execute("""
                INSERT INTO flag_history (flag_id, project_code, rule, subject, change, colour, reason, rule_version, as_of, recorded_at)
                SELECT id, project_code, rule, subject, 'CLEARED', colour, reason, 1, cleared_on, now() FROM flag WHERE cleared_on IS NOT NULL""");
        sql.execute("""
                INSERT INTO tracked_problem (problem_id, project_code, title, department, raised_on, resolved_on)
                SELECT i, 'SY-2023-' || lpad((i * 5)::text, 5, '0'), '合成问题' || i, '部门' || (i % 40), DATE '2023-01-02' + (i % 350),
                    CASE WHEN i % 3 > 0 THEN DATE '2023-01-02' + (i % 350) + (i % 45) END
                FROM generate_series(1, 2000) AS i""");
        sql.execute("""
                INSERT INTO tracked_conversion (project_code, sequence, from_pool, to_pool, converted_on, forward_by_one)
                SELECT 'SY-2023-' || lpad(i::text, 5, '0'), 2,
                    (ARRAY['PLANNING','RESERVE','PREPARING'])[i % 3 + 1], (ARRAY['RESERVE','PREPARING','BUILDING'])[i % 3 + 1],
                    DATE '2023-01-02' + (i % 360), true
                FROM generate_series(1, 10000) AS i WHERE i % 7 = 0 AND i % 10 >= 6""");
        sql.execute("""
                INSERT INTO flag_history (flag_id, project_code, rule, subject, change, colour, reason, rule_version, as_of, recorded_at)
                SELECT id, project_code, rule, subject, 'ESCALATED', 'RED', reason, 1, escalated_on, now() FROM flag WHERE escalated_on IS NOT NULL""");
        // what the tracker knew when: every project from before the year, each report on its week's Sunday
        sql.execute("""
                INSERT INTO tracked_project_version SELECT code, 2, DATE '2022-12-01', name, pool, city_category, industry_chain,
                    town, plan_year, annual_plan_investment, planned_start, actual_start, actual_completion FROM tracked_project""");
        sql.execute("""
                INSERT INTO assignment_history (project_code, version, leader_name, leader_title, task_force_name, lead_department,
                    members, changed_by, changed_at, recorded_on)
                SELECT project_code, version, leader_name, leader_title, task_force_name, lead_department, members, changed_by,
                    changed_at, DATE '2022-12-01' FROM assignment""");
        sql.execute("""
                INSERT INTO tracked_progress_revision (project_code, iso_week, revision, recorded_on, investment_completed)
                SELECT project_code, iso_week, revision, week_start + 6, investment_completed FROM tracked_progress""");
        // and, as every event leaves one, a version of the project with each report: 53 a project that reports weekly,
        // each superseded by the next one's day (as the tracker marks them)
        sql.execute("""
                INSERT INTO tracked_project_version (project_code, sequence, recorded_on, name, pool, city_category,
                    industry_chain, town, plan_year, annual_plan_investment, planned_start, actual_start, actual_completion,
                    superseded_on)
                SELECT p.code, 2 + r.week, r.week_start + 6, p.name, p.pool, p.city_category, p.industry_chain, p.town,
                    p.plan_year, p.annual_plan_investment, p.planned_start, p.actual_start, p.actual_completion,
                    CASE WHEN r.week < 52 THEN r.week_start + 13 END
                FROM tracked_project p JOIN (SELECT project_code, week_start,
                    CAST(substring(iso_week FROM 7) AS INTEGER) AS week FROM tracked_progress) r ON r.project_code = p.code""");
        sql.execute("""
                UPDATE tracked_project_version SET superseded_on = DATE '2023-01-08'
                WHERE sequence = 2 AND project_code IN (SELECT project_code FROM tracked_progress)""");
        sql.execute("UPDATE business_clock SET as_of = DATE '2023-12-31'");
        sql.execute("ANALYZE");
    }
}
