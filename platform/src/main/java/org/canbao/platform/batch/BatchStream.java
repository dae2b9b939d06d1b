package org.canbao.platform.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A batch body read as a stream, a chunk of lines at a time, so that a county's whole roster never sits in memory:
 * NDJSON, CSV with a header row (line 1), or an xlsx workbook's first sheet ({@link XlsxRows}, rows numbered as Excel
 * shows them), numbered as a person sees them in the file. Lines are split at LF, which
 * is never part of a multi-byte character in the charsets taken, and each is decoded strictly: in the charset the media
 * type names ({@code charset=GBK}), else in the one the first line that is not ASCII is valid in (UTF-8 first, then
 * GB18030, of which GBK is a part, as Excel's CSV in China usually is). A line with bytes that are not valid in that
 * charset, or longer than {@link #MAX_LINE_BYTES}, is rejected with its number and the other lines take effect.
 * It counts the bytes and hashes them for the batch audit as it goes.
 */
public final class BatchStream {
    /** Lines handed to a service in one transaction. */
    public static final int CHUNK_LINES = 5_000;
    /** No batch line is longer; a longer one is rejected without being held. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final List<String> GB_NAMES = List.of("GBK", "GB2312", "GB18030");

    private final InputStream in;
    private final MessageDigest sha256;
    private final String mediaType;
    private final boolean csv;
    private final XlsxRows xlsx;
    private final byte[] buffer = new byte[64 * 1024];
    private final Map<Charset, CharsetDecoder> decoders = new java.util.HashMap<>();
    private int position;
    private int limit;
    private long bytes;
    private Charset charset;
    private List<String> header;
    private int lineNumber;
    private boolean ended;
    private byte[] line = new byte[1024];
    private int lineLength;
    private boolean lineTooLong;

    private BatchStream(InputStream in, String mediaType) {
        this.in = in;
        this.mediaType = mediaType;
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        this.csv = type.startsWith(BatchBody.CSV);
        this.charset = declared(mediaType);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        // a workbook is a zip whose directory comes last: it is spooled to a file, then read a row at a time
        this.xlsx = type.startsWith(BatchBody.XLSX) ? new XlsxRows(spool()) : null;
    }

    private Path spool() {
        Path file = null;
        try {
            file = Files.createTempFile("canbao-batch-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                while (fill() > 0) {
                    out.write(buffer, 0, limit);
                }
            }
            position = limit;
            return file;
        } catch (IOException e) {
            if (file != null) {
                file.toFile().delete();
            }
            throw new UncheckedIOException("the workbook could not be spooled to a temporary file", e);
        }
    }

    public static BatchStream of(InputStream in, String mediaType) {
        return new BatchStream(in == null ? InputStream.nullInputStream() : in, mediaType);
    }

    /**
     * A file sent as the {@code file} part of a multipart form (what a browser's upload form sends): xlsx or CSV by its
     * name or the part's content type, else NDJSON; {@code charset} as the form's {@code charset} field gives it.
     */
    public static BatchStream ofUpload(FileUpload file, String charset) {
        if (file == null || file.uploadedFile() == null) {
            throw new InvalidInput("batch.no-file-part");
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        String mediaType = name.endsWith(".xlsx") || type.startsWith(BatchBody.XLSX) ? BatchBody.XLSX
                : name.endsWith(".csv") || type.startsWith(BatchBody.CSV) ? BatchBody.CSV : BatchBody.NDJSON;
        if (charset != null && !charset.isBlank()) {
            mediaType += "; charset=" + charset.trim();
        }
        try {
            return of(Files.newInputStream(file.uploadedFile()), mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be opened", e);
        }
    }

    public static BatchStream of(byte[] body, String mediaType) {
        return of(new ByteArrayInputStream(body == null ? new byte[0] : body), mediaType);
    }

    /** Hands each chunk of lines to {@code handler} (a transaction each) and adds up their reports. */
    public BatchReport each(Function<BatchBody, BatchReport> handler) {
        BatchReport total = new BatchReport();
        for (BatchBody chunk = next(CHUNK_LINES); chunk != null; chunk = next(CHUNK_LINES)) {
            if (!chunk.lines().isEmpty() || !chunk.unreadable().isEmpty()) {
                total.add(handler.apply(chunk));
            }
        }
        return total;
    }

    /** The whole body at once, for what needs every line together (a department's snapshot names all its members). */
    public BatchBody all() {
        return next(Integer.MAX_VALUE);
    }

    /**
     * The next at most {@code max} lines (blank lines skipped) with the unreadable ones among them; the chunk that
     * reaches the end may be empty; null once the end has been returned.
     */
    public BatchBody next(int max) {
        if (ended) {
            return null;
        }
        List<BatchLine> lines = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        if (xlsx != null) {
            if (!xlsx.next(max, lines, unreadable)) {
                ended = true;
                xlsx.close();
            }
            return new BatchBody(lines, unreadable);
        }
        while (lines.size() + unreadable.size() < max) {
            if (!readLine()) {
                ended = true;
                break;
            }
            lineNumber++;
            String text = decode(unreadable);
            if (text == null || text.isBlank()) {
                continue;
            }
            if (csv) {
                csvLine(text, lines, unreadable);
            } else {
                BatchBody.ndjsonLine(lineNumber, text, lines, unreadable);
            }
        }
        return new BatchBody(lines, unreadable);
    }

    /** The media type the body was read as. */
    public String mediaType() {
        return mediaType;
    }

    /** The bytes read so far (all of them once the stream has ended). */
    public long bytes() {
        return bytes;
    }

    /** The SHA-256 of the bytes read, in hex: the body's hash once the stream has ended. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
    }

    private void csvLine(String text, List<BatchLine> lines, List<Rejection> unreadable) {
        List<String> cells = Csv.split(text);
        if (header == null) {
            header = cells.stream().map(Headers::field).toList();
            return;
        }
        if (cells.size() > header.size()) {
            unreadable.add(new Rejection(lineNumber, null, "line.cells", cells.size(), header.size()));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            fields.put(header.get(c), cells.get(c));
        }
        lines.add(new BatchLine(lineNumber, fields));
    }

    /** The line's text, or null when it is rejected (too long, or not valid in the charset). */
    private String decode(List<Rejection> unreadable) {
        if (lineTooLong) {
            unreadable.add(new Rejection(lineNumber, null, "line.too-long", MAX_LINE_BYTES / (1024 * 1024)));
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        if (charset == null && !ascii()) {
            charset = decodes(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : decodes(bytes, GB18030) ? GB18030 : null;
        }
        Charset use = charset == null ? StandardCharsets.UTF_8 : charset;
        try {
            String text = decoders.computeIfAbsent(use, BatchStream::decoder).reset().decode(bytes.rewind()).toString();
            return text.isEmpty() || text.charAt(0) != '\uFEFF' ? text : text.replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            unreadable.add(new Rejection(lineNumber, null, "line.charset", use.name()));
            return null;
        }
    }

    private boolean ascii() {
        for (int i = 0; i < lineLength; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads the next line's bytes (without LF and a CR before it) into {@code line}; false at the end. */
    private boolean readLine() {
        lineLength = 0;
        lineTooLong = false;
        boolean started = false;
        while (true) {
            if (position == limit) {
                int n = fill();
                if (n < 0) {
                    break;
                }
                continue;
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                break;
            }
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return started;
    }

    private int fill() {
        try {
            int n = in.read(buffer);
            if (n > 0) {
                sha256.update(buffer, 0, n);
                bytes += n;
                position = 0;
                limit = n;
            }
            return n;
        } catch (IOException e) {
            // the sender went away or the body broke off: the chunks before it have taken effect
            throw new InvalidInput("batch.body-broken", bytes, lineNumber, CHUNK_LINES);
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        if (lineTooLong || lineLength + n > MAX_LINE_BYTES) {
            lineTooLong = true;
            return;
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        }
        System.arraycopy(buffer, from, line, lineLength, n);
        lineLength += n;
    }

    /**
     * The charset a media type names when it is one of UTF-8, GBK, GB2312 and GB18030, else null. Others are not
     * taken as said: HTTP clients add ISO-8859-1 to text types by themselves (REST Assured does), and a Chinese
     * file is never in it; the bytes then decide.
     */
    static Charset declared(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        for (String parameter : mediaType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replace("\"", "").toUpperCase(Locale.ROOT);
                if (name.equals("UTF-8") || name.equals("UTF8")) {
                    return StandardCharsets.UTF_8;
                }
                // GBK and GB2312 are parts of GB18030: decoding as GB18030 reads them all
                return GB_NAMES.contains(name) ? GB18030 : null;
            }
        }
        return null;
    }

    private static boolean decodes(ByteBuffer bytes, Charset charset) {
        try {
            decoder(charset).decode(bytes.rewind());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
