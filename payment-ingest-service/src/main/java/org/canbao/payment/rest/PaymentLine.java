package org.canbao.payment.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A payment confirmation as the OpenAPI document shows it: one JSON object a line in NDJSON (and a record on
 * {@code tax.payment-confirmations}), one row under a header row in CSV and xlsx. Only the document reads this type;
 * the service reads lines by field name ({@code platform/batch}).
 */
@Schema(name = "PaymentLine", description = "One confirmed contribution (tax bureau). Same receiptId and content is a "
        + "duplicate; same receiptId with other content is rejected.")
public record PaymentLine(
        @Schema(description = "票据号: 1–64 letters, digits or _ . : / -", required = true, example = "3343062200000123",
                maxLength = 64)
        String receiptId,
        @Schema(description = "身份证号码: the 18-character resident ID number.", required = true,
                example = "430626198503120040", minLength = 18, maxLength = 18)
        String idNumber,
        @Schema(description = "参保年度: the policy year paid for.", required = true, example = "2023")
        int policyYear,
        @Schema(description = "缴费金额: yuan, a decimal string with two decimals.", required = true,
                type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "350.00")
        String amount,
        @Schema(description = "缴费渠道: 1–32 letters, digits or _ . -; one not on the tax bureau's list "
                + "(canbao.payments.channels) is accepted and flagged.", required = true, example = "WECHAT",
                maxLength = 32)
        String channel,
        @Schema(description = "缴费时间: a time with offset; without offset (also `2022-11-20 09:30:00`) or a date "
                + "alone it is Asia/Shanghai time. Not in the future, not before 1 January of the year before "
                + "policyYear, not after policyYear.", required = true, type = SchemaType.STRING,
                example = "2022-11-20T09:30:00+08:00")
        String paidAt,
        @Schema(description = "缴费档次: the contribution tier the resident chose.", defaultValue = "1", example = "1",
                minimum = "1")
        Integer tier,
        @Schema(description = "税务机关: at most 64 characters; one not of this pooling region "
                + "(canbao.payments.tax-offices) is accepted and flagged.", example = "平江县税务局", maxLength = 64)
        String taxOffice) {
    static final String LINE = """
            {"receiptId":"3343062200000123","idNumber":"430626198503120040","policyYear":2023,"amount":"350.00","channel":"WECHAT","paidAt":"2022-11-20T09:30:00+08:00","tier":1,"taxOffice":"平江县税务局"}""";
    static final String CSV = """
            receiptId,idNumber,policyYear,amount,channel,paidAt,tier,taxOffice
            3343062200000123,430626198503120040,2023,350.00,WECHAT,2022-11-20T09:30:00+08:00,1,平江县税务局
            3343062200000124,430626201007150026,2023,0.00,BANK,2022-11-21 10:00:00,1,平江县税务局
            """;
    static final String CSV_CHINESE = """
            票据号,身份证号码,参保年度,缴费金额,缴费渠道,缴费时间,缴费档次,税务机关
            3343062200000123,430626198503120040,2023,350.00,WECHAT,2022-11-20 09:30:00,1,平江县税务局
            """;
}
