package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 一个项目、一名领导、一个专班: each of the sample's accountability projects (annual plan over 1亿元, or key conversion
 * projects over 10亿元) gets its own task force, named after it and led by its lead department, and a district leader
 * who answers for it; a leader answers for several, by the chains and sectors in his or her charge.
 */
public final class SampleAssignments {

    /** A district leader: name, title, and the sign-in name of the demo user, if one. */
    private record Leader(String name, String title, String account) {}

    private static final Leader ZHAO = new Leader("赵志刚", "区长", null);
    private static final Leader LI = new Leader("李建国", "常务副区长", null);
    private static final Leader ZHOU = new Leader("周立军", "区委常委、副区长", null);
    private static final Leader ZHANG = new Leader("张文华", "副区长", null);
    private static final Leader WANG = new Leader("王海涛", "副区长", null);
    private static final Leader CHEN = new Leader("陈晓梅", "副区长", null);
    private static final Leader ZHENG = new Leader("郑宏", "副区长", null);
    private static final Leader LIU = new Leader("刘振东", "副区长", "leader-liu");
    private static final Leader WU = new Leader("吴国栋", "副区长", null);
    private static final Leader SUN = new Leader("孙丽娟", "副区长", "leader-sun");

    /** The leaders in charge of each chain, taking its projects in turn. */
    private static final Map<String, List<Leader>> BY_CHAIN = Map.ofEntries(
            Map.entry("生物医药", List.of(ZHANG)),
            Map.entry("高端装备", List.of(LI, ZHOU)),
            Map.entry("汽车及新能源汽车", List.of(ZHOU)),
            Map.entry("新材料", List.of(WANG)),
            Map.entry("轻工", List.of(CHEN)),
            Map.entry("现代服务业", List.of(CHEN, ZHENG)),
            Map.entry("云数据应用", List.of(ZHAO, LI)),
            Map.entry("基础设施", List.of(LIU, WU)),
            Map.entry("公共服务", List.of(SUN)));

    private SampleAssignments() {}

    /** Assigns every project that needs it; returns how many were assigned. */
    public static int assign(URI tracker) {
        return assign(tracker, null);
    }

    /** Assigns the projects of {@code codes} (all, if {@code null}) that need it; returns how many were assigned. */
    public static int assign(URI tracker, Set<String> codes) {
        RegistryClient client = RegistryClient.asOffice(tracker);
        List<JsonNode> needing = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = client.get("/api/v1/projects?size=500&page=" + page);
            for (JsonNode p : found.get("items")) {
                BigDecimal annual = p.get("annualPlanInvestment").decimalValue();
                BigDecimal total = p.get("totalInvestment").decimalValue();
                if (codes != null && !codes.contains(p.get("code").asText())) {
                    continue;
                }
                if (annual.compareTo(new BigDecimal("10000")) > 0
                        || (p.path("keyConversion").asBoolean() && total.compareTo(new BigDecimal("100000")) > 0)) {
                    needing.add(p);
                }
            }
            if ((page + 1) * 500 >= found.get("total").asInt()) {
                break;
            }
        }
        Map<String, Integer> turns = new HashMap<>();
        for (int i = 0; i < needing.size(); i++) {
            JsonNode p = needing.get(i);
            String chain = p.path("industryChain").asText();
            List<Leader> leaders = BY_CHAIN.getOrDefault(chain, List.of(ZHAO));
            Leader leader = leaders.get(turns.merge(chain, 1, Integer::sum) % leaders.size());
            String department = p.path("leadDepartment").asText("区发改委");
            String taskForce = shortName(p.get("name").asText()) + "专班";
            // the demo officers: officer-wang (区住建委) sits on the infrastructure task forces, officer-li on the public
            // services'
            String officer = switch (chain) {
                case "基础设施" -> ", {\"name\": \"王晓明\", \"role\": \"专班成员\", \"account\": \"officer-wang\"}";
                case "公共服务" -> ", {\"name\": \"李静\", \"role\": \"专班成员\", \"account\": \"officer-li\"}";
                default -> "";
            };
            client.send(
                    "PUT",
                    "/api/v1/assignments/" + p.get("code").asText(),
                    """
                    {"leader": {"name": "%s", "title": "%s"%s},
                     "taskForce": {"name": "%s", "leadDepartment": "%s",
                                   "members": [{"name": "专班联络员%d", "role": "联络员", "contact": "022-2934%04d"}%s]}}
                    """.formatted(
                                    leader.name(),
                                    leader.title(),
                                    leader.account() == null ? "" : ", \"account\": \"" + leader.account() + "\"",
                                    taskForce,
                                    department,
                                    i + 1,
                                    i + 1,
                                    officer),
                    200);
        }
        return needing.size();
    }

    /** A project's name short enough for its task force's (at most 96 characters, without a trailing 项目/工程). */
    static String shortName(String name) {
        String stem = name.replaceAll("(项目|工程)$", "");
        return stem.length() > 96 ? stem.substring(0, 96) : stem;
    }
}
