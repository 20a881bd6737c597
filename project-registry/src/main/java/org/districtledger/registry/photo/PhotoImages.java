package org.districtledger.registry.photo;

import org.districtledger.runtime.HttpProblemException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Checks that an upload is the JPEG or PNG it says it is, within the size a phone photo has, and makes its
 * thumbnail. The dimensions are read from the header before any pixel is decoded, so a small file that would
 * expand into gigabytes of pixels is refused first.
 */
final class PhotoImages {

    /** The largest picture taken: 50 megapixels (a phone's camera makes 12 to 48). */
    static final long MAX_PIXELS = 50_000_000L;

    static final int THUMBNAIL_EDGE = 320;

    /** A checked image: its real type, its size in pixels, and its thumbnail (JPEG). */
    record Checked(String mediaType, int width, int height, byte[] thumbnail) {}

    private PhotoImages() {}

    static Checked check(byte[] content, String declaredType) {
        String actual = sniff(content);
        if (actual == null) {
            throw HttpProblemException.invalidField("body", "照片须为 JPEG 或 PNG 图片 / not a JPEG or PNG image");
        }
        if (declaredType != null && !declaredType.startsWith(actual)) {
            throw HttpProblemException.invalidField(
                    "Content-Type",
                    "文件内容是 " + actual + "，与声明的 " + declaredType + " 不符 / the content is " + actual + ", not "
                            + declaredType);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw HttpProblemException.invalidField(
                            "body",
                            "图片 " + width + "×" + height + " 像素过大，最多 5000 万像素 / " + width + "×" + height
                                    + " pixels is more than 50 megapixels");
                }
                BufferedImage image = reader.read(0);
                return new Checked(actual, width, height, thumbnail(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpProblemException problem) {
                throw problem;
            }
            throw unreadable();
        }
    }

    private static HttpProblemException unreadable() {
        return HttpProblemException.invalidField("body", "图片已损坏，无法读取 / the image cannot be read");
    }

    /** The type its first bytes say, or {@code null}. */
    static String sniff(byte[] content) {
        if (content.length > 3
                && (content[0] & 0xff) == 0xff
                && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (content.length > png.length) {
            for (int i = 0; i < png.length; i++) {
                if (content[i] != png[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }

    private static byte[] thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMBNAIL_EDGE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(small, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
