package io.abstractcatalog.ingest.publish;

import java.util.Locale;

/** Sizes as people read them in logs: {@code 512 B}, {@code 11.0 KiB}, {@code 1.0 GiB}. */
public final class DataSize {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private DataSize() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
