package org.districtledger.registry.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.districtledger.registry.Assignments;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.testsupport.EventContract;
import org.districtledger.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer's workspace through its API, on real PostgreSQL and Kafka: his projects and what is due, the week's
 * grid saved all or nothing (and as a sheet), site photos within their limits, comments on problems, and the Monday
 * reminder reaching the event topic and a stand-in WeCom robot.
 */
@QuarkusTest
@WithTestResource(RegistryInfrastructure.class)
class WorkspaceTest {

    private static final String OFFICE = Tokens.of("office", "ADMIN");
    private static final String WANG = Tokens.of("officer-wang", "OFFICER");
    private static final String LI = Tokens.of("officer-li", "OFFICER");
    private static final String LIU = Tokens.of("leader-liu", "LEADER");
    private static final String WEEK = "2023-W26";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anOfficersWeek() throws Exception {
        String forceA = "城建专班-" + UUID.randomUUID().toString().substring(0, 8);
        String forceB = "社会事业专班-" + UUID.randomUUID().toString().substring(0, 8);
        String a = register(SampleProjects.inPool("BUILDING", 2023, "50000.00", "20000.00"));
        String b = register(SampleProjects.inPool("BUILDING", 2023, "30000.00", "12000.00"));
        Assignments.announce(bootstrapServers, "/progress-tracker", a, 1, forceA, "leader-liu", "officer-wang");
        Assignments.announce(bootstrapServers, "/progress-tracker", b, 1, forceB, null, "officer-li");
        Assignments.awaitAccess(dataSource, a, 1);
        Assignments.awaitAccess(dataSource, b, 1);
        as(OFFICE)
                .body("{\"status\": \"IN_PROGRESS\", \"targetDate\": \"2023-06-20\"}")
                .put("/api/v1/projects/" + a + "/procedures/CONSTRUCTION_PERMIT")
                .then()
                .statusCode(200);
        long problem = as(WANG).body("{\"title\": \"施工用电接入\", \"department\": \"区供电公司\", \"raisedOn\": \"2023-06-12\", "
                        + "\"dueDate\": \"2023-06-30\"}")
                .post("/api/v1/projects/" + a + "/problems")
                .then()
                .statusCode(201)
                .body("dueDate", equalTo("2023-06-30"))
                .extract()
                .jsonPath()
                .getLong("id");

        // his projects and what is due on them, counted on the week's Sunday
        JsonNode workspace = json.readTree(as(WANG).get("/api/v1/workspace?week=" + WEEK)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode mine = project(workspace, a);
        assertTrue(project(workspace, b) == null, "officer-li's project is not in officer-wang's workspace");
        assertEquals("2023-07-02", workspace.get("asOf").asText());
        assertTrue(mine.get("reportDue").asBoolean(), "no report yet for " + WEEK);
        assertEquals("CONSTRUCTION_PERMIT", mine.at("/permits/0/type").asText());
        assertEquals(12, mine.at("/permits/0/daysLate").asInt(), "the permit was due on 2023-06-20");
        assertEquals(20, mine.at("/problems/0/daysWaiting").asInt(), "raised on 2023-06-12, counted on 2023-07-02");
        assertTrue(workspace.at("/counts/reportsDue").asInt() >= 1);
        JsonNode leaders = json.readTree(
                as(LIU).get("/api/v1/workspace?week=" + WEEK).then().extract().asString());
        assertTrue(project(leaders, a) != null && project(leaders, b) == null, "a leader sees his own projects");

        // the grid: one row wrong (another task force's project, a percentage over 100) and nothing is saved
        String bad = "{\"rows\": [" + row(a, "120.50", 140) + ", " + row(b, "10.00", 20) + "]}";
        as(WANG).body(bad)
                .put("/api/v1/weekly-reports/" + WEEK)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rows[0].imageProgressPercent"))
                .body("errors.field", hasItem("rows[1].code"))
                .body("errors.reason", hasItem(containsString("形象进度须在 0 到 100 之间")));
        as(WANG).get("/api/v1/projects/" + a + "/progress").then().body("size()", equalTo(0));
        as(WANG).body("{\"rows\": [" + row(a, "120.50", 40) + "]}")
                .put("/api/v1/weekly-reports/2099-W10")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("isoWeek"));
        as(WANG).body("{\"rows\": [" + row(a, "120.50", 40) + "]}")
                .put("/api/v1/weekly-reports/" + WEEK)
                .then()
                .statusCode(200)
                .body("saved", equalTo(1))
                .body("created", equalTo(1));
        as(WANG).get("/api/v1/projects/" + a + "/progress")
                .then()
                .body("[0].isoWeek", equalTo(WEEK))
                .body("[0].investmentCompleted", equalTo(120.5f));
        workspace = json.readTree(
                as(WANG).get("/api/v1/workspace?week=" + WEEK).then().extract().asString());
        assertTrue(!project(workspace, a).get("reportDue").asBoolean(), "the report is in");

        // the same grid as a sheet: the template carries last week's image progress, the upload goes through the rules
        byte[] template = as(WANG).get("/api/v1/weekly-reports/2023-W27/template.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = book.getSheet("周报");
            Row found = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && a.equals(r.getCell(0).getStringCellValue())) {
                    found = r;
                }
            }
            assertTrue(found != null, "the template lists " + a);
            assertEquals(40, (int) found.getCell(3).getNumericCellValue(), "last week's image progress, filled in");
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r != found) {
                    r.getCell(0).setCellValue("");
                }
            }
            found.createCell(2).setCellValue("八十");
            filled = write(book);
            as(WANG).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .body(filled)
                    .post("/api/v1/weekly-reports/2023-W27/sheet")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("rows[0].investmentCompleted"));
            found.getCell(2).setCellValue(80.25);
            filled = write(book);
        }
        as(WANG).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(filled)
                .post("/api/v1/weekly-reports/2023-W27/sheet")
                .then()
                .statusCode(200)
                .body("saved", equalTo(1));
        as(WANG).get("/api/v1/projects/" + a + "/progress").then().body("[1].investmentCompleted", equalTo(80.25f));

        // photos: a real PNG is kept with a thumbnail; not an image, too large, twice, or another's project: refused
        byte[] photo = SampleProjects.photo(1200, 900);
        JsonNode added = json.readTree(as(WANG).contentType("image/png")
                .body(photo)
                .post("/api/v1/projects/" + a + "/photos?week=" + WEEK + "&caption=主体结构施工")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        assertEquals(1200, added.get("width").asInt());
        byte[] thumbnail = as(WANG).get(added.get("thumbnailHref").asText())
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertEquals(320, small.getWidth(), "thumbnails are at most 320 pixels a side");
        as(WANG).contentType("image/png")
                .body(photo)
                .post("/api/v1/projects/" + a + "/photos")
                .then()
                .statusCode(409);
        as(WANG).contentType("image/png")
                .body("not a picture at all".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/projects/" + a + "/photos")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].reason", containsString("JPEG 或 PNG"));
        byte[] huge = new byte[9 * 1024 * 1024];
        new Random(7).nextBytes(huge);
        System.arraycopy(photo, 0, huge, 0, 16);
        as(WANG).contentType("image/png")
                .body(huge)
                .post("/api/v1/projects/" + a + "/photos")
                .then()
                .statusCode(400)
                .body("errors[0].reason", containsString("超过上限"));
        as(LI).contentType("image/png")
                .body(SampleProjects.photo(640, 480))
                .post("/api/v1/projects/" + a + "/photos")
                .then()
                .statusCode(403);
        as(WANG).get("/api/v1/projects/" + a + "/photos").then().body("size()", equalTo(1));

        // comments on a problem: the task force's officer and the project's leader write; another officer may not
        as(LIU).body("{\"body\": \"已约供电公司现场踏勘\"}")
                .post("/api/v1/problems/" + problem + "/comments")
                .then()
                .statusCode(201);
        as(LI).body("{\"body\": \"路过\"}")
                .post("/api/v1/problems/" + problem + "/comments")
                .then()
                .statusCode(403);
        as(WANG).get("/api/v1/problems/" + problem + "/comments")
                .then()
                .body("size()", equalTo(1))
                .body("[0].author", equalTo("leader-liu"));

        // the Monday reminder: on its topic, in the inbox, and posted to the task force's WeCom robot
        List<String> robot = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/cgi-bin/webhook/send", exchange -> {
            robot.add(exchange.getRequestURI().getQuery() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        webhook.start();
        try {
            String url = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/cgi-bin/webhook/send?key=stand-in";
            as(OFFICE)
                    .body("{\"kind\": \"WECOM\", \"webhookUrl\": \"" + url + "\"}")
                    .put("/api/v1/task-forces/" + forceA + "/robot")
                    .then()
                    .statusCode(200)
                    .body("webhookUrl", nullValue())
                    .body("host", equalTo("127.0.0.1"));
            as(OFFICE)
                    .body("{\"kind\": \"WECOM\", \"webhookUrl\": \"ftp://nowhere\"}")
                    .put("/api/v1/task-forces/" + forceA + "/robot")
                    .then()
                    .statusCode(400);
            as(OFFICE)
                    .post("/api/v1/reminders?week=2023-W27")
                    .then()
                    .statusCode(200)
                    .body("created", greaterThanOrEqualTo(1));
            as(OFFICE)
                    .post("/api/v1/reminders?week=2023-W27")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> !robot.isEmpty());
            String message = robot.get(0);
            assertTrue(message.startsWith("key=stand-in "), message);
            JsonNode posted = json.readTree(message.substring(message.indexOf(' ') + 1));
            assertEquals("markdown", posted.get("msgtype").asText());
            String text = posted.at("/markdown/content").asText();
            assertTrue(text.contains(forceA) && text.contains("施工许可证") && text.contains("施工用电接入"), text);
            assertEquals(1, robot.size(), "the other task forces have no robot; this one is sent once");
        } finally {
            webhook.stop(0);
        }
        as(WANG).get("/api/v1/reminders/mine").then().statusCode(200).body("taskForce", hasItem(forceA));
        as(LI).get("/api/v1/reminders/mine").then().body("taskForce", not(hasItem(forceA)));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events events = new Events(kafka, "ledger.reminders")) {
            List<ConsumerRecord<String, String>> all =
                    events.awaitMatching(r -> r.value().contains(forceA));
            ConsumerRecord<String, String> record = all.get(0);
            assertEquals("ledger.reminder.due.v1", Events.header(record, "ce_type"));
            EventContract.requireValid("ledger.reminder.due.v1", record.value());
        }
    }

    private static JsonNode project(JsonNode workspace, String code) {
        for (JsonNode p : workspace.get("projects")) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        return null;
    }

    private static String row(String code, String investment, int percent) {
        return "{\"code\": \"" + code + "\", \"investmentCompleted\": " + investment + ", \"imageProgressPercent\": "
                + percent + ", \"imageProgressNote\": \"主体施工\", \"siteStatus\": \"STARTED\"}";
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).when();
    }

    private static String register(String body) {
        return as(OFFICE)
                .body(body)
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    private static byte[] write(XSSFWorkbook book) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
