package org.canbao.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdentityVerified;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.junit.jupiter.api.Test;
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
 * The supervisors' dashboard in a real browser (Debian's Chromium, headless): what a county supervisor sees on a
 * desk and on a phone. Screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
@WithTestResource(EnrollmentFeedsAnswer.class)
class DashboardBrowserTest {
    private static final int YEAR = 2041;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL root;

    private static void publish(String topic, CanbaoEvent event) {
        TopicWriter.send(TestInfra.broker().bootstrapServers(), topic, event.subject(),
                EventCodec.write(EventCodec.envelope("/test", event)));
    }

    /** Five townships of two persons each: 甲 and 戊 complete, 乙 half, 丙 and 丁 nothing yet. */
    private static void season() {
        String document = "{\"units\":[" + String.join(",", List.of("甲镇", "乙镇", "丙镇", "丁镇", "戊镇").stream()
                .map(t -> "{\"name\":\"" + t + "\",\"kind\":\"township\",\"target\":2}").toList()) + "],"
                + "\"checkpoints\":[{\"cutoff\":\"2020-01-01\",\"requiredRatio\":0.5},"
                + "{\"cutoff\":\"2099-01-01\",\"requiredRatio\":0.6}]}";
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(document.getBytes(StandardCharsets.UTF_8)).put("/api/v1/campaigns/" + YEAR).then().statusCode(200);
        String[][] people = {{"甲镇", "甲一村", "y"}, {"甲镇", "甲二村", "y"}, {"乙镇", "乙村", "y"}, {"乙镇", "乙村", "n"},
                {"丙镇", "丙村", "n"}, {"丙镇", "丙村", "n"}, {"丁镇", "丁村", "n"}, {"丁镇", "丁村", "n"},
                {"戊镇", "戊村", "y"}, {"戊镇", "戊村", "y"}};
        for (int i = 0; i < people.length; i++) {
            String key = "dash-" + i;
            publish("identity-verified", new IdentityVerified(key, "430626********0000", "H-" + key, people[i][0],
                    people[i][1], "ACTIVE", 1980, Instant.now()));
            if (people[i][2].equals("y")) {
                publish("entitlement-changed", new EntitlementChanged(key, YEAR, 1, "PAID", false,
                        OffsetDateTime.parse("2019-12-01T10:00:00+08:00"), BigDecimal.ZERO, new BigDecimal("380.00"),
                        new BigDecimal("380.00")));
            }
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && !Integer.valueOf(5).equals(given().auth().preemptive()
                .basic("supervisor", "supervisor").get("/api/v1/campaigns/" + YEAR + "/progress").then().extract()
                .path("total.enrolled"))) {
            sleep(200);
        }
    }

