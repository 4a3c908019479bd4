package org.pingji.inspection;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Uploaded files told by their first bytes, not by the name or the type the browser claims. */
final class Media {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    enum Kind {
        IMAGE,
        PDF,
        VIDEO;

        String mediaType(byte[] b) {
            return switch (this) {
                case PDF -> "application/pdf";
                case VIDEO -> startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3) ? "video/webm" : "video/mp4";
                case IMAGE -> {
                    if (startsWith(b, 0, 0x89, 'P', 'N', 'G')) {
                        yield "image/png";
                    }
                    if (startsWith(b, 0, 'G', 'I', 'F')) {
                        yield "image/gif";
                    }
                    if (startsWith(b, 0, 'R', 'I', 'F', 'F')) {
                        yield "image/webp";
                    }
                    if (ascii(b, 4, 4).equals("ftyp")) {
                        yield "image/heic";
                    }
                    yield "image/jpeg";
                }
            };
        }
    }

    private Media() {}

    /** What the bytes are, or null when none of the accepted kinds. */
    static Kind kindOf(byte[] b) {
        if (b == null || b.length < 12) {
            return null;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)
                || startsWith(b, 0, 0x89, 'P', 'N', 'G')
                || startsWith(b, 0, 'G', 'I', 'F', '8')
                || (startsWith(b, 0, 'R', 'I', 'F', 'F') && ascii(b, 8, 4).equals("WEBP"))) {
            return Kind.IMAGE;
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F')) {
            return Kind.PDF;
        }
        if (ascii(b, 4, 4).equals("ftyp")) {
            String brand = ascii(b, 8, 4);
            return brand.startsWith("hei") || brand.startsWith("mif") ? Kind.IMAGE : Kind.VIDEO;
        }
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Kind.VIDEO;
        }
        return null;
    }

    /** Refuses an empty file, one over 20 MB, or one not of the accepted kinds. */
    static Kind require(byte[] bytes, Set<Kind> accepted, String field) {
        if (bytes == null || bytes.length == 0) {
            throw InspectionRefused.invalid("file_required", "请选择文件");
        }
        if (bytes.length > MAX_BYTES) {
            throw InspectionRefused.invalid(
                    "file_too_large",
                    "文件过大（%.1f MB），不得超过 20 MB".formatted(bytes.length / 1048576.0),
                    Map.of("size", bytes.length));
        }
        Kind kind = kindOf(bytes);
        if (kind == null || !accepted.contains(kind)) {
            throw InspectionRefused.invalid(
                    field.equals("photo") ? "not_an_image" : "file_type",
                    field.equals("photo") ? "照片须为图片文件（JPEG、PNG、WEBP、HEIC）" : "承诺书须为图片、PDF 或视频文件");
        }
        return kind;
    }

    private static boolean startsWith(byte[] b, int offset, int... prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[offset + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return b.length < offset + length ? "" : new String(b, offset, length, StandardCharsets.US_ASCII);
    }
}
