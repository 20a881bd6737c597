package org.districtledger.registry;

import io.restassured.http.ContentType;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static io.restassured.RestAssured.given;

/** Request bodies of projects as a ledger administrator sends them, and a shortcut to register them. */
public final class SampleProjects {

    /** A school planned to start in April 2023; replace the national code to register it again. */
    public static final String PREPARING_SCHOOL = """
            {"name": "杨村第四小学", "pool": "PREPARING", "nationalCode": "2023-120114-83-01-000001",
             "industryChain": "公共服务", "town": "杨村街道", "ownerUnit": "区教育局", "leadDepartment": "区教育局",
             "planYear": 2023, "totalInvestment": 28000.00, "annualPlanInvestment": 12000.50,
             "plannedStart": "2023-04-15", "plannedCompletion": "2024-08-31", "fundingSources": ["SPECIAL_BONDS"]}
            """;

    private SampleProjects() {}

    /** The school with another national code, so that it can be registered once more. */
    public static String preparingSchool(int serial) {
        return PREPARING_SCHOOL.replace("2023-120114-83-01-000001", String.format("2023-120114-83-01-%06d", serial));
    }

    /** A project in the given pool without a national code; BUILDING ones started on 2022-09-01. */
    public static String inPool(String pool, int planYear, String total, String annual) {
        String start = pool.equals("BUILDING") ? ", \"actualStart\": \"2022-09-01\"" : "";
        String planned = pool.equals("PREPARING") ? ", \"plannedStart\": \"" + planYear + "-06-01\"" : "";
        return """
                {"name": "京津产业新城核心区科创CBD", "pool": "%s", "planYear": %d, "industryChain": "高端装备",
                 "town": "京津科技谷", "totalInvestment": %s, "annualPlanInvestment": %s%s%s}
                """.formatted(pool, planYear, total, annual, start, planned);
    }

    /** Registers a project and returns its ledger code. */
    public static String register(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    /** A site photo: a PNG of the given size (a building's block on a sky). */
    public static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 160, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 4, height / 3, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
