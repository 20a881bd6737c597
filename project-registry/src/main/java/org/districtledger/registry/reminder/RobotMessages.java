package org.districtledger.registry.reminder;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The group robots' documented message formats: a WeCom robot takes {@code {"msgtype":"markdown","markdown":
 * {"content":…}}}; a DingTalk robot {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}, and one that
 * signs (加签) wants {@code timestamp} and {@code sign} = Base64(HmacSHA256(secret, timestamp + "\n" + secret)) on
 * its address.
 */
final class RobotMessages {

    private RobotMessages() {}

    static String markdown(JsonNode reminder, String workspaceUrl) {
        StringBuilder text = new StringBuilder();
        text.append("### ")
                .append(reminder.path("taskForce").asText())
                .append(" · ")
                .append(reminder.path("isoWeek").asText())
                .append(" 待办 ")
                .append(reminder.path("itemCount").asInt())
                .append(" 项\n");
        for (JsonNode project : reminder.path("projects")) {
            text.append("\n**")
                    .append(project.path("name").asText())
                    .append("**（")
                    .append(project.path("code").asText())
                    .append("）\n");
            for (JsonNode item : project.path("items")) {
                text.append("- ").append(item.path("text").asText()).append('\n');
            }
        }
        if (workspaceUrl != null && !workspaceUrl.isBlank()) {
            text.append("\n[打开项目工作台](").append(workspaceUrl).append(")");
        }
        return text.toString();
    }

    static Map<String, Object> body(TaskForceRobot.Kind kind, String title, String markdown) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (kind == TaskForceRobot.Kind.WECOM) {
            content.put("content", markdown);
        } else {
            content.put("title", title);
            content.put("text", markdown);
        }
        return Map.of("msgtype", "markdown", "markdown", content);
    }

    /** The address to post to: a signing DingTalk robot's with its timestamp and signature added. */
    static String address(TaskForceRobot robot, long timestampMillis) {
        if (robot.kind != TaskForceRobot.Kind.DINGTALK || robot.secret == null || robot.secret.isBlank()) {
            return robot.webhookUrl;
        }
        return robot.webhookUrl + (robot.webhookUrl.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis
                + "&sign=" + URLEncoder.encode(sign(robot.secret, timestampMillis), StandardCharsets.UTF_8);
    }

    static String sign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
