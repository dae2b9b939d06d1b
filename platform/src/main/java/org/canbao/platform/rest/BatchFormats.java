package org.canbao.platform.rest;

/**
 * How every batch endpoint's body is documented in OpenAPI, besides its line schema: the wording shared by the
 * media types a batch takes (docs/api-extensions.md, "Every endpoint").
 */
public final class BatchFormats {
    public static final String CHINESE = " CSV headers and NDJSON keys may also be the Chinese names of a bureau's "
            + "own export (身份证号码, 姓名, 户号, 乡镇（街道）, 村（社区）, 类别, 操作, 生效日期, 参保年度, 核减原因, 票据号, "
            + "缴费金额, 缴费时间, …). The charset comes from the media type (UTF-8, GBK, GB2312, GB18030), else UTF-8, "
            + "or GB18030 when the body is not UTF-8, as Excel's CSV in China usually is.";
    public static final String CSV = "A header row (the line's field names, or their Chinese names) and one row per "
            + "line; the header is line 1." + CHINESE;
    public static final String XLSX = "An Excel workbook: the first sheet, its first non-empty row the header (the "
            + "same names as CSV, Chinese or not), rows numbered as Excel shows them. Store ID numbers as text: Excel "
            + "keeps only 15 digits of a number.";
    public static final String MULTIPART = "A browser form sends the file in the part `file` (xlsx or CSV by its "
            + "name or the part's type, else NDJSON) with an optional `charset` field; no `file` part is a 400.";
    public static final String BATCH = "A batch is taken line by line: good lines take effect, each bad line comes "
            + "back in `rejected` with its line number, field and reason; sending it again changes nothing (its lines "
            + "come back as `duplicates`). Bodies up to 256 MB: NDJSON (one JSON object a line: the schema and the "
            + "example are one line's; `application/json` and `text/plain` are read as NDJSON too), CSV with a "
            + "header row, an xlsx workbook, or a browser form's upload. " + MULTIPART + CHINESE;

    private BatchFormats() {
    }
}
