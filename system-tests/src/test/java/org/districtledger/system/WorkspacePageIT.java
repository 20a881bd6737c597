package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officers' workspace (项目工作台) in a real headless Chromium, on the shared sample system: officer-wang signs in,
 * sees his task forces' projects and what is due, fills the week's grid (the page refuses a wrong row, the server a
 * future week, nothing saved either time), saves it, puts a site photo on a project (a file that is not an image and
 * one too large refused), is only shown another task force's project, and finds the tracker told of all of it. Then
 * the office checks the sample ledger with a dry run, sees a wrong file refused row by row, and imports two new
 * projects with the progress bar. The screenshots in the README come from here.
 */
@Order(4)
@ExtendWith(SampleSystem.Shared.class)
class WorkspacePageIT {

    private static final String WEEK = "2023-W26";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerReportsHisWeekAndTheOfficeImportsItsLedger(SampleSystem system) throws Exception {
        String registryBase = "http://localhost:" + system.registryPort;
        Http wang = system.registry().as("officer-wang");
        Http office = system.registry();
        JsonNode his = wang.json("/api/v1/workspace?week=" + WEEK);
        Set<String> hisCodes = codes(his.get("projects"));
        assertFalse(hisCodes.isEmpty(), "officer-wang sits on the infrastructure task forces");

        browser = Browser.start(data.resolve("officer"));
        // the sample's year is 2023: the page is asked for its week 26 (it opens on the district's week of today)
        signIn(registryBase + "/?week=" + WEEK, "officer-wang");

        // 我的项目: his projects, each with its dues, and the counts at the top as the API counts them
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.cssSelector("#projects tbody tr[data-code]"))
                        .isEmpty());
        Set<String> shown = new HashSet<>();
        browser.findElements(By.cssSelector("#projects tbody tr[data-code]"))
                .forEach(row -> shown.add(row.getDomAttribute("data-code")));
        assertEquals(hisCodes, shown, "the projects of his task forces, no other");
        assertEquals(
                his.at("/counts/reportsDue").asText(),
                browser.findElement(By.cssSelector("[id='count-周报未报'] .big")).getText());
        assertEquals(
                his.at("/counts/permitsOverdue").asText(),
                browser.findElement(By.cssSelector("[id='count-手续逾期'] .big")).getText());
        JsonNode late = first(his.get("projects"), p -> p.get("permits").size() > 0);
        if (late != null) {
            String permitText = browser.findElement(
                            By.cssSelector("tr[data-code='" + late.get("code").asText() + "']"))
                    .getText();
            assertTrue(
                    permitText.contains(late.at("/permits/0/label").asText()),
                    "the permit due is named on its row: " + permitText);
        }
        noErrors();
        Browser.saveScreenshot(browser, "workspace-home.png");
        new Select(browser.findElement(By.id("filter-due"))).selectByValue("any");
        long withDues = count(his.get("projects"), WorkspacePageIT::hasDues);
        assertEquals(
                withDues,
                browser.findElements(By.cssSelector("#projects tbody tr[data-code]"))
                        .size(),
                "有待办 shows the projects with something due");

        // the week's grid: a wrong row is refused in the page, nothing sent
        String code = firstReporting(his);
        JsonNode before = wang.json("/api/v1/projects/" + code + "/progress");
        browser.get(registryBase + "/workspace/week?week=" + WEEK);
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.cssSelector("#grid tbody tr[data-code]"))
                        .isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("#grid tbody tr[data-code]"));
        assertEquals(
                count(
                        his.get("projects"),
                        p -> p.get("canReport").asBoolean()
                                && p.get("takesWeeklyReport").asBoolean()),
                rows.size(),
                "one row for each project he reports on");
        fillTheRest(rows);
        WebElement row = gridRow(code);
        replace(row, "imageProgressPercent", "140");
        browser.findElement(By.id("save-week")).click();
        new WebDriverWait(browser, WAIT)
                .until(b -> gridRow(code).getDomAttribute("class").contains("row-error"));
        assertTrue(
                gridRow(code).getText().contains("形象进度须在 0 到 100 之间"),
                "the reason on the row: " + gridRow(code).getText());
        assertTrue(text("grid-message").contains("未保存"), text("grid-message"));

        // …and the server refuses it too, as problem+json naming the row and field, nothing saved
        HttpResponse<String> refused = wang.request(
                "PUT",
                "/api/v1/weekly-reports/" + WEEK,
                "application/json",
                ("{\"rows\": [{\"code\": \"" + code + "\", \"investmentCompleted\": 5, \"imageProgressPercent\": 140,"
                                + " \"siteStatus\": \"STARTED\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("rows[0].imageProgressPercent"), refused.body());
        assertEquals(before, wang.json("/api/v1/projects/" + code + "/progress"), "nothing saved");

        // saved: every row in one request, and a sentence for the project
        String note = "主体结构施工，浏览器填报 " + System.currentTimeMillis() % 100000;
        int progress = Math.min(100, previousProgress(his, code) + 1);
        replace(gridRow(code), "imageProgressPercent", String.valueOf(progress));
        replace(gridRow(code), "imageProgressNote", note);
        replace(gridRow(code), "investmentCompleted", "321.45");
        browser.findElement(By.id("save-week")).click();
        awaitText("grid-message", "已保存");
        assertTrue(text("grid-message").contains("已保存 " + rows.size() + " 个项目"), text("grid-message"));
        JsonNode saved = last(wang.json("/api/v1/projects/" + code + "/progress"), WEEK);
        assertEquals(progress, saved.get("imageProgressPercent").asInt());
        assertEquals("321.45", saved.get("investmentCompleted").decimalValue().toPlainString());
        assertEquals(note, saved.get("imageProgressNote").asText());
        noErrors();
        Browser.saveScreenshot(browser, "workspace-week.png");

        // a week that has not begun (by the registry's calendar, which is today's): the server's reason on the page
        LocalDate nextWeek = LocalDate.now().plusWeeks(1);
        String futureWeek = String.format(
                "%d-W%02d", nextWeek.get(IsoFields.WEEK_BASED_YEAR), nextWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        JsonNode future = wang.json("/api/v1/projects/" + code + "/progress");
        browser.get(registryBase + "/workspace/week?week=" + futureWeek);
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.cssSelector("#grid tbody tr[data-code]"))
                        .isEmpty());
        fillTheRest(browser.findElements(By.cssSelector("#grid tbody tr[data-code]")));
        browser.findElement(By.id("save-week")).click();
        new WebDriverWait(browser, WAIT).until(b -> text("grid-message").contains("尚未开始"));
        assertTrue(text("grid-message").contains("均未保存"), text("grid-message"));
        assertEquals(future, wang.json("/api/v1/projects/" + code + "/progress"), "nothing saved for " + futureWeek);

        // the project page: a site photo, after a file that is not an image and one too large are refused
        browser.get(registryBase + "/workspace/projects/" + code + "?week=" + WEEK);
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.cssSelector("#project-facts h2")).isEmpty());
        assertTrue(browser.findElements(By.id("read-only")).isEmpty(), "his own project: he may report");
        Path notAnImage = data.resolve("现场照片.jpg");
        Files.writeString(notAnImage, "这不是照片，是一段文字。");
        upload(notAnImage);
        new WebDriverWait(browser, WAIT).until(b -> !text("photo-error").isEmpty());
        assertTrue(text("photo-error").contains("JPEG"), text("photo-error"));
        Path tooLarge = data.resolve("大照片.jpg");
        Files.write(tooLarge, new byte[9 * 1024 * 1024]);
        upload(tooLarge);
        new WebDriverWait(browser, WAIT).until(b -> text("photo-error").contains("MB"));
        assertTrue(text("photo-error").contains("超过"), text("photo-error"));
        HttpResponse<String> large = wang.request(
                "POST",
                "/api/v1/projects/" + code + "/photos?week=" + WEEK,
                "image/jpeg",
                Files.readAllBytes(tooLarge));
        assertEquals(400, large.statusCode(), large.body());
        assertTrue(large.body().contains("\"body\""), large.body());
        Path photo = data.resolve("site.jpg");
        ImageIO.write(sitePhoto(), "jpg", photo.toFile());
        browser.findElement(By.id("photo-caption")).sendKeys("基坑开挖");
        upload(photo);
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.cssSelector("#photos img")).isEmpty());
        new WebDriverWait(browser, WAIT).until(b -> (Boolean) browser.executeScript(
                "const i = document.querySelector('#photos img'); return i.complete && i.naturalWidth === 320;"));
        JsonNode photos = wang.json("/api/v1/projects/" + code + "/photos");
        assertEquals(1, photos.size(), "the photo, once: " + photos);
        assertEquals("基坑开挖", photos.at("/0/caption").asText());
        String pool = first(his.get("projects"), x -> x.get("code").asText().equals(code))
                .get("poolLabel")
                .asText();
        assertTrue(text("project-facts").contains("所在库" + pool), "the pool in Chinese: " + text("project-facts"));
        noErrors();
        browser.executeScript("document.getElementById('photos').scrollIntoView({block: 'center'});");
        Browser.saveScreenshot(browser, "workspace-project.png");

        // another task force's project: shown, not his to report on; the API refuses him
        JsonNode all = office.json("/api/v1/workspace?week=" + WEEK);
        JsonNode other = first(
                all.get("projects"),
                p -> !hisCodes.contains(p.get("code").asText())
                        && p.get("takesWeeklyReport").asBoolean());
        String otherCode = other.get("code").asText();
        browser.get(registryBase + "/workspace/projects/" + otherCode + "?week=" + WEEK);
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.cssSelector("#project-facts h2")).isEmpty());
        assertFalse(browser.findElements(By.id("read-only")).isEmpty(), "read only for him");
        assertTrue(browser.findElements(By.id("photo-form")).isEmpty(), "no upload on another task force's project");
        HttpResponse<String> forbidden = wang.request(
                "POST",
                "/api/v1/projects/" + otherCode + "/photos?week=" + WEEK,
                "image/jpeg",
                Files.readAllBytes(photo));
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertTrue(forbidden.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(0, office.json("/api/v1/projects/" + otherCode + "/photos").size());

        // the tracker was told: the corrected report and the photo are on the project's timeline
        Http tracker = system.tracker();
        String trackerPage = "http://localhost:" + system.trackerPort + "/weekly/projects/" + code;
        new WebDriverWait(browser, WAIT).until(b -> {
            try {
                String timeline =
                        tracker.get("/api/v1/projects/" + code + "/timeline").body();
                return timeline.contains("周报 " + WEEK + "：完成投资 321.45 万元")
                        && timeline.contains("上传形象进度照片（" + WEEK + "）");
            } catch (Exception e) {
                return false;
            }
        });
        browser.get(trackerPage);
        if (browser.getCurrentUrl().contains("/auth/login")) {
            signInHere("officer-wang");
        }
        new WebDriverWait(browser, WAIT)
                .until(b -> b.findElement(By.tagName("body")).getText().contains("完成投资 321.45 万元"));
        browser.quit();

        // the office: the sample ledger checked by a dry run, a wrong file refused row by row, two projects imported
        browser = Browser.start(data.resolve("office"));
        signIn(registryBase + "/workspace/office", "office");
        new WebDriverWait(browser, WAIT)
                .until(b -> !b.findElements(By.id("ledger-file")).isEmpty());
        JsonNode summaryBefore = office.json("/api/v1/ledger/summary?year=2023");
        // the ledger as exported today, checked: nothing to add, nothing to change
        Path exported = data.resolve("台账-导出.xlsx");
        Files.write(exported, office.bytes("/api/v1/exports/ledger.xlsx"));
        browser.findElement(By.id("ledger-file")).sendKeys(exported.toString());
        browser.findElement(By.id("dry-run")).click();
        awaitText("import-result", "检查通过");
        assertTrue(text("import-result").contains("将新增 0 个项目、更新 0 个"), text("import-result"));
        assertTrue(browser.findElement(By.id("run-import")).isEnabled(), "ready to import");

        // the sample ledger as it stood in January: the projects converted since are named, row by row, and it is
        // refused whole (a pool changes by conversion, not by a sheet)
        Path sample = Paths.get(
                System.getProperty("ledger.home"),
                "tools/sample-ledger/src/main/resources/sample/wuqing-2023-ledger.xlsx");
        browser.findElement(By.id("ledger-file")).sendKeys(sample.toString());
        browser.findElement(By.id("dry-run")).click();
        new WebDriverWait(browser, WAIT)
                .until(b -> b.findElement(By.id("import-errors")).isDisplayed());
        List<String> converted = new ArrayList<>();
        browser.findElements(By.cssSelector("#import-errors tbody tr")).forEach(r -> converted.add(r.getText()));
        assertFalse(converted.isEmpty());
        assertTrue(
                converted.stream().allMatch(e -> e.contains("项目转化")),
                "the projects converted during the year: " + converted);
        assertFalse(browser.findElement(By.id("run-import")).isEnabled(), "nothing to import from a refused file");
        assertEquals(summaryBefore, office.json("/api/v1/ledger/summary?year=2023"), "a dry run changes nothing");

        List<String> sampleLines =
                Files.readAllLines(sample.resolveSibling("wuqing-2023-ledger.csv"), StandardCharsets.UTF_8);
        String header = sampleLines.get(0);
        String good1 = "1,,武清区智慧农业示范园,2023-120114-01-03-990001,天津武清农业发展有限公司,大王古庄镇,都市农业,谋划库,,"
                + "18000.00,0.00,2024-03-01,2025-12-31,,区农业农村委,企业自筹,否,否,,,2023-06-30,2023";
        String good2 = "2,,南蔡村镇污水管网提升工程,2023-120114-48-01-990002,天津市武清区南蔡村镇人民政府,南蔡村镇,基础设施,谋划库,,"
                + "6500.00,0.00,2024-04-01,2024-11-30,,区水务局,专项债,否,否,,,2023-06-30,2023";
        Path wrong = data.resolve("台账-有误.csv");
        Files.writeString(
                wrong,
                String.join(
                        "\n", header, good1, good2.replace("6500.00", "六千五百").replace("谋划库", "不存在的库")),
                StandardCharsets.UTF_8);
        browser.findElement(By.id("ledger-file")).sendKeys(wrong.toString());
        browser.findElement(By.id("dry-run")).click();
        new WebDriverWait(browser, WAIT)
                .until(b -> b.findElement(By.id("import-errors")).isDisplayed());
        List<String> errors = new ArrayList<>();
        browser.findElements(By.cssSelector("#import-errors tbody tr")).forEach(r -> errors.add(r.getText()));
        assertTrue(errors.size() >= 2, "both wrong cells of row 3: " + errors);
        assertTrue(errors.stream().allMatch(e -> e.startsWith("3 ")), "named by row: " + errors);
        assertFalse(browser.findElement(By.id("run-import")).isEnabled(), "nothing to import from a wrong file");

        Path right = data.resolve("台账-新增.csv");
        Files.writeString(right, String.join("\n", header, good1, good2), StandardCharsets.UTF_8);
        browser.findElement(By.id("ledger-file")).sendKeys(right.toString());
        browser.findElement(By.id("dry-run")).click();
        awaitText("import-result", "检查通过");
        assertTrue(text("import-result").contains("将新增 2 个项目"), text("import-result"));
        browser.findElement(By.id("run-import")).click();
        awaitText("import-result", "导入完成");
        assertTrue(text("import-result").contains("新增 2"), text("import-result"));
        assertEquals(
                "2",
                browser.findElement(By.id("import-progress")).getDomProperty("value"),
                "the progress bar ends full");
        assertEquals(
                summaryBefore.at("/projects/count").asInt() + 2,
                office.json("/api/v1/ledger/summary?year=2023")
                        .at("/projects/count")
                        .asInt());
        noErrors();
        Browser.saveScreenshot(browser, "workspace-office.png");
    }

    private void signIn(String page, String user) {
        browser.get(page);
        new WebDriverWait(browser, WAIT).until(b -> b.getCurrentUrl().contains("/auth/login"));
        signInHere(user);
    }

    private void signInHere(String user) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        new WebDriverWait(browser, WAIT).until(b -> !b.getCurrentUrl().contains("/auth/login"));
    }

    /** Waits for the element's text to start with {@code start}, and says what it showed instead when it does not. */
    private void awaitText(String id, String start) {
        try {
            new WebDriverWait(browser, WAIT).until(b -> text(id).startsWith(start));
        } catch (TimeoutException e) {
            String errors = browser.findElements(By.cssSelector("#import-errors tbody")).stream()
                    .map(t -> t.getDomProperty("textContent"))
                    .findFirst()
                    .orElse("");
            throw new AssertionError("#" + id + " shows \"" + text(id) + "\", not \"" + start + "…\" " + errors, e);
        }
    }

    private void upload(Path file) {
        browser.findElement(By.id("photo-file")).sendKeys(file.toString());
        browser.executeScript("document.getElementById('photo-error').textContent = '';");
        browser.findElement(By.cssSelector("#photo-form button[type=submit]")).click();
    }

    private WebElement gridRow(String code) {
        return browser.findElement(By.cssSelector("#grid tr[data-code='" + code + "']"));
    }

    /** What the grid leaves empty (a project with no report yet): no investment, 10 %, started. */
    private static void fillTheRest(List<WebElement> rows) {
        for (WebElement row : rows) {
            fillIfEmpty(row, "investmentCompleted", "0");
            fillIfEmpty(row, "imageProgressPercent", "10");
            Select site = new Select(row.findElement(By.name("siteStatus")));
            if (site.getFirstSelectedOption().getDomAttribute("value").isEmpty()) {
                site.selectByValue("STARTED");
            }
        }
    }

    private static void fillIfEmpty(WebElement row, String name, String value) {
        WebElement input = row.findElement(By.name(name));
        if (input.getDomProperty("value").isEmpty()) {
            input.sendKeys(value);
        }
    }

    private static void replace(WebElement row, String name, String value) {
        WebElement input = row.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getDomProperty("textContent").trim();
    }

    private void noErrors() {
        assertEquals(List.of(), Browser.errors(browser), "errors in the browser on " + browser.getCurrentUrl());
    }

    /** The first project he reports on that has a report of its own this week (its progress is known). */
    private static String firstReporting(JsonNode workspace) {
        JsonNode p = first(
                workspace.get("projects"),
                x -> x.get("canReport").asBoolean()
                        && x.get("takesWeeklyReport").asBoolean()
                        && (x.hasNonNull("thisWeek") || x.hasNonNull("lastReport")));
        return p.get("code").asText();
    }

    private static int previousProgress(JsonNode workspace, String code) {
        JsonNode p =
                first(workspace.get("projects"), x -> x.get("code").asText().equals(code));
        JsonNode report = p.hasNonNull("thisWeek") ? p.get("thisWeek") : p.get("lastReport");
        return report.get("imageProgressPercent").asInt();
    }

    private static JsonNode last(JsonNode reports, String week) {
        JsonNode found = null;
        for (JsonNode r : reports) {
            if (r.get("isoWeek").asText().equals(week)) {
                found = r;
            }
        }
        assertTrue(found != null, "a report for " + week + ": " + reports);
        return found;
    }

    private static boolean hasDues(JsonNode p) {
        return p.get("reportDue").asBoolean()
                || p.get("permits").size()
                                + p.get("milestones").size()
                                + p.get("problems").size()
                        > 0;
    }

    private static JsonNode first(JsonNode items, Predicate<JsonNode> test) {
        for (JsonNode item : items) {
            if (test.test(item)) {
                return item;
            }
        }
        return null;
    }

    private static long count(JsonNode items, Predicate<JsonNode> test) {
        long n = 0;
        for (JsonNode item : items) {
            if (test.test(item)) {
                n++;
            }
        }
        return n;
    }

    private static Set<String> codes(JsonNode projects) {
        Set<String> codes = new HashSet<>();
        projects.forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    /** A 1024×768 picture with a sky, the ground and a crane, enough for a JPEG of some kilobytes. */
    private static BufferedImage sitePhoto() {
        BufferedImage image = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(135, 180, 225));
        g.fillRect(0, 0, 1024, 500);
        g.setColor(new Color(150, 120, 90));
        g.fillRect(0, 500, 1024, 268);
        g.setColor(new Color(230, 180, 30));
        g.fillRect(600, 120, 20, 380);
        g.fillRect(450, 120, 350, 16);
        g.dispose();
        return image;
    }
}
