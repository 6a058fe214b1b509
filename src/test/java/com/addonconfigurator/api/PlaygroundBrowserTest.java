package com.addonconfigurator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.RulesCopy;
import com.addonconfigurator.TestRules;
import com.addonconfigurator.app.AppConfig;
import com.addonconfigurator.quotes.QuoteSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in a real headless Chromium against the real server: load a shared cart, fill the
 * form, apply a suggestion, read decisions and totals from the page. Saves a screenshot to
 * target/playground.png. Skipped, saying why, where Debian's chromium and chromium-driver are missing.
 */
class PlaygroundBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        server = TestServer.start(TestRules.FOLDER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
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
                "--window-size=1280,1500",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static String status(String code) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#items tr[data-code='" + code + "']"));
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-status");
    }

    @Test
    void aCartIsEvaluatedAsItIsFilledAndASuggestionAppliesWithOneClick() throws Exception {
        Map<String, Object> cart = Map.of(
                "evaluationDate",
                "2026-11-28",
                "channel",
                "CUSTOMER_AREA",
                "platform",
                "ANDROID",
                "account",
                Map.of(
                        "plan",
                        "FE",
                        "expiresOn",
                        "2027-03-31",
                        "activeModules",
                        List.of(),
                        "users",
                        0,
                        "contactsMatched",
                        false),
                "cart",
                Map.of(
                        "modules",
                        List.of("WOOCOMMERCE"),
                        "users",
                        0,
                        "extendActiveServices",
                        true,
                        "invoiceThroughArubaPanel",
                        true));
        String hash = URLEncoder.encode(new ObjectMapper().writeValueAsString(cart), StandardCharsets.UTF_8)
                .replace("+", "%20");

        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.get(server.uri("/").toString() + "#cart=" + hash);
        browser.navigate().refresh(); // a new #hash on the same page does not load it again

        waiting().until(d -> "REJECTED".equals(status("WOOCOMMERCE")));
        assertTrue(browser.findElement(By.cssSelector("#items tr[data-code='WOOCOMMERCE']"))
                .getText()
                .contains("REQUIRES_DOCUMENTI"));
        assertEquals("false", browser.findElement(By.id("checkout")).getAttribute("data-allowed"));

        WebElement users = browser.findElement(By.id("cartUsers"));
        users.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        waiting().until(d -> "ACCEPTED".equals(status("MULTIUTENTE")));

        browser.findElement(By.cssSelector("#suggestions button[data-action='ADD_MODULE'][data-code='DOCUMENTI']"))
                .click();

        waiting().until(d -> "ACCEPTED".equals(status("WOOCOMMERCE")) && "ACCEPTED".equals(status("DOCUMENTI")));
        waiting().until(d -> "true".equals(d.findElement(By.id("checkout")).getAttribute("data-allowed")));
        // WooCommerce 30.00 + Documenti 20.00 + 2 users for 12 months 20.00 + 8 months' extension 16.67
        // amounts and dates as Italian writes them
        assertEquals("86,67 €", text("net"));
        assertEquals("19,07 €", text("vat"));
        assertEquals("105,74 €", text("gross"));
        assertEquals("28 nov 2027", text("account-expiry-after"));
        assertTrue(browser.findElement(By.cssSelector("#steps li[data-code='CONNECT_ONLINE_SHOP']"))
                .isDisplayed());
        assertTrue(
                browser.getCurrentUrl().contains("DOCUMENTI"), "the cart lives in the URL: " + browser.getCurrentUrl());

        browser.findElement(By.id("lang-en")).click();
        waiting().until(d -> d.findElement(By.id("checkout")).getText().equals("The cart can go to checkout"));
        assertEquals("€105.74", text("gross"));
        assertTrue(
                browser.findElement(By.cssSelector("#channel option[value='CUSTOMER_AREA']"))
                        .getText()
                        .startsWith("Customer area"),
                "channel names in the chosen language");

        browser.findElement(By.id("copy-scenario")).click();
        String scenario = browser.findElement(By.id("scenario")).getAttribute("value");
        assertTrue(scenario.startsWith("scenarios:\n"), scenario);
        assertTrue(scenario.contains("WOOCOMMERCE: { status: ACCEPTED"), scenario);
        assertTrue(scenario.contains("gross: \"105.74\""), scenario);
        assertTrue(
                scenario.contains("    given:\n      evaluationDate: \"2026-11-28\"\n      channel: CUSTOMER_AREA\n"),
                "given as readable YAML: " + scenario);
        browser.findElement(By.cssSelector("#cartModules input[value='INCASSI_PAGAMENTI']"))
                .click();
        waiting()
                .until(d ->
                        d.findElement(By.id("scenario")).getAttribute("value").contains("INCASSI_PAGAMENTI"));

        Path shot = Path.of("target", "playground.png");
        Files.createDirectories(shot.getParent());
        File taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(shot) > 10_000);
    }

    /** An element's text with no-break spaces as plain ones (number formats put them before the euro sign). */
    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static void open(int width, Map<String, Object> cart) throws Exception {
        browser.manage().window().setSize(new Dimension(width, 1000));
        String hash = URLEncoder.encode(new ObjectMapper().writeValueAsString(cart), StandardCharsets.UTF_8)
                .replace("+", "%20");
        browser.get(server.uri("/").toString() + "#cart=" + hash);
        browser.navigate().refresh();
    }

    @ParameterizedTest(name = "at {0} px the results fit the screen and a rejected item shows its reasons")
    @ValueSource(ints = {360, 1280})
    void theResultsFitTheScreenAndARejectedItemShowsItsReasons(int width) throws Exception {
        open(
                width,
                Map.of(
                        "evaluationDate",
                        "2026-11-28",
                        "channel",
                        "CUSTOMER_AREA",
                        "account",
                        Map.of("plan", "FE", "expiresOn", "2027-03-31"),
                        "cart",
                        Map.of("modules", List.of("WOOCOMMERCE", "INCASSI_PAGAMENTI"), "users", 3)));
        waiting().until(d -> "REJECTED".equals(status("WOOCOMMERCE")));

        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const w = window.innerWidth, bad = [];
                document.querySelectorAll('#results *').forEach((e) => {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > w + 1) bad.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + r.right);
                });
                return { width: w, scroll: document.documentElement.scrollWidth, wider: bad.join(', ') };""");
        long inner = ((Number) fit.get("width")).longValue();
        assertTrue(((Number) fit.get("scroll")).longValue() <= inner, "the page scrolls sideways: " + fit);
        assertEquals("", fit.get("wider"), "elements wider than the screen at " + width + " px");
        WebElement reason = browser.findElement(By.cssSelector("#items tr[data-code='WOOCOMMERCE'] .reason"));
        assertTrue(reason.isDisplayed());
        assertTrue(
                reason.getRect().getX() + reason.getRect().getWidth() <= inner,
                "the reason is cut: " + reason.getRect());

        ((JavascriptExecutor) browser).executeScript("document.getElementById('results').scrollIntoView()");
        Path shot = Path.of("target", "playground-" + width + ".png");
        Files.createDirectories(shot.getParent());
        File taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(shot) > 10_000);
    }

    @Test
    void anInvalidNumberIsFlaggedAtItsFieldAndAnEmptyCartSaysSoCalmly() throws Exception {
        open(
                1280,
                Map.of(
                        "evaluationDate",
                        "2026-11-28",
                        "channel",
                        "PANEL",
                        "account",
                        Map.of("plan", "FE", "expiresOn", "2027-11-28"),
                        "cart",
                        Map.of()));
        waiting().until(d -> d.findElement(By.id("checkout")).getText().startsWith("Il carrello è vuoto"));
        assertFalse(browser.findElement(By.id("items")).isDisplayed(), "no empty tables");
        assertFalse(browser.findElement(By.id("steps")).isDisplayed(), "no numbered 'none' step");

        WebElement users = browser.findElement(By.id("cartUsers"));
        users.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-3", Keys.TAB);

        waiting().until(d -> "true".equals(users.getAttribute("aria-invalid")));
        assertTrue(browser.findElement(By.id("cartUsers-error")).isDisplayed());
        assertEquals("-3", users.getAttribute("value"), "the value is not silently changed");

        browser.findElement(By.id("lang-en")).click();
        waiting().until(d -> d.findElement(By.id("cartUsers-error")).getText().startsWith("Write a whole number"));
        assertEquals("-3", browser.findElement(By.id("cartUsers")).getAttribute("value"), "kept across languages");
        browser.findElement(By.id("lang-it")).click();
    }

    @Test
    void aCartIsQuotedAndItsConfirmationShowsWhatChangedWhenTheRulesChangedInBetween(@TempDir Path temp)
            throws Exception {
        RulesCopy rules = RulesCopy.into(temp.resolve("rules"));
        TestServer own = TestServer.start(
                AppConfig.defaults(rules.folder())
                        .with(b -> b.scenarioGate = false)
                        .withQuotes(QuoteSettings.embedded(temp.resolve("data"))),
                true,
                // the server prices quotes today: a fixed day keeps the account (expiring 2027-03-31) valid
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-03T11:00:00Z"), java.time.ZoneOffset.UTC));
        try {
            Map<String, Object> cart = Map.of(
                    "evaluationDate",
                    "2026-12-03",
                    "channel",
                    "CUSTOMER_AREA",
                    "account",
                    Map.of("plan", "FE", "expiresOn", "2027-03-31"),
                    "cart",
                    Map.of("modules", List.of("INCASSI_PAGAMENTI")));
            String hash = URLEncoder.encode(new ObjectMapper().writeValueAsString(cart), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            browser.manage().window().setSize(new Dimension(1280, 1000));
            browser.get(own.uri("/").toString() + "#cart=" + hash + "&lang=en");
            browser.navigate().refresh();
            waiting().until(d -> "ACCEPTED".equals(status("INCASSI_PAGAMENTI")));

            browser.findElement(By.id("quote-cart")).click();
            waiting()
                    .until(d ->
                            "OPEN".equals(d.findElement(By.id("quote-status")).getAttribute("data-status")));
            assertFalse(text("quote-valid").isBlank());
            assertTrue(text("quote-id").matches("[0-9a-f]{32}"), text("quote-id"));

            rules.replace(
                    "catalog.yaml",
                    "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                    "price: \"35.00\"\n  - code: DOCUMENTI");
            own.app().registry().reload();
            browser.findElement(By.id("confirm-quote")).click();
            WebElement amount = waiting()
                    .until(d -> d
                            .findElements(By.cssSelector(
                                    "#quote-differences li[data-field='pricing.lines.INCASSI_PAGAMENTI.amount']"))
                            .stream()
                            .findFirst()
                            .orElse(null));
            assertTrue(
                    amount.getText().contains("\"30.00\"") && amount.getText().contains("\"35.00\""), amount.getText());
            assertTrue(browser.findElement(By.id("quote-error")).isDisplayed());
            assertEquals("OPEN", browser.findElement(By.id("quote-status")).getAttribute("data-status"));

            // a new quote at the new price confirms
            String first = text("quote-id");
            browser.findElement(By.id("quote-cart")).click();
            waiting().until(d -> !first.equals(text("quote-id")));
            assertTrue(browser.findElements(By.cssSelector("#quote-differences li"))
                    .isEmpty());
            browser.findElement(By.id("confirm-quote")).click();
            waiting()
                    .until(d -> "CONFIRMED"
                            .equals(d.findElement(By.id("quote-status")).getAttribute("data-status")));
        } finally {
            own.stop();
        }
    }

    @Test
    void thePricesOfTheChosenDateAndTheNextChangeAfterItAreShown() throws Exception {
        open(
                1280,
                Map.of(
                        "evaluationDate",
                        "2027-01-31",
                        "channel",
                        "CUSTOMER_AREA",
                        "account",
                        Map.of("plan", "FE", "expiresOn", "2027-12-31"),
                        "cart",
                        Map.of("modules", List.of("ORDINI_ELETTRONICI"))));
        waiting()
                .until(d ->
                        "2027-02-01".equals(d.findElement(By.id("next-change")).getAttribute("data-date")));
        String orders = (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.querySelector(\"#price-list li[data-code='ORDINI_ELETTRONICI']\").textContent");
        assertTrue(orders.contains("25,00"), orders);
        WebElement date = browser.findElement(By.id("evaluationDate"));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = '2027-02-01'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        date);
        waiting()
                .until(d ->
                        "2027-07-01".equals(d.findElement(By.id("next-change")).getAttribute("data-date")));
        String after = (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.querySelector(\"#price-list li[data-code='ORDINI_ELETTRONICI']\").textContent");
        assertTrue(after.contains("28,00"), after);
    }

    @Test
    void withACandidateItsAnswerIsShownBesideTheLiveOneWithTheDifferingFieldsMarked(@TempDir Path temp)
            throws Exception {
        RulesCopy candidate = RulesCopy.into(temp.resolve("candidate"))
                .replace(
                        "catalog.yaml",
                        "price: \"30.00\"     # *\n  - code: DOCUMENTI",
                        "price: \"35.00\"\n  - code: DOCUMENTI");
        TestServer own = TestServer.start(
                AppConfig.defaults(TestRules.FOLDER)
                        .with(b -> b.scenarioGate = false)
                        .withCandidate(candidate.folder(), 0.1),
                true);
        try {
            // the candidate is loaded after the live rules
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (own.post(
                                            "/api/v1/rules/candidate/compare",
                                            RequestBodies.example().json())
                                    .statusCode()
                            != 200
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String hash = URLEncoder.encode(
                            new ObjectMapper()
                                    .writeValueAsString(RequestBodies.example().json()),
                            StandardCharsets.UTF_8)
                    .replace("+", "%20");
            browser.manage().window().setSize(new Dimension(1280, 1000));
            browser.get(own.uri("/").toString() + "#cart=" + hash + "&lang=en");
            browser.navigate().refresh();
            WebElement amount = waiting()
                    .until(d -> d
                            .findElements(By.cssSelector(
                                    "#candidate-differences li[data-field='pricing.lines.INCASSI_PAGAMENTI.amount']"))
                            .stream()
                            .findFirst()
                            .orElse(null));
            assertTrue(
                    amount.getText().contains("live 30.00") && amount.getText().contains("candidate 35.00"),
                    amount.getText());
            assertTrue(browser.findElement(By.id("candidate-box")).isDisplayed());
            assertFalse(browser.findElements(By.cssSelector("#lines tr.differs[data-code='INCASSI_PAGAMENTI']"))
                    .isEmpty());
            assertTrue(browser.findElements(By.cssSelector("#lines tr.differs[data-code='MULTIUTENTE']"))
                    .isEmpty());
        } finally {
            own.stop();
        }
    }

    @Test
    void theApiReferenceRendersTheDocument() {
        browser.get(server.uri("/docs").toString());
        waiting()
                .until(d ->
                        !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .anyMatch(e -> e.getText().contains("/api/v1/evaluate")));
    }
}
