package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.contract.IsoWeek;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded year of the district, week by week, sent through the registry's public API as the task forces
 * would: weekly progress, every permit of the checklist against its target date, site entry, starts, completions
 * and production, conversions (the key conversion projects by their targets), and problems raised and resolved.
 * Most projects keep pace; some lag on investment or permits, a few go silent or never start, some starts are
 * rescheduled, a few sites stop and resume, a few projects go back a pool or are dropped, each with its reason; the
 * report's named 2023 completions happen on plan. Calibrated against what a district sees at mid-year (see
 * {@code Calibration}). The same seed gives the same year.
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
        return simulate(untilWeek, week -> {}, weekDone);
    }

    /**
     * Simulates the weeks after the last one reported, up to {@code untilWeek} of 2023: {@code weekStarting} before
     * each week's requests (move a clock to its Monday, so that what is sent is recorded in that week), {@code
     * weekDone} after them.
     */
    public Summary simulate(int untilWeek, WeekDone weekStarting, WeekDone weekDone) throws InterruptedException {
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
        if (from > 1) {
            for (Sim project : projects) {
                project.resume(from);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int week = from; week <= untilWeek; week++) {
                int w = week;
                weekStarting.accept(week);
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

    /** A permit of the checklist, and how many days before the planned start it is due (目标办结日期). */
    private record Permit(String type, int daysBeforeStart, boolean industryOnly) {}

    private static final List<Permit> CHECKLIST = List.of(
            new Permit("PROJECT_APPROVAL", 150, false),
            new Permit("LAND_PRE_APPROVAL", 140, false),
            new Permit("ENVIRONMENTAL_ASSESSMENT", 100, false),
            new Permit("ENERGY_ASSESSMENT", 100, true),
            new Permit("LAND_USE_PLANNING_PERMIT", 80, false),
            new Permit("LAND_CERTIFICATE", 60, false),
            new Permit("CONSTRUCTION_PLANNING_PERMIT", 40, false),
            new Permit("CONSTRUCTION_PERMIT", 14, false));

    private static final String[] AUTHORITIES = {
        "区发改委", "区规划资源局", "区生态环境局", "区发改委", "区规划资源局", "区规划资源局", "区规划资源局", "区行政审批局"
    };

    /** One project through the year. */
    private final class Sim {
        final String code;
        final String name;
        final String chain;
        final BigDecimal annual;
        final Character character;
        final int silentFrom;
        /** The week a silent task force, chased by its flag, reports again. */
        final int silentUntil;
        /** Days past its planned start after which a stalled project is moved back to the reserve pool. */
        final int stallLimit;

        final int startDelay;
        final int lateBy;
        final double pace;
        /** The week a laggard, flagged and pressed by its leader, starts to catch up. */
        final int catchUpWeek;

        final Random fate;
        final boolean keyConversion;
        final String targetPool;
        final LocalDate targetDate;
        String pool;
        LocalDate plannedStart;
        LocalDate plannedCompletion;
        LocalDate started;
        LocalDate completed;
        boolean siteEntered;
        int progress;
        final List<long[]> openProblems = new ArrayList<>();
        /** Permit type → the day it is done (null: never this year), once its checklist is opened. */
        final Map<String, LocalDate> permitsDue = new LinkedHashMap<>();

        final Map<String, LocalDate> permitTargets = new LinkedHashMap<>();
        int convertWeek;
        boolean slipped;
        final int slipWeek;
        final int suspendWeek;
        final int resumeWeek;
        final int moveBackWeek;
        final int cancelWeek;

        Sim(JsonNode p) {
            code = p.get("code").asText();
            name = p.get("name").asText();
            chain = p.path("industryChain").asText("");
            annual = p.get("annualPlanInvestment").decimalValue();
            pool = p.get("pool").asText();
            plannedStart = date(p, "plannedStart");
            plannedCompletion = date(p, "plannedCompletion");
            started = date(p, "actualStart");
            completed = date(p, "actualCompletion");
            siteEntered = date(p, "actualSiteEntry") != null || started != null;
            keyConversion = p.path("keyConversion").asBoolean();
            targetPool = p.path("conversionTargetPool").asText(null);
            targetDate = date(p, "conversionTargetDate");
            Random character = new Random(seed ^ code.hashCode() * 0x9E3779B97F4A7C15L);
            int dice = character.nextInt(100);
            this.character = Named.COMPLETING_2023.contains(name) || dice < 81
                    ? Character.DILIGENT
                    : dice < 91 ? Character.LAGGARD : dice < 95 ? Character.SILENT : Character.STALLED;
            silentFrom = 8 + character.nextInt(13);
            silentUntil = silentFrom + 3 + character.nextInt(6);
            stallLimit = 60 + character.nextInt(35);
            startDelay = switch (this.character) {
                case DILIGENT -> character.nextInt(8);
                case LAGGARD -> 10 + character.nextInt(16);
                case SILENT -> character.nextInt(14);
                case STALLED -> 400;
            };
            lateBy = 20 + character.nextInt(80);
            catchUpWeek = 12 + character.nextInt(14);
            pace = switch (this.character) {
                case DILIGENT -> 1.0 + character.nextDouble() * 0.35;
                case LAGGARD -> 0.45 + character.nextDouble() * 0.35;
                default -> 0.8 + character.nextDouble() * 0.3;
            };
            if (keyConversion && targetDate != null && targetPool != null) {
                // most key conversion projects make their target, some a few weeks late
                int week = weekOf(targetDate);
                convertWeek =
                        character.nextInt(100) < 80 ? week - character.nextInt(5) : week + 3 + character.nextInt(8);
                convertWeek = Math.max(2, convertWeek);
            } else {
                convertWeek = pool.equals("RESERVE") && character.nextInt(100) < 30
                        ? 6 + character.nextInt(15)
                        : pool.equals("PLANNING") && character.nextInt(100) < 20 ? 4 + character.nextInt(20) : -1;
            }
            // what happens to some: the office reschedules a start, a site stops and resumes, a project goes back a
            // pool, an idea is dropped; each with its reason
            slipWeek = pool.equals("PREPARING") && character.nextInt(100) < 8 ? -2 : -1;
            suspendWeek = pool.equals("BUILDING") && character.nextInt(100) < 3 ? 5 + character.nextInt(30) : -1;
            resumeWeek = suspendWeek < 0 ? -1 : suspendWeek + 4 + character.nextInt(7);
            moveBackWeek = pool.equals("PREPARING") && character.nextInt(100) < 3 ? 4 + character.nextInt(17) : -1;
            cancelWeek =
                    (pool.equals("RESERVE") || pool.equals("PLANNING")) && !keyConversion && character.nextInt(100) < 4
                            ? 6 + character.nextInt(25)
                            : -1;
            progress = started == null ? 0 : 10 + character.nextInt(40);
            fate = character;
        }

        void week(int week) {
            LocalDate monday = monday(week);
            LocalDate sunday = monday.plusDays(6);
            Random r = new Random(mix(seed * 1_000_003L + code.hashCode() * 31L + week));
            if (week == cancelWeek && (pool.equals("RESERVE") || pool.equals("PLANNING"))) {
                conversion(monday, "CANCELLED", "企业投资意向调整，经区发改委研究取消");
                return;
            }
            if (week == convertWeek) {
                convert(monday, r);
            }
            if (week == moveBackWeek && pool.equals("PREPARING") && started == null) {
                moveBack(monday, "用地规划调整，年内不具备开工条件，退回储备库");
                return;
            }
            if (character == Character.STALLED
                    && pool.equals("PREPARING")
                    && plannedStart != null
                    && week == weekOf(plannedStart.plusDays(stallLimit))) {
                // the office does not leave a project that cannot start on the list of new starts for ever
                moveBack(monday, "逾期未开工，土地和规划手续未落实，退回储备库");
                return;
            }
            if (week == suspendWeek && pool.equals("BUILDING") && completed == null) {
                conversion(monday, "SUSPENDED", "企业资金未到位，暂停施工");
            }
            if (week == resumeWeek && pool.equals("SUSPENDED")) {
                conversion(monday, "BUILDING", "资金落实，复工");
            }
            if (pool.equals("PREPARING")) {
                prepare(week, monday, sunday, r);
            } else if (pool.equals("BUILDING") || pool.equals("SUSPENDED")) {
                // a project that started before all its permits were in gets the rest while it builds (边建设边办证)
                permitsDue(monday, sunday);
            }
            LocalDate completion = completionDay();
            if (pool.equals("BUILDING")
                    && completed == null
                    && started != null
                    && completion != null
                    && !completion.isAfter(sunday)
                    && !completion.isBefore(started)) {
                call("POST", "/milestones", "{\"type\": \"COMPLETED\", \"date\": \"" + completion + "\"}", 201);
                completed = completion;
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

        /** When it completes: on plan if diligent, late otherwise; one already late completes in the course of the year. */
        private LocalDate completionDay() {
            if (plannedCompletion == null) {
                return null;
            }
            if (plannedCompletion.getYear() < YEAR) {
                return LocalDate.of(YEAR, 1, 2).plusDays(60 + lateBy * 2L);
            }
            return character == Character.DILIGENT ? plannedCompletion : plannedCompletion.plusDays(lateBy);
        }

        private void convert(LocalDate monday, Random r) {
            if (pool.equals("RESERVE")) {
                LocalDate start = monday.plusDays(30 + r.nextInt(90));
                if (start.getYear() != YEAR) {
                    start = LocalDate.of(YEAR, 12, 28); // converted late in the year: to start before it ends
                    if (!start.isAfter(monday)) {
                        return;
                    }
                }
                call(
                        "POST",
                        "/conversions",
                        "{\"to\": \"PREPARING\", \"date\": \"" + monday + "\", \"plannedStart\": \"" + start + "\"}",
                        201);
                pool = "PREPARING";
                plannedStart = start;
                openChecklist(monday);
            } else if (pool.equals("PLANNING")) {
                call("POST", "/conversions", "{\"to\": \"RESERVE\", \"date\": \"" + monday + "\"}", 201);
                pool = "RESERVE";
            }
        }

        /** Back to the reserve pool with a reason; its permits wait without target dates until it is scheduled again. */
        private void moveBack(LocalDate monday, String reason) {
            conversion(monday, "RESERVE", reason);
            openProblems.clear();
            for (String type : permitsDue.keySet()) {
                call("PUT", "/procedures/" + type, "{\"status\": \"IN_PROGRESS\"}", 200);
            }
            permitsDue.clear();
        }

        private void conversion(LocalDate monday, String to, String reason) {
            call(
                    "POST",
                    "/conversions",
                    "{\"to\": \"" + to + "\", \"date\": \"" + monday + "\", \"reason\": \"" + reason + "\"}",
                    201);
            pool = to;
        }

        /**
         * The permits of the checklist, each due some days before the planned start: the diligent get them ahead of
         * their target dates, the laggards weeks after, the stalled never get past the land certificate.
         */
        private void openChecklist(LocalDate monday) {
            boolean stuck = false;
            for (Permit permit : CHECKLIST) {
                if (permit.industryOnly() && isPublic()) {
                    continue;
                }
                LocalDate target = plannedStart.minusDays(permit.daysBeforeStart());
                stuck |= character == Character.STALLED && permit.type().equals("LAND_CERTIFICATE");
                LocalDate done = stuck
                        ? null
                        : switch (character) {
                            case DILIGENT -> target.minusDays(fate.nextInt(21));
                            case LAGGARD -> target.plusDays(5 + fate.nextInt(30));
                            default -> target.minusDays(fate.nextInt(11));
                        };
                permitTargets.put(permit.type(), target);
                if (done != null && done.isBefore(monday)) {
                    done(permit.type(), target, done);
                } else {
                    call(
                            "PUT",
                            "/procedures/" + permit.type(),
                            "{\"status\": \"IN_PROGRESS\", \"targetDate\": \"" + target + "\"}",
                            200);
                    permitsDue.put(permit.type(), done);
                }
            }
        }

        private void done(String type, LocalDate target, LocalDate on) {
            int authority = CHECKLIST.stream().map(Permit::type).toList().indexOf(type);
            call(
                    "PUT",
                    "/procedures/" + type,
                    "{\"status\": \"DONE\", \"targetDate\": \"" + target + "\", \"doneDate\": \"" + on
                            + "\", \"authority\": \"" + AUTHORITIES[authority] + "\", \"approvalNumber\": \"津武审〔"
                            + on.getYear() + "〕" + (100 + Math.abs((code + type).hashCode() % 900)) + "号\"}",
                    200);
        }

        private void prepare(int week, LocalDate monday, LocalDate sunday, Random r) {
            if (plannedStart == null) {
                return;
            }
            if (week == 1) {
                openChecklist(monday);
            }
            if (slipWeek == -2 && !slipped && started == null && week == weekOf(plannedStart) - 4) {
                slipped = true;
                slip(monday, r);
            }
            permitsDue(monday, sunday);
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

        /** The permits of the checklist that come through this week. */
        private void permitsDue(LocalDate monday, LocalDate sunday) {
            permitsDue.entrySet().removeIf(permit -> {
                if (permit.getValue() != null && inWeek(permit.getValue(), monday, sunday)) {
                    done(permit.getKey(), permitTargets.get(permit.getKey()), permit.getValue());
                    return true;
                }
                return false;
            });
        }

        /** The office moves a planned start back one to three months (within the year), and the permits with it. */
        private void slip(LocalDate monday, Random r) {
            LocalDate later = plannedStart.plusDays(30 + r.nextInt(60));
            if (later.getYear() != YEAR) {
                return;
            }
            requests.incrementAndGet();
            long version =
                    registry.get("/api/v1/projects/" + code).get("version").asLong();
            requests.incrementAndGet();
            registry.patch("/api/v1/projects/" + code, version, "{\"plannedStart\": \"" + later + "\"}", 200);
            long shift = later.toEpochDay() - plannedStart.toEpochDay();
            plannedStart = later;
            for (Map.Entry<String, LocalDate> permit : permitsDue.entrySet()) {
                LocalDate target = permitTargets.get(permit.getKey()).plusDays(shift);
                permitTargets.put(permit.getKey(), target);
                if (permit.getValue() != null) {
                    permit.setValue(permit.getValue().plusDays(shift));
                }
                call(
                        "PUT",
                        "/procedures/" + permit.getKey(),
                        "{\"status\": \"IN_PROGRESS\", \"targetDate\": \"" + target + "\"}",
                        200);
            }
        }

        private void report(int week, Random r) {
            if (!pool.equals("BUILDING") && !pool.equals("PREPARING")) {
                return;
            }
            if (character == Character.SILENT && week >= silentFrom && week < silentUntil) {
                return;
            }
            BigDecimal amount;
            String site;
            if (pool.equals("BUILDING")) {
                // the annual plan spread over the project's own weeks of the year: from its start or 1 January to its
                // completion or 31 December
                LocalDate from = started == null || started.getYear() < YEAR ? LocalDate.of(YEAR, 1, 1) : started;
                LocalDate to = plannedCompletion != null
                                && plannedCompletion.getYear() == YEAR
                                && plannedCompletion.isAfter(from)
                        ? plannedCompletion
                        : LocalDate.of(YEAR, 12, 31);
                double weeks = Math.max(4, (to.toEpochDay() - from.toEpochDay() + 1) / 7.0);
                double speed = character == Character.LAGGARD && week >= catchUpWeek ? 1.5 : pace;
                double weekly = annual.doubleValue() / weeks * speed * (0.6 + r.nextDouble() * 0.8);
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

        /**
         * Picks up, when a simulation goes on from a week after the first, the permits this project still waits for
         * (they live in the registry, not in this object): each comes through on the day its character would have it,
         * or in the week the simulation goes on from when that day has passed; a stalled project's land certificate and
         * what follows it never do.
         */
        void resume(int fromWeek) {
            if (!(pool.equals("PREPARING") || pool.equals("BUILDING") || pool.equals("SUSPENDED"))) {
                return;
            }
            requests.incrementAndGet();
            JsonNode procedures = registry.get("/api/v1/projects/" + code + "/procedures");
            LocalDate from = monday(fromWeek);
            boolean stuck = false;
            for (Permit permit : CHECKLIST) {
                stuck |= character == Character.STALLED && permit.type().equals("LAND_CERTIFICATE");
                for (JsonNode procedure : procedures) {
                    if (!procedure.get("type").asText().equals(permit.type())
                            || !procedure.get("status").asText().equals("IN_PROGRESS")
                            || !procedure.hasNonNull("targetDate")) {
                        continue;
                    }
                    LocalDate target =
                            LocalDate.parse(procedure.get("targetDate").asText());
                    Random late = new Random(mix(seed ^ (code + permit.type()).hashCode()));
                    LocalDate done = stuck
                            ? null
                            : switch (character) {
                                case DILIGENT -> target.minusDays(late.nextInt(21));
                                case LAGGARD -> target.plusDays(5 + late.nextInt(30));
                                default -> target.minusDays(late.nextInt(11));
                            };
                    permitTargets.put(permit.type(), target);
                    permitsDue.put(
                            permit.type(),
                            done == null || !done.isBefore(from) ? done : from.plusDays(late.nextInt(5)));
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

    /** Scrambles a seed (SplittableRandom's finaliser): a Random's first draws from neighbouring seeds are alike. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
