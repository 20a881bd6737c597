package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One leader and one task force for the sample's major projects (annual plan over 1亿元, or key conversion
 * projects over 10亿元), as the district assigns them by industrial chain; a few are left without, as happens.
 */
public final class SampleAssignments {

    private static final Map<String, String[]> BY_CHAIN = Map.of(
            "生物医药", new String[] {"张文华", "副区长", "生物医药产业专班", "区科技局"},
            "高端装备", new String[] {"李建国", "常务副区长", "高端装备产业专班", "区工信局"},
            "汽车及新能源汽车", new String[] {"李建国", "常务副区长", "汽车产业专班", "区工信局"},
            "新材料", new String[] {"王海涛", "副区长", "新材料产业专班", "区工信局"},
            "轻工", new String[] {"陈晓梅", "副区长", "消费升级专班", "区商务局"},
            "云数据应用", new String[] {"赵志刚", "区长", "数字经济专班", "区发改委"},
            "基础设施", new String[] {"刘振东", "副区长", "城市建设专班", "区住建委"},
            "公共服务", new String[] {"孙丽娟", "副区长", "社会事业专班", "区教育局"});

    private SampleAssignments() {}

    /** Assigns the projects that need it, but every twentieth; returns how many were assigned. */
    public static int assign(URI tracker) {
        RegistryClient client = RegistryClient.asOffice(tracker);
        List<JsonNode> needing = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = client.get("/api/v1/projects?size=500&page=" + page);
            for (JsonNode p : found.get("items")) {
                BigDecimal annual = p.get("annualPlanInvestment").decimalValue();
                BigDecimal total = p.get("totalInvestment").decimalValue();
                if (annual.compareTo(new BigDecimal("10000")) > 0
                        || (p.path("keyConversion").asBoolean() && total.compareTo(new BigDecimal("100000")) > 0)) {
                    needing.add(p);
                }
            }
            if ((page + 1) * 500 >= found.get("total").asInt()) {
                break;
            }
        }
        int assigned = 0;
        for (int i = 0; i < needing.size(); i++) {
            if (i % 20 == 19) {
                continue;
            }
            JsonNode p = needing.get(i);
            String[] who = BY_CHAIN.getOrDefault(p.path("industryChain").asText(), BY_CHAIN.get("基础设施"));
            // the demo users: 刘振东 signs in as leader-liu; officer-wang works in 城市建设专班, officer-li in 社会事业专班
            String leaderAccount = "刘振东".equals(who[0]) ? ", \"account\": \"leader-liu\"" : "";
            String officer = switch (who[2]) {
                case "城市建设专班" -> ", {\"name\": \"王晓明\", \"role\": \"专班成员\", \"account\": \"officer-wang\"}";
                case "社会事业专班" -> ", {\"name\": \"李静\", \"role\": \"专班成员\", \"account\": \"officer-li\"}";
                default -> "";
            };
            client.send(
                    "PUT",
                    "/api/v1/assignments/" + p.get("code").asText(),
                    """
                    {"leader": {"name": "%s", "title": "%s"%s},
                     "taskForce": {"name": "%s", "leadDepartment": "%s",
                                   "members": [{"name": "专班联络员%d", "role": "联络员", "contact": "022-2934%04d"}%s]}}
                    """.formatted(who[0], who[1], leaderAccount, who[2], who[3], i + 1, i + 1, officer),
                    200);
            assigned++;
        }
        return assigned;
    }
}
