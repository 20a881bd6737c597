package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/**
 * The operators' command for the tracker's dead letters: lists them, shows one whole, re-drives one once its cause
 * is fixed (through the tracker's {@code /api/v1/dead-letters}, signed in as the office: {@code LEDGER_TOKEN}, or
 * the local run's demo sign-in). {@code DeadLettersCli [--tracker URL] list [LIMIT] | show P O | redrive P O}
 */
public final class DeadLettersCli {

    private static final String USAGE =
            "usage: deploy/dead-letters [--tracker http://localhost:8082] list [LIMIT] | show PARTITION OFFSET | redrive PARTITION OFFSET";

    private DeadLettersCli() {}

    public static void main(String[] args) {
        String tracker = "http://localhost:8082";
        int first = 0;
        if (args.length >= 2 && args[0].equals("--tracker")) {
            tracker = args[1];
            first = 2;
        }
        if (args.length <= first) {
            System.err.println(USAGE);
            System.exit(64);
        }
        RegistryClient client = RegistryClient.asOffice(URI.create(tracker));
        String command = args[first];
        try {
            switch (command) {
                case "list" -> list(client, args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 100);
                case "show" -> System.out.println(client.get(path(args, first)).toPrettyString());
                case "redrive" -> {
                    JsonNode redriven = client.send("POST", path(args, first) + "/redrive", "", 200);
                    JsonNode redrive = redriven.get("redrive");
                    System.out.println(redrive.get("outcome").asText()
                            + (redrive.hasNonNull("reason")
                                    ? ": " + redrive.get("reason").asText()
                                    : ""));
                    System.exit("dead-lettered".equals(redrive.get("outcome").asText()) ? 1 : 0);
                }
                default -> {
                    System.err.println(USAGE);
                    System.exit(64);
                }
            }
        } catch (RegistryClient.Refused refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
    }

    private static void list(RegistryClient client, int limit) {
        JsonNode letters = client.get("/api/v1/dead-letters?limit=" + limit);
        System.out.printf(
                "%-9s %-8s %-24s %-16s %-28s %s%n", "PARTITION", "OFFSET", "DEAD-LETTERED", "KEY", "REDRIVE", "REASON");
        for (JsonNode letter : letters) {
            JsonNode redrive = letter.get("redrive");
            System.out.printf(
                    "%-9d %-8d %-24s %-16s %-28s %s%n",
                    letter.get("partition").asInt(),
                    letter.get("offset").asLong(),
                    letter.get("deadLetteredAt").asText(),
                    letter.path("key").asText("-"),
                    redrive == null || redrive.isNull()
                            ? "-"
                            : redrive.get("outcome").asText() + " by "
                                    + redrive.get("by").asText(),
                    letter.path("reason").asText());
        }
    }

    private static String path(String[] args, int first) {
        if (args.length < first + 3) {
            System.err.println(USAGE);
            System.exit(64);
        }
        return "/api/v1/dead-letters/" + Integer.parseInt(args[first + 1]) + "/" + Long.parseLong(args[first + 2]);
    }
}
