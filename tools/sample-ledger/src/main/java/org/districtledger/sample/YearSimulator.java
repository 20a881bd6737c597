package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.contract.IsoWeek;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded year of the district, week by week, sent through the registry's public API as the task forces
 * would: weekly progress, permits, site entry, starts, completions, conversions, and problems raised and
 * resolved. Most projects keep pace; some lag on investment, some go silent, some never start, so that the
 * tracker has something true to flag. The same seed gives the same year.
 */
public final class YearSimulator {

    public static final long SEED = 2023L;
    private static final String[] DEPARTMENTS = {"区规划资源局", "区住建委", "区生态环境局", "区行政审批局", "区供电公司", "区水务局", "区交通局"};
    private static final String[] PROBLEMS = {"施工用电接入", "用地指标落实", "管线迁改", "环评批复办理", "施工许可办理", "资金拨付进度", "拆迁腾地"};
    static final int YEAR = 2023;

    /** How a project's task force behaves through the year. */
    enum Character {
        DILIGENT,
        LAGGARD,
        SILENT,
        STALLED
    }

    /** What a simulation did. */
    public record Summary(int projects, int fromWeek, int toWeek, int requests) {}

    private final RegistryClient registry;
    private final long seed;
    private final AtomicInteger requests = new AtomicInteger();

    public YearSimulator(URI registry, long seed) {
        this.registry = RegistryClient.asOffice(registry);
        this.seed = seed;
    }

    /** What to do when a week is simulated: move a clock, report progress. */
    @FunctionalInterface
    public interface WeekDone {
        void accept(int week) throws InterruptedException;
    }

