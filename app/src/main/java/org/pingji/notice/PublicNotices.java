package org.pingji.notice;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.pingji.platform.QrCodes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public notice pages without login: one page per published public notice (a cancelled one is
 * shown as cancelled, never as in force), its poster QR code, and an Atom feed of the public
 * notices for the media centre's channels to republish.
 */
@Controller
class PublicNotices {

    private final NoticeManagement notices;

    PublicNotices(NoticeManagement notices) {
        this.notices = notices;
    }

    @GetMapping("/p/notices/{id}")
    String notice(@PathVariable long id, Model model) {
        model.addAttribute("n", notices.publicNotice(id));
        model.addAttribute("link", link(id));
        return "notice/public";
    }

    @GetMapping(value = "/p/notices/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable long id) {
        notices.publicNotice(id);
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(link(id)));
    }

    @GetMapping(value = "/p/notices.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> atom() {
        List<NoticeView> all = notices.publicNotices(false, 50);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Instant updated = all.isEmpty() ? Instant.EPOCH : all.getFirst().changedAt();
        StringBuilder xml = new StringBuilder(
                """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                """);
        xml.append("  <title>县疫情防控指挥部公告</title>\n");
        xml.append("  <id>").append(esc(base + "/p/notices.atom")).append("</id>\n");
        xml.append("  <link rel=\"self\" href=\"")
                .append(esc(base + "/p/notices.atom"))
                .append("\"/>\n");
        xml.append("  <updated>").append(iso(updated)).append("</updated>\n");
        for (NoticeView n : all) {
            String href = base + "/p/notices/" + n.id();
            String title =
                    switch (n.state()) {
                        case CANCELLED -> "【已撤销】" + n.title();
                        case ALL_CLEAR -> "【已解除】" + n.title();
                        default -> n.title();
                    };
            xml.append("  <entry>\n");
            xml.append("    <title>").append(esc(title)).append("</title>\n");
            xml.append("    <id>").append(esc(href + "#v" + n.version())).append("</id>\n");
            xml.append("    <link href=\"").append(esc(href)).append("\"/>\n");
            xml.append("    <updated>").append(iso(n.changedAt())).append("</updated>\n");
            xml.append("    <author><name>").append(esc(n.authorName())).append("</name></author>\n");
            xml.append("    <content type=\"text\">").append(esc(n.body())).append("</content>\n");
            xml.append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    private static String link(long id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/p/notices/{id}")
                .buildAndExpand(id)
                .toUriString();
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** XML text escaping (also drops control characters XML 1.0 does not allow). */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
