package org.districtledger.registry.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A site photo (形象进度照片) of a project, stored with it with its thumbnail. */
@Entity
@Table(name = "project_photo")
public class ProjectPhoto extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Column(name = "iso_week")
    public String isoWeek;

    public String caption;

    @Column(name = "media_type")
    public String mediaType;

    public int width;

    public int height;

    @Column(name = "size_bytes")
    public int sizeBytes;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Basic(fetch = FetchType.LAZY)
    public byte[] thumbnail;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
