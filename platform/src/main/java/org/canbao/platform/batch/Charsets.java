package org.canbao.platform.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The charsets batch files come in, decoded strictly, a line at a time. */
final class Charsets {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final List<String> ACCEPTED = List.of("UTF-8", "GBK", "GB2312", "GB18030");

    private Charsets() {
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
                return ACCEPTED.contains(name) ? GB18030 : null;
            }
        }
        return null;
    }

    /** UTF-8 if the bytes are UTF-8, else GB18030 if they are that, else UTF-8 (whose bad lines are then rejected). */
    static Charset detect(byte[] bytes) {
        if (decodes(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        return decodes(bytes, GB18030) ? GB18030 : StandardCharsets.UTF_8;
    }

    /**
     * The lines of the body (split at LF, which is never part of a multi-byte character in these charsets), a BOM and
     * a trailing CR removed; a line that does not decode becomes blank and is reported in {@code undecodable}.
     */
    static String[] lines(byte[] bytes, Charset charset, List<Rejection> undecodable) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                try {
                    lines.add(decoder(charset).decode(ByteBuffer.wrap(bytes, start, end - start)).toString().replace("\uFEFF", ""));
                } catch (CharacterCodingException e) {
                    lines.add("");
                    undecodable.add(new Rejection(lines.size(), null, "line is not valid " + charset.name()
                            + " text; send UTF-8, or name the file's charset, such as text/csv; charset=GBK"));
                }
                start = i + 1;
            }
        }
        return lines.toArray(String[]::new);
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            decoder(charset).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