    /** Simulates the weeks after the last one reported, up to {@code untilWeek} of 2023. */
    public Summary simulate(int untilWeek, WeekDone weekDone) throws InterruptedException {
        List<Sim> projects = new ArrayList<>();
        int lastReported = 0;
        for (int page = 0; ; page++) {
            JsonNode found = registry.get("/api/v1/projects?size=500&page=" + page);
            for (JsonNode p : found.get("items")) {
                if (p.get("planYear").asInt() == YEAR) {
                    projects.add(new Sim(p));
                    String week = p.path("lastReportedWeek").asText("");
                    if (week.startsWith(YEAR + "-W")) {
                        lastReported = Math.max(lastReported, Integer.parseInt(week.substring(6)));
                    }
                }
            }
            if ((page + 1) * 500 >= found.get("total").asInt()) {
                break;
            }
        }
        int from = lastReported + 1;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int week = from; week <= untilWeek; week++) {
                int w = week;
                List<Future<?>> tasks = new ArrayList<>();
                for (Sim project : projects) {
                    tasks.add(pool.submit(() -> project.week(w)));
                }
                for (Future<?> task : tasks) {
                    try {
                        task.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(
                                "week " + w + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
                weekDone.accept(week);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(projects.size(), from, untilWeek, requests.get());
    }

    /** The Monday of a week of 2023. */
    public static LocalDate monday(int week) {
        return new IsoWeek(YEAR, week).monday();
    }

    /** One project through the year. */
    private final class Sim {
        final String code;
        final String chain;
        final BigDecimal annual;
        final Character character;
        final int silentFrom;
        final int startDelay;
        final double pace;
        final Random fate;
        String pool;
        LocalDate plannedStart;
        LocalDate plannedCompletion;
        LocalDate started;
        LocalDate completed;
        boolean siteEntered;
        boolean permitDone;
        int progress;
        final List<long[]> openProblems = new ArrayList<>();
        final int convertWeek;

        Sim(JsonNode p) {
            code = p.get("code").asText();
            chain = p.path("industryChain").asText("");
            annual = p.get("annualPlanInvestment").decimalValue();
            pool = p.get("pool").asText();
            plannedStart = date(p, "plannedStart");
            plannedCompletion = date(p, "plannedCompletion");
            started = date(p, "actualStart");
            completed = date(p, "actualCompletion");
            siteEntered = date(p, "actualSiteEntry") != null || started != null;
            Random character = new Random(seed ^ code.hashCode() * 0x9E3779B97F4A7C15L);
            int dice = character.nextInt(100);
            this.character = dice < 70
                    ? Character.DILIGENT
                    : dice < 85 ? Character.LAGGARD : dice < 93 ? Character.SILENT : Character.STALLED;
            silentFrom = 8 + character.nextInt(13);
            startDelay = switch (this.character) {
                case DILIGENT -> character.nextInt(8);
                case LAGGARD -> 10 + character.nextInt(16);
                default -> 400;
            };
            pace = switch (this.character) {
                case DILIGENT -> 0.95 + character.nextDouble() * 0.35;
                case LAGGARD -> 0.3 + character.nextDouble() * 0.35;
                default -> 0.8 + character.nextDouble() * 0.3;
            };
            convertWeek = pool.equals("RESERVE") && character.nextInt(100) < 25
                    ? 6 + character.nextInt(15)
                    : pool.equals("PLANNING") && character.nextInt(100) < 15 ? 4 + character.nextInt(20) : -1;
            progress = started == null ? 0 : 10 + character.nextInt(40);
            fate = character;
        }

        void week(int week) {
            LocalDate monday = monday(week);
            LocalDate sunday = monday.plusDays(6);
            Random r = new Random(seed * 1_000_003L + code.hashCode() * 31L + week);
            if (week == convertWeek) {
                convert(monday, r);
            }
            if (pool.equals("PREPARING")) {
                prepare(week, monday, sunday, r);
            }
            if (pool.equals("BUILDING")
                    && completed == null
                    && plannedCompletion != null
                    && !plannedCompletion.isAfter(sunday)
                    && character == Character.DILIGENT
                    && started != null
                    && !plannedCompletion.isBefore(started)) {
                call("POST", "/milestones", "{\"type\": \"COMPLETED\", \"date\": \"" + plannedCompletion + "\"}", 201);
                completed = plannedCompletion;
                pool = "COMPLETED";
                progress = 100;
            }
            if (pool.equals("COMPLETED")
                    && !isPublic()
                    && completed != null
                    && !completed.plusDays(28).isAfter(sunday)) {
                call(
                        "POST",
                        "/milestones",
                        "{\"type\": \"IN_PRODUCTION\", \"date\": \"" + completed.plusDays(28) + "\"}",
                        201);
                pool = "IN_PRODUCTION";
            }
            report(week, r);
            problems(week, monday, r);
        }

        private void convert(LocalDate monday, Random r) {
            if (pool.equals("RESERVE")) {
                LocalDate start = monday.plusDays(30 + r.nextInt(90));
                if (start.getYear() != YEAR) {
                    return;
                }
                call(
                        "POST",
                        "/conversions",
                        "{\"to\": \"PREPARING\", \"date\": \"" + monday + "\", \"plannedStart\": \"" + start + "\"}",
                        201);
                pool = "PREPARING";
                plannedStart = start;
            } else if (pool.equals("PLANNING")) {
                call("POST", "/conversions", "{\"to\": \"RESERVE\", \"date\": \"" + monday + "\"}", 201);
                pool = "RESERVE";
            }
        }

        private void prepare(int week, LocalDate monday, LocalDate sunday, Random r) {
            if (plannedStart == null) {
                return;
            }
            if (week == 1 || (!permitDone && week == weekOf(plannedStart.minusDays(60)))) {
                String target = plannedStart.minusDays(14).toString();
                call(
                        "PUT",
                        "/procedures/CONSTRUCTION_PERMIT",
                        "{\"status\": \"IN_PROGRESS\", \"targetDate\": \"" + target + "\"}",
                        200);
            }
            LocalDate permit = plannedStart.minusDays(character == Character.DILIGENT ? 20 : 5);
            if (!permitDone && character != Character.STALLED && inWeek(permit, monday, sunday)) {
                call(
                        "PUT",
                        "/procedures/CONSTRUCTION_PERMIT",
                        "{\"status\": \"DONE\", \"targetDate\": \"" + plannedStart.minusDays(14)
                                + "\", \"doneDate\": \"" + permit
                                + "\", \"authority\": \"区行政审批局\", \"approvalNumber\": \"津武审批施〔2023〕"
                                + (100 + Math.abs(code.hashCode() % 900)) + "号\"}",
                        200);
                permitDone = true;
            }
            LocalDate entry = plannedStart.minusDays(21);
            if (!siteEntered && character != Character.STALLED && inWeek(entry, monday, sunday)) {
                call("POST", "/milestones", "{\"type\": \"SITE_ENTERED\", \"date\": \"" + entry + "\"}", 201);
                siteEntered = true;
            }
            LocalDate start = plannedStart.plusDays(startDelay);
            if (started == null && character != Character.STALLED && inWeek(start, monday, sunday)) {
                if (!siteEntered) {
                    call("POST", "/milestones", "{\"type\": \"SITE_ENTERED\", \"date\": \"" + start + "\"}", 201);
                    siteEntered = true;
                }
                call("POST", "/milestones", "{\"type\": \"STARTED\", \"date\": \"" + start + "\"}", 201);
                started = start;
                pool = "BUILDING";
                progress = 1;
            }
        }

        private void report(int week, Random r) {
            if (!pool.equals("BUILDING") && !pool.equals("PREPARING")) {
                return;
            }
            if (character == Character.SILENT && week >= silentFrom) {
                return;
            }
            BigDecimal amount;
            String site;
            if (pool.equals("BUILDING")) {
                double weekly = annual.doubleValue() / 52 * pace * (0.6 + r.nextDouble() * 0.8);
                amount = BigDecimal.valueOf(weekly).setScale(2, RoundingMode.HALF_UP);
                progress = Math.min(99, progress + 1 + r.nextInt(3));
                site = "STARTED";
            } else {
                amount = BigDecimal.valueOf(annual.doubleValue() / 52 * 0.05 * r.nextDouble())
                        .setScale(2, RoundingMode.HALF_UP);
                site = siteEntered ? "ENTERED" : "NOT_ENTERED";
            }
            String note = pool.equals("BUILDING")
                    ? (progress < 30 ? "基础施工" : progress < 70 ? "主体结构施工" : "装饰装修及设备安装")
                    : siteEntered ? "场地平整，临设搭建" : "前期手续办理";
            call(
                    "PUT",
                    "/progress/" + new IsoWeek(YEAR, week),
                    "{\"investmentCompleted\": " + amount.toPlainString() + ", \"imageProgressPercent\": " + progress
                            + ", \"imageProgressNote\": \"" + note + "\", \"siteStatus\": \"" + site + "\"}",
                    200,
                    201);
        }

        private void problems(int week, LocalDate monday, Random r) {
            if (!pool.equals("BUILDING") && !pool.equals("PREPARING")) {
                return;
            }
            openProblems.removeIf(open -> {
                if (week >= open[1]) {
                    resolve(open[0], "{\"note\": \"经协调已解决\", \"resolvedOn\": \"" + monday.plusDays(2) + "\"}");
                    return true;
                }
                return false;
            });
            if (r.nextInt(1000) < 15) {
                String department = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
                String title = PROBLEMS[r.nextInt(PROBLEMS.length)];
                JsonNode raised = call(
                        "POST",
                        "/problems",
                        "{\"title\": \"" + title + "\", \"department\": \"" + department + "\", \"raisedOn\": \""
                                + monday.plusDays(1) + "\", \"description\": \"需" + department + "协调推进\"}",
                        201);
                int weeks = 1 + r.nextInt(6);
                if (r.nextInt(100) < 80) {
                    openProblems.add(new long[] {raised.get("id").asLong(), week + weeks});
                }
            }
        }

        private JsonNode call(String method, String path, String body, int... expected) {
            requests.incrementAndGet();
            return registry.send(method, "/api/v1/projects/" + code + path, body, expected);
        }

        private void resolve(long problemId, String body) {
            requests.incrementAndGet();
            registry.send("POST", "/api/v1/problems/" + problemId + "/resolution", body, 200);
        }

        private boolean isPublic() {
            return chain.equals("基础设施") || chain.equals("公共服务");
        }
    }

    private static boolean inWeek(LocalDate day, LocalDate monday, LocalDate sunday) {
        return !day.isBefore(monday) && !day.isAfter(sunday);
    }

    private static int weekOf(LocalDate day) {
        IsoWeek week = IsoWeek.of(day);
        return week.year() == YEAR ? week.week() : -1;
    }

    private static LocalDate date(JsonNode p, String field) {
        JsonNode value = p.path(field);
        return value.isTextual() ? LocalDate.parse(value.asText()) : null;
    }
}
