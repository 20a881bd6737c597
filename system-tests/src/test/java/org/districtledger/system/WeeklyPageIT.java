package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly scheduling page in a real headless Chromium, on the 2023 sample ledger as the run command loads it
 * (a simulated half-year): it loads at the default week, the charts render, a filter narrows it, the week picker
 * moves it, it prints on A4 landscape, and the console shows no error. Also takes the README's screenshot and
 * prints the server time of the page and its JSON.
 */
@Order(1)
@ExtendWith(SampleSystem.Shared.class)
class WeeklyPageIT {

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
    void theWeeklyPageOnTheSampleLedger(SampleSystem system) throws Exception {
        Http tracker = system.tracker();
        String base = "http://localhost:" + system.trackerPort;

        browser = Browser.start(data.resolve("chromium"));
        browser.get(base + "/weekly");

        // not signed in: the sign-in page, then back to the weekly page as leader-liu (a demo user)
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> b.getCurrentUrl().contains("/auth/login"));
        browser.findElement(By.id("username")).sendKeys("leader-liu");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.id("sign-in-error")).isEmpty());
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("leader-liu");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.id("week-title")).isEmpty());
        assertEquals("leader-liu", browser.findElement(By.id("signed-in-user")).getDomProperty("textContent"));

        // a leader's page opens on his own projects (刘振东 is leader-liu in the sample); 全部 shows everyone's
        List<String> own = new ArrayList<>();
        browser.findElements(By.cssSelector("#by-leader table[data-leader]"))
                .forEach(t -> own.add(t.getDomAttribute("data-leader")));
        assertEquals(List.of("刘振东"), own, "the signed-in leader's projects");
        browser.get(base + "/weekly?leader=");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> b.findElements(By.cssSelector("#by-leader table[data-leader]"))
                                .size()
                        > 1);

        // the default week is the business clock's: the sample's simulation ends in 2023-W26
        assertEquals("2023年第26周（6月26日—7月2日）", text("week-title"));
        awaitCharts();
        JsonNode week = tracker.json("/api/v1/weekly/2023-W26");
        assertEquals(week.at("/headline/flags/red").asText(), text("red-count"), "red flags as the JSON counts them");
        assertEquals(week.at("/headline/flags/yellow").asText(), text("yellow-count"));
        assertTrue(
                week.at("/headline/flags/red").asInt()
                                + week.at("/headline/flags/yellow").asInt()
                        > 0,
                "the sample has laggards");
        assertTrue(
                week.at("/series/red/9").asInt() + week.at("/series/yellow/9").asInt() > 0,
                "flags were open in week 10 already: the series comes from the tracker's own history "
                        + week.get("series"));
        int leaders = browser.findElements(By.cssSelector("#by-leader table[data-leader]"))
                .size();
        assertTrue(leaders > 5, "the sample's leaders: " + leaders);
        Browser.saveScreenshot(browser, "weekly-2023-W26.png");
        // 项目转化分析: the rates by quarter drawn, the key conversion projects listed against their targets
        assertTrue(
                browser.findElements(By.cssSelector("#conversion table.key-conversions tbody tr"))
                                .size()
                        >= 15,
                "the sample's fifteen key conversion projects");
        browser.executeScript("document.getElementById('conversion').scrollIntoView()");
        Browser.saveScreenshot(browser, "weekly-2023-W26-conversion.png");

        // print: A4 landscape, nothing wider than the paper, the table headers repeated on every page
        printChecks();

        // a filter narrows it: one leader, all his projects
        Select leader = new Select(browser.findElement(By.id("leader")));
        String name = leader.getOptions().get(1).getText();
        leader.selectByVisibleText(name);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> b.getCurrentUrl().contains("leader=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
        awaitCharts();
        List<String> shown = new ArrayList<>();
        browser.findElements(By.cssSelector("#by-leader table[data-leader]"))
                .forEach(t -> shown.add(t.getDomAttribute("data-leader")));
        assertEquals(List.of(name), shown, "only the leader picked");
        JsonNode his =
                tracker.json("/api/v1/weekly/2023-W26?leader=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertEquals(
                his.at("/byLeader/0/projects").size(),
                distinctRows("#by-leader tr.project-row"),
                "every project of " + name);
        assertEquals(his.at("/headline/flags/yellow").asText(), text("yellow-count"));

        // the week picker moves it, and keeps the filter
        browser.executeScript(
                "const w = document.getElementById('week'); w.value = '2023-W20'; w.dispatchEvent(new Event('change'));");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> text("week-title").contains("第20周"));
        awaitCharts();
        assertEquals(
                name,
                new Select(browser.findElement(By.id("leader")))
                        .getFirstSelectedOption()
                        .getText());
        assertEquals(
                tracker.json("/api/v1/weekly/2023-W20?leader=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .at("/headline/flags/yellow")
                        .asText(),
                text("yellow-count"),
                "the week as it was");
        browser.findElement(By.id("previous-week")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> text("week-title").contains("第19周"));
        assertEquals(List.of(), Browser.errors(browser), "the console of week 19");

        // a project's timeline, from its link
        browser.findElement(By.cssSelector("#by-leader tr.project-row a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.id("back")).isEmpty());
        assertTrue(
                browser.findElements(By.cssSelector("tr.timeline-entry")).size() > 0,
                "the timeline lists the project's story");
        assertEquals(List.of(), Browser.errors(browser), "the console of the timeline");

        benchmark(tracker);
    }

    private void awaitCharts() {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.findElements(By.cssSelector(".chart[data-rendered='true'] canvas"))
                                .size()
                        == 4); // investment, flags, the funnel, conversion rates by quarter
        assertEquals(List.of(), Browser.errors(browser), "the console of " + browser.getCurrentUrl());
    }

    private void printChecks() throws Exception {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        // A4 landscape less the page margins: 277 mm = 1047 CSS pixels
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1047, "height", 740, "deviceScaleFactor", 1, "mobile", false));
        // the charts redraw to the new width a moment after the viewport changes: give the page that moment
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(b ->
                            ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).intValue()
                                    <= 1047);
        } catch (TimeoutException tooWide) {
            Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
            throw new AssertionError("the printed page is no wider than A4 landscape: " + width, tooWide);
        }
        assertEquals(
                "table-header-group",
                browser.executeScript("return getComputedStyle(document.querySelector('#by-leader thead')).display;"));
        assertEquals(
                "none",
                browser.executeScript("return getComputedStyle(document.getElementById('filters')).display;"),
                "no filters on paper");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        Map<String, Object> printed = browser.executeCdpCommand(
                "Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(Browser.OUT.resolve("weekly-2023-W26.pdf"), pdf);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]")
                .matcher(text);
        assertTrue(box.find(), "the PDF names its page size");
        assertEquals(842, Math.round(Double.parseDouble(box.group(1))), "A4 landscape: 297 mm wide");
        assertEquals(595, Math.round(Double.parseDouble(box.group(2))), "A4 landscape: 210 mm high");
        int pages = 0;
        for (Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(text); page.find(); ) {
            pages++;
        }
        assertTrue(pages >= 2, "the sections start on new pages: " + pages);
        System.out.printf("[weekly page] printed on %d A4 landscape pages (target/weekly-2023-W26.pdf)%n", pages);
    }

    /** Server time of the page and its JSON, on loopback: the median and the slowest of repeated requests. */
    private static void benchmark(Http tracker) throws Exception {
        for (String path : List.of("/weekly", "/api/v1/weekly/2023-W26", "/weekly?week=2023-W26&pool=BUILDING")) {
            for (int i = 0; i < 5; i++) {
                tracker.get(path);
            }
            List<Long> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                var response = tracker.get(path);
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                assertEquals(200, response.statusCode());
                bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
            }
            Collections.sort(millis);
            System.out.printf(
                    "[benchmark] 432-project sample, simulated to 2023-W26: GET %-40s median %4d ms, p90 %4d ms, max %4d ms (%d KB; goal < 200 ms)%n",
                    path, millis.get(15), millis.get(27), millis.get(29), bytes / 1024);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private long distinctRows(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(row -> row.getDomAttribute("data-code"))
                .distinct()
                .count();
    }
}
