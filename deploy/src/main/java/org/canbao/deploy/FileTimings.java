package org.canbao.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.canbao.contracts.IdNumber;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.canbao.simulator.Api;

/**
 * {@code ./canbao files [rows]}: times what a clerk and a supervisor do with big Excel files on the running suite. It
 * writes a roster workbook of {@code rows} persons (Chinese headers, ID numbers as text, 20 townships), uploads it in
 * one request, then downloads the progress workbook, and prints each time with the services' memory.
 */
public final class FileTimings {
    private static final int YEAR = 2026;
    private static final int TOWNSHIPS = 20;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private FileTimings() {
    }

    public static void run(int rows) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder units = new StringBuilder("unit_name,unit_kind,target\n");
        for (int t = 0; t < TOWNSHIPS; t++) {
            units.append(township(run, t)).append(",township,").append(rows / TOWNSHIPS).append('\n');
        }
        Api reporting = Api.local(ServiceSpec.REPORTING.port());
        Api.Answer defined = reporting.put("admin", "/api/v1/campaigns/" + YEAR, "text/csv", units.toString());
        if (defined.status() != 200) {
            throw new IllegalStateException("campaign refused: " + defined.status() + " " + defined.body());
        }

        Path file = Files.createTempFile("canbao-roster-", ".xlsx");
        try {
            Instant start = Instant.now();
            write(file, rows, run);
            System.out.printf("roster workbook  %,d rows, %,d bytes, written in %.1f s%n", rows, Files.size(file), seconds(start));

            start = Instant.now();
            HttpResponse<String> upload = CLIENT.send(request(ServiceSpec.ENROLLMENT.port(), "/api/v1/residents", "public-security")
                            .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                            .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            double took = seconds(start);
            String answer = upload.body();
            System.out.printf("xlsx upload      %d in %.1f s (%,.0f rows/s): %s%n", upload.statusCode(), took, rows / took,
                    answer.length() > 200 ? answer.substring(0, 200) + "…" : answer);
        } finally {
            Files.deleteIfExists(file);
        }

        Thread.sleep(3000);
        Instant start = Instant.now();
        HttpResponse<byte[]> export = CLIENT.send(request(ServiceSpec.REPORTING.port(),
                        "/api/v1/campaigns/" + YEAR + "/progress?format=xlsx", "supervisor").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("progress xlsx    %d, %,d bytes in %.3f s%n", export.statusCode(), export.body().length, seconds(start));
        start = Instant.now();
        HttpResponse<byte[]> outreach = CLIENT.send(request(ServiceSpec.ENROLLMENT.port(), "/api/v1/campaigns/" + YEAR
                        + "/outreach?format=xlsx&unit=" + java.net.URLEncoder.encode(township(run, 0), StandardCharsets.UTF_8),
                        "supervisor").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("outreach xlsx    %d, %,d bytes (%,d persons of one township) in %.3f s%n", outreach.statusCode(),
                outreach.body().length, rows / TOWNSHIPS, seconds(start));
    }

    private static void write(Path file, int rows, String run) throws IOException {
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(Math.abs(run.hashCode()) % 3000);
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "canbao", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("花名册");
            String[] headers = {"身份证号码", "姓名", "户号", "乡镇（街道）"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            for (int i = 0; i < rows; i++) {
                if (i > 0 && i % 100_000 == 0) {
                    sheet.flush();
                }
                int r = i + 1;
                sheet.value(r, 0, IdNumber.of("439998", born.plusDays(i / 1000), i % 1000).value());
                sheet.value(r, 1, "计时" + i);
                sheet.value(r, 2, "T" + run + "-" + (i / 4));
                sheet.value(r, 3, township(run, i % TOWNSHIPS));
            }
        }
    }

    private static String township(String run, int t) {
        return "计时" + run + "镇" + t;
    }

    private static HttpRequest.Builder request(int port, String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofHours(1))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
