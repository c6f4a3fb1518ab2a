package dev.lfvmetrics.bench.pipeline;

import java.security.MessageDigest;

/**
 * SHA-256 over N MiB, three times in one JVM: what signing a payload of the size of an ingest's details upload costs
 * under the JIT setting given on the command line (C1 alone has no SHA intrinsic; C2 uses the CPU's SHA extension).
 *
 * <p>Usage: {@code Sha256Cost MIB}
 */
public final class Sha256Cost {

    private Sha256Cost() {
    }

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]) * 1024 * 1024;
        byte[] chunk = new byte[128 * 1024];
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (long done = 0; done < total; done += chunk.length) {
                digest.update(chunk);
            }
            digest.digest();
            System.out.println("round " + round + ": " + args[0] + " MiB in " + (System.nanoTime() - start) / 1_000_000
                    + " ms");
        }
    }
}
