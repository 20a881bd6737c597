package org.districtledger.registry.photo;

import java.time.Instant;

/** A photo as the API and the events show it: where to fetch it, never its bytes. */
public record PhotoView(
        long id,
        String projectCode,
        String isoWeek,
        String caption,
        String mediaType,
        int width,
        int height,
        int sizeBytes,
        String sha256,
        String href,
        String thumbnailHref,
        String uploadedBy,
        Instant uploadedAt) {

    static PhotoView of(ProjectPhoto p, String code) {
        String base = "/api/v1/projects/" + code + "/photos/" + p.id;
        return new PhotoView(
                p.id,
                code,
                p.isoWeek,
                p.caption,
                p.mediaType,
                p.width,
                p.height,
                p.sizeBytes,
                p.sha256,
                base + "/image",
                base + "/thumbnail",
                p.uploadedBy,
                p.uploadedAt);
    }
}
