package org.districtledger.sheet;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * How far an uploaded xlsx may expand. POI keeps its zip-bomb limits in process-wide settings, so they are set here
 * once, for every sheet the services read; a reader that wants less for its own files checks them with
 * {@link #entriesWithin} first.
 */
public final class ZipLimits {

    /** An xlsx entry may expand to at most 100 times its compressed size (POI's default ratio) and 200 MB in all. */
    public static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private ZipLimits() {}

    /** Makes sure the limits are set (loading this class sets them). */
    public static void apply() {
        // the static initializer has run
    }

    /**
     * Whether every entry of the zip (an xlsx) expands to at most {@code maxBytes}; reads it through without
     * keeping it, and stops at the first entry that goes over.
     */
    public static boolean entriesWithin(byte[] zip, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!within(in, buffer, maxBytes)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean within(InputStream entry, byte[] buffer, long maxBytes) throws IOException {
        long total = 0;
        for (int n = entry.read(buffer); n > 0; n = entry.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                return false;
            }
        }
        return true;
    }
}
