package org.districtledger.registry;

/** Request bodies of projects as a ledger administrator sends them. */
public final class SampleProjects {

    /** A school planned to start in April 2023; replace the national code to register it again. */
    public static final String PREPARING_SCHOOL = """
            {"name": "杨村第四小学", "pool": "PREPARING", "nationalCode": "2023-120114-83-01-000001",
             "industryChain": "公共服务", "town": "杨村街道", "ownerUnit": "区教育局", "leadDepartment": "区教育局",
             "planYear": 2023, "totalInvestment": 28000.00, "annualPlanInvestment": 12000.50,
             "plannedStart": "2023-04-15", "plannedCompletion": "2024-08-31", "fundingSources": ["SPECIAL_BONDS"]}
            """;

    private SampleProjects() {
    }

    /** The school with another national code, so that it can be registered once more. */
    public static String preparingSchool(int serial) {
        return PREPARING_SCHOOL.replace("2023-120114-83-01-000001", String.format("2023-120114-83-01-%06d", serial));
    }
}
