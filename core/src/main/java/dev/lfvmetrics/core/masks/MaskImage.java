package dev.lfvmetrics.core.masks;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * One decoded mask: each pixel's label index ({@link ColorMap#BACKGROUND}, {@link ColorMap#UNMAPPED} or a label),
 * read row by row so that only the PNG's own raster and this array are held, and the colours no entry names.
 *
 * @param width    pixels across
 * @param height   pixels down
 * @param pixels   label index per pixel, row-major
 * @param unmapped colour to pixel count, for colours the map does not name
 */
record MaskImage(int width, int height, short[] pixels, Map<Integer, Long> unmapped) {

    static {
        // No disk cache: Lambda's /tmp is small and shared, and the masks are read once.
        ImageIO.setUseCache(false);
    }

    /**
     * @param in  the PNG (or any format ImageIO reads); not closed
     * @param map the block's colour map
     * @return the mask
     * @throws IOException when it is not an image ImageIO can read
     */
    static MaskImage decode(InputStream in, ColorMap map) throws IOException {
        BufferedImage image = ImageIO.read(in);
        if (image == null) {
            throw new IOException("not an image format that can be read (PNG expected)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Labeller labeller = new Labeller(map, new short[Math.multiplyExact(w, h)]);
        WritableRaster raster = image.getRaster();
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR -> {
                // The raster's samples in band order (R, G, B and A last): no per-pixel colour model call.
                boolean alpha = image.getType() == BufferedImage.TYPE_4BYTE_ABGR;
                int stride = alpha ? 4 : 3;
                byte[] row = new byte[w * stride];
                for (int y = 0; y < h; y++) {
                    raster.getDataElements(0, y, w, 1, row);
                    for (int x = 0, i = 0; x < w; x++, i += stride) {
                        int rgb = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
                        labeller.set(y * w + x, alpha && row[i + 3] == 0 ? -1 : rgb);
                    }
                }
            }
            default -> {
                int[] row = new int[w];
                boolean alpha = image.getColorModel().hasAlpha();
                for (int y = 0; y < h; y++) {
                    image.getRGB(0, y, w, 1, row, 0, w);
                    for (int x = 0; x < w; x++) {
                        int argb = row[x];
                        labeller.set(y * w + x, alpha && (argb >>> 24) == 0 ? -1 : argb & 0xFFFFFF);
                    }
                }
            }
        }
        return new MaskImage(w, h, labeller.pixels, labeller.unmapped);
    }

    /** Maps colours to labels, remembering the last colour: masks are long runs of one colour. */
    private static final class Labeller {

        private final ColorMap map;
        private final short[] pixels;
        private final Map<Integer, Long> unmapped = new HashMap<>();
        private int lastColour = Integer.MIN_VALUE;
        private short lastLabel;

        Labeller(ColorMap map, short[] pixels) {
            this.map = map;
            this.pixels = pixels;
        }

        /** @param rgb the pixel's colour, or -1 for a fully transparent pixel (background) */
        void set(int index, int rgb) {
            short label;
            if (rgb < 0) {
                label = ColorMap.BACKGROUND;
            } else if (rgb == lastColour) {
                label = lastLabel;
            } else {
                label = map.label(rgb);
                lastColour = rgb;
                lastLabel = label;
            }
            if (label == ColorMap.UNMAPPED) {
                unmapped.merge(rgb, 1L, Long::sum);
            }
            pixels[index] = label;
        }
    }
}