    @Test
    void aSupervisorSeesTheTownshipsByRankTheirVillagesTheBulletinsAndExportsOnADeskAndOnAPhone() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver, as .ci/run does)");
        season();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver browser = new ChromeDriver(service, options);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        try {
            browser.get("http://supervisor:supervisor@" + root.getHost() + ":" + root.getPort() + "/");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            WebElement year = browser.findElement(By.id("year"));
            year.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(YEAR), Keys.TAB);
            try {
                wait.until(b -> rows(b).size() == 6 && rows(b).get(0).getText().contains("2 2"));
            } catch (org.openqa.selenium.TimeoutException e) {
                Files.write(shots.resolve("dashboard-failed.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                throw new AssertionError("the page shows: " + browser.findElement(By.tagName("body")).getText(), e);
            }
            try {
                wait.until(b -> b.findElements(By.cssSelector("#checkpoints tr")).size() == 2);
            } catch (org.openqa.selenium.TimeoutException e) {
                Object probe = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/campaigns/" + YEAR + "/checkpoints', {headers: {Accept: 'application/json'}})"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + t.substring(0, 300)))).catch(x => done('failed ' + x))");
                throw new AssertionError("checkpoints: " + probe + "; page: " + browser.findElement(By.tagName("body")).getText(), e);
            }

            assertEquals("单位", browser.findElement(By.cssSelector("thead th")).getText());
            // one snapshot of the table: the page redraws it on every live event
            List<Map<String, Object>> table = snapshot(browser);
            List<String> order = table.stream().map(r -> r.get("name") + (String.valueOf(r.get("cls")).contains("bottom") ? " 后三名" : ""))
                    .toList();
            assertEquals(List.of("甲镇", "戊镇", "乙镇 后三名", "丙镇 后三名", "丁镇 后三名", "合计"), order,
                    "by rank, the last three marked");
            assertEquals("0.00%", table.get(3).get("low"), "below the next checkpoint's 60 % shows red");
            assertEquals("50.00%", table.get(2).get("low"), "乙镇's 50 % is below 60 %");
            assertEquals("", table.get(0).get("low"), "甲镇 is complete");
            assertTrue(browser.findElement(By.id("rule")).getText().contains("60.00%"));
            assertTrue(browser.findElement(By.id("export-xlsx")).getAttribute("href")
                    .endsWith("/api/v1/campaigns/" + YEAR + "/progress?format=xlsx"));
            String bulletin = browser.findElement(By.cssSelector("#checkpoints tr")).getText();
            assertTrue(bulletin.contains("50.00%") && bulletin.contains("甲镇"), bulletin);
            // the season's curve: five enrolled on 1 Dec 2019, half the target, beside both checkpoints' lines
            wait.until(b -> !b.findElements(By.cssSelector("#trend svg polyline")).isEmpty());
            String curve = browser.findElement(By.cssSelector("#trend .meta")).getText();
            assertTrue(curve.contains("2019-12-01") && curve.contains("累计 5 人") && curve.contains("50.00%"), curve);
            assertEquals(2, browser.findElements(By.cssSelector("#trend line.goal")).size(), "one line per checkpoint");
            // the departments' feeds, as enrollment-service answers them, asked with the supervisor's own credentials
            wait.until(b -> b.findElements(By.cssSelector("#feeds tr")).size() == 3);
            List<String> feeds = browser.findElements(By.cssSelector("#feeds tr")).stream().map(WebElement::getText).toList();
            assertTrue(feeds.get(0).startsWith("民政") && feeds.get(0).contains("名单明显减少")
                    && feeds.get(0).contains("-32.50%"), feeds.toString());
            assertTrue(feeds.get(1).startsWith("残联") && feeds.get(1).contains("未按月报送"), feeds.toString());
            assertTrue(feeds.get(2).endsWith("正常"), feeds.toString());
            assertEquals(2, browser.findElements(By.cssSelector("#feeds td.low")).size());
            assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("supervisor:supervisor".getBytes(StandardCharsets.UTF_8)),
                    EnrollmentFeedsAnswer.authorization);
            Files.write(shots.resolve("dashboard-desk.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            ((JavascriptExecutor) browser).executeScript("document.querySelector('#units tr').click()");
            wait.until(b -> b.findElement(By.id("villages")).isDisplayed()
                    && b.findElements(By.cssSelector("#village-rows tr")).size() == 2);
            assertTrue(browser.findElement(By.id("villages-title")).getText().startsWith("甲镇"));
            wait.until(b -> b.findElement(By.id("trend-unit")).getText().contains("甲镇")
                    && b.findElement(By.cssSelector("#trend .meta")).getText().contains("累计 2 人"));
            Files.write(shots.resolve("dashboard-villages.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            browser.manage().window().setSize(new Dimension(390, 844));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 1, "no sideways scrolling of the page at phone width: " + overflow);
            Files.write(shots.resolve("dashboard-phone.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            year = browser.findElement(By.id("year"));
            year.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(YEAR + 1), Keys.TAB);
            wait.until(b -> rows(b).size() == 1);
            assertEquals("合计", snapshot(browser).get(0).get("name"), "another year starts empty, without the old year's rows");

            // a city's campaign: the city, its counties, their townships, one level at a time, and back up
            browser.manage().window().setSize(new Dimension(1280, 900));
            String city = "unit_name,unit_kind,parent,target\n湘市,city,,\n东县,county,湘市,\n西县,county,湘市,\n"
                    + "甲镇,township,东县,2\n乙镇,township,东县,2\n丙镇,township,西县,2\n丁镇,township,西县,2\n戊镇,township,西县,2\n";
            given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                    .body(city.getBytes(StandardCharsets.UTF_8)).put("/api/v1/campaigns/" + (YEAR + 2)).then().statusCode(200);
            year = browser.findElement(By.id("year"));
            year.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(YEAR + 2), Keys.TAB);
            wait.until(b -> rows(b).size() == 2 && rows(b).get(0).getText().startsWith("湘市 10"));
            ((JavascriptExecutor) browser).executeScript("document.querySelector('#units tr').click()");
            wait.until(b -> b.findElements(By.cssSelector("#village-rows tr")).size() == 2
                    && b.findElement(By.id("villages-title")).getText().startsWith("湘市"));
            assertEquals(List.of("东县 4", "西县 6"), browser.findElements(By.cssSelector("#village-rows tr")).stream()
                    .map(r -> r.getText().split(" ")[0] + " " + r.getText().split(" ")[1]).toList(), "targets rolled up");
            ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('#village-rows tr')[1].click()");
            wait.until(b -> b.findElements(By.cssSelector("#village-rows tr")).size() == 3
                    && b.findElement(By.id("villages-title")).getText().startsWith("湘市 › 西县"));
            Files.write(shots.resolve("dashboard-hierarchy.png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.findElement(By.linkText("湘市")).click();
            wait.until(b -> b.findElements(By.cssSelector("#village-rows tr")).size() == 2);
        } finally {
            browser.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> snapshot(WebDriver browser) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#units tr')].map(r => ({name: r.cells[0].firstChild.textContent,"
                        + " cls: r.className, low: [...r.querySelectorAll('td.low')].map(c => c.textContent).join(' ')}))");
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#units tr"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
