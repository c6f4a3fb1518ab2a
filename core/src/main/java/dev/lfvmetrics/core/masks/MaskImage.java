package dev.lfvmetrics.core.masks;

import java.awt.image.BufferedImage;
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
        short[] pixels = new short[Math.multiplyExact(w, h)];
        Map<Integer, Long> unmapped = new HashMap<>();
        int[] row = new int[w];
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                short label = alpha && (argb >>> 24) == 0 ? ColorMap.BACKGROUND : map.label(argb);
                if (label == ColorMap.UNMAPPED) {
                    unmapped.merge(argb & 0xFFFFFF, 1L, Long::sum);
                }
                pixels[y * w + x] = label;
            }
        }
        return new MaskImage(w, h, pixels, unmapped);
    }
}
