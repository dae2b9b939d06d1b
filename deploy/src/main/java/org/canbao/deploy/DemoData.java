package org.canbao.deploy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.canbao.contracts.IdNumber;
import org.canbao.simulator.Api;

/**
 * Loads the Pingjiang 2023 policy and campaign and a small synthetic population through the public API:
 * a roster, civil-affairs and disability lists, and payments spread over the window, so every unit has figures.
 */
public final class DemoData {
    private static final int RESIDENTS = 3000;
    private static final int BATCH = 1000;
    private static final String NDJSON = "application/x-ndjson";

    private DemoData() {
    }

    private record Person(IdNumber id, String name, String township, String village, String category) {
    }

    public static void load(Map<ServiceSpec, Api> services) {
        Random random = new Random(2023);
        check(services.get(ServiceSpec.SUBSIDY).put("admin", "/api/v1/policies/2023", "application/json", Pingjiang.POLICY), "policy");
        check(services.get(ServiceSpec.REPORTING).put("admin", "/api/v1/campaigns/2023", "application/json", Pingjiang.campaign()), "campaign");
        List<String> townships = Pingjiang.targetsCsv().lines().skip(1).map(l -> l.split(",")[0]).toList();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            String township = townships.get(i % townships.size());
            double draw = random.nextDouble();
            String category = draw < 0.01 ? "EXTREME_POVERTY" : draw < 0.07 ? "MINIMUM_LIVING" : draw < 0.08 ? "SEVERE_DISABILITY" : null;
            people.add(new Person(IdNumber.of(Pingjiang.REGION_CODE, LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28)), i % 1000),
                    "居民" + i, township, township.substring(0, 2) + "第" + (1 + i % 3) + "村", category));
        }
        post(services.get(ServiceSpec.ENROLLMENT), "public-security", "/api/v1/residents", people.stream().map(p ->
                "{\"idNumber\":\"" + p.id().value() + "\",\"name\":\"" + p.name() + "\",\"householdId\":\"H" + p.id().value().substring(14)
                        + "\",\"township\":\"" + p.township() + "\",\"village\":\"" + p.village() + "\"}").toList());
        feed(services.get(ServiceSpec.ENROLLMENT), "civil-affairs", people.stream()
                .filter(p -> p.category() != null && !p.category().equals("SEVERE_DISABILITY")).toList());
        feed(services.get(ServiceSpec.ENROLLMENT), "disabled-persons-federation", people.stream()
                .filter(p -> "SEVERE_DISABILITY".equals(p.category())).toList());

        List<String> payments = new ArrayList<>();
        OffsetDateTime windowOpens = OffsetDateTime.of(2022, 9, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            double willingness = 0.55 + 0.45 * (townships.indexOf(p.township()) % 7) / 6.0;
            if (p.category() != null && !p.category().equals("MINIMUM_LIVING") || random.nextDouble() > willingness) {
                continue;
            }
            String amount = "MINIMUM_LIVING".equals(p.category()) ? "175.00" : "350.00";
            payments.add("{\"receiptId\":\"DEMO-" + i + "\",\"idNumber\":\"" + p.id().value() + "\",\"policyYear\":2023,\"amount\":\""
                    + amount + "\",\"channel\":\"WECHAT\",\"paidAt\":\"" + windowOpens.plusMinutes(random.nextInt(121 * 24 * 60)) + "\"}");
        }
        post(services.get(ServiceSpec.PAYMENT_INGEST), "tax", "/api/v1/payments", payments);
        System.out.printf("demo: %d residents, %d hardship lines, %d payments loaded%n", people.size(),
                people.stream().filter(p -> p.category() != null).count(), payments.size());
    }

    /** A snapshot is the department's whole list, so it goes in one request. */
    private static void feed(Api enrollment, String department, List<Person> people) {
        check(enrollment.post(department, "/api/v1/status-feeds/" + department + "?asOf=2022-08-31&mode=snapshot", NDJSON,
                String.join("\n", people.stream().map(p -> "{\"idNumber\":\"" + p.id().value() + "\",\"name\":\""
                        + p.name() + "\",\"category\":\"" + p.category() + "\"}").toList())), department);
    }

    private static void post(Api service, String user, String path, List<String> lines) {
        for (int from = 0; from < lines.size(); from += BATCH) {
            check(service.post(user, path, NDJSON, String.join("\n", lines.subList(from, Math.min(lines.size(), from + BATCH)))), path);
        }
    }

    private static void check(Api.Answer answer, String what) {
        if (answer.status() != 200) {
            throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.body());
        }
        var rejected = answer.json().get("rejected");
        if (rejected != null && !rejected.isEmpty()) {
            throw new IllegalStateException(what + ": " + rejected.size() + " lines rejected, the first: " + rejected.get(0));
        }
    }
}
