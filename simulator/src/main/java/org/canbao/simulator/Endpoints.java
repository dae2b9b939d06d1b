package org.canbao.simulator;

/**
 * Where the suite answers: each service's API, payment-ingest's management port (its metrics count the tax stream's
 * records) and the Kafka bootstrap servers the tax systems stream to.
 */
public record Endpoints(String enrollment, String payments, String subsidy, String reporting, String paymentsManagement,
                        String bootstrapServers) {

    /** The launcher's suite ({@code ./canbao up}): 8081-8084, management 9082, broker 9092. */
    public static Endpoints local() {
        return of(8081, 8082, 8083, 8084, 9082, "127.0.0.1:9092");
    }

    public static Endpoints of(int enrollment, int payments, int subsidy, int reporting, int paymentsManagement, String bootstrap) {
        return new Endpoints(url(enrollment), url(payments), url(subsidy), url(reporting), url(paymentsManagement), bootstrap);
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
