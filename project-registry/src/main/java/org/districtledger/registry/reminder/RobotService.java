package org.districtledger.registry.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.registry.access.ProjectAccess;
import org.districtledger.runtime.HttpProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps each task force's group robot. */
@ApplicationScoped
public class RobotService {

    @Transactional
    public Map<String, Object> set(String taskForce, RobotRequest request, String actor) {
        if (ProjectAccess.count("taskForce", taskForce) == 0) {
            throw HttpProblemException.notFound("Task force", taskForce);
        }
        URI address;
        try {
            address = URI.create(request.webhookUrl());
        } catch (IllegalArgumentException e) {
            throw HttpProblemException.invalidField("webhookUrl", "不是有效的网址 / not a valid address");
        }
        if (address.getHost() == null) {
            throw HttpProblemException.invalidField("webhookUrl", "网址缺少主机名 / the address names no host");
        }
        TaskForceRobot robot = TaskForceRobot.findById(taskForce);
        if (robot == null) {
            robot = new TaskForceRobot();
            robot.taskForce = taskForce;
        }
        robot.kind = request.kind();
        robot.webhookUrl = request.webhookUrl();
        robot.secret = request.secret() == null || request.secret().isBlank() ? null : request.secret();
        robot.updatedBy = actor;
        robot.updatedAt = Instant.now();
        robot.persist();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("taskForce", taskForce);
        view.put("kind", robot.kind);
        view.put("host", address.getHost());
        view.put("signed", robot.secret != null);
        view.put("updatedBy", actor);
        return view;
    }
}
