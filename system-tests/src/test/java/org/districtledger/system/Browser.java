package org.districtledger.system;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium, driven through its chromedriver: Debian's {@code chromium} and {@code chromium-driver},
 * which {@code deploy/test} installs ({@code CHROMIUM} and {@code CHROMEDRIVER} name others). Every page it opens
 * records its console errors, uncaught errors, refused resources and Content-Security-Policy violations.
 */
final class Browser {

    /** Collects what a user would see as an error in the browser's console, before any script of the page runs. */
    private static final String ERROR_WATCH = """
            window.__errors = [];
            const original = console.error.bind(console);
            console.error = (...args) => { window.__errors.push('console.error: ' + args.join(' ')); original(...args); };
            window.addEventListener('error', (e) => {
              const target = e.target && e.target !== window ? (e.target.src || e.target.href || e.target.tagName) : '';
              window.__errors.push('error: ' + (e.message || 'could not load ' + target));
            }, true);
            window.addEventListener('unhandledrejection', (e) => window.__errors.push('unhandled rejection: ' + e.reason));
            document.addEventListener('securitypolicyviolation', (e) => window.__errors.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
            """;

    private Browser() {}

    static ChromeDriver start(Path profile) throws Exception {
        File chromium = executable("CHROMIUM", "/usr/bin/chromium");
        File driver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions().setBinary(chromium);
        // the flags that keep a headless Chromium quiet on a machine with no internet (see the machine's notes)
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1600,1000",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_WATCH));
        return browser;
    }

    /** Where the system tests leave their screenshots and printouts: {@code system-tests/target}. */
    static final Path OUT = Path.of(System.getProperty("ledger.home"), "system-tests", "target");

    /** A screenshot of the page now open, as {@code system-tests/target/<name>} (the README's come from there). */
    static void saveScreenshot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The errors the page now open has recorded. */
    @SuppressWarnings("unchecked")
    static List<String> errors(ChromeDriver browser) {
        Object errors = browser.executeScript("return window.__errors || ['the error watch was not installed'];");
        return (List<String>) errors;
    }

    private static File executable(String variable, String debianPath) {
        String path = System.getenv().getOrDefault(variable, debianPath);
        File file = new File(path);
        if (!file.canExecute()) {
            throw new IllegalStateException(
                    path + " not found: run the tests with deploy/test, which installs Debian's chromium and "
                            + "chromium-driver, or name them with " + variable);
        }
        return file;
    }
}
