package org.districtledger.registry.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.HttpProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Keeps the site photos of each project, within a size and a count, and announces each by reference. */
@ApplicationScoped
public class PhotoService {

    private final ProjectJournal journal;
    private final int maxBytes;
    private final int maxPerProject;
    private final ZoneId zone;

    public PhotoService(
            ProjectJournal journal,
            @ConfigProperty(name = "ledger.clock.zone", defaultValue = "Asia/Shanghai") String zone,
            @ConfigProperty(name = "ledger.photos.max-bytes") int maxBytes,
            @ConfigProperty(name = "ledger.photos.max-per-project") int maxPerProject) {
        this.journal = journal;
        this.maxBytes = maxBytes;
        this.maxPerProject = maxPerProject;
        this.zone = ZoneId.of(zone);
    }

    public int maxBytes() {
        return maxBytes;
    }

    @Transactional
    public PhotoView add(String code, String isoWeek, String caption, byte[] content, String mediaType, String actor) {
        if (content == null || content.length == 0) {
            throw HttpProblemException.invalidField("body", "请选择照片 / send the photo as the request body");
        }
        if (content.length > maxBytes) {
            throw HttpProblemException.invalidField(
                    "body",
                    "照片 " + content.length / 1024 + " KB，超过上限 " + maxBytes / 1024 / 1024 + " MB / larger than "
                            + maxBytes + " bytes");
        }
        // the week the photo shows: this week unless another is given
        IsoWeek week =
                isoWeek == null || isoWeek.isBlank() ? IsoWeek.of(LocalDate.now(zone)) : IsoWeek.parse(isoWeek, "week");
        if (week.monday().isAfter(LocalDate.now())) {
            throw HttpProblemException.invalidField(
                    "week", "第 " + week + " 周尚未开始 / week " + week + " has not begun yet");
        }
        if (caption != null && caption.strip().length() > 200) {
            throw HttpProblemException.invalidField("caption", "说明最多 200 字 / at most 200 characters");
        }
        PhotoImages.Checked image = PhotoImages.check(content, mediaType);
        Project project = Project.lockByCode(code);
        if (project.pool == Pool.CANCELLED) {
            throw HttpProblemException.conflict("code", "project " + code + " is cancelled and takes no more photos");
        }
        if (ProjectPhoto.count("projectId", project.id) >= maxPerProject) {
            throw HttpProblemException.conflict(
                    "body", "每个项目最多 " + maxPerProject + " 张照片 / at most " + maxPerProject + " photos a project");
        }
        String sha256 = sha256(content);
        if (ProjectPhoto.count("projectId = ?1 and sha256 = ?2", project.id, sha256) > 0) {
            throw HttpProblemException.conflict("body", "这张照片已上传过 / this photo was uploaded before");
        }
        ProjectPhoto photo = new ProjectPhoto();
        photo.projectId = project.id;
        photo.isoWeek = week.toString();
        photo.caption = caption == null || caption.isBlank() ? null : caption.strip();
        photo.mediaType = image.mediaType();
        photo.width = image.width();
        photo.height = image.height();
        photo.sizeBytes = content.length;
        photo.sha256 = sha256;
        photo.content = content;
        photo.thumbnail = image.thumbnail();
        photo.uploadedBy = actor;
        photo.uploadedAt = Instant.now();
        photo.persist();
        ProjectPhoto.flush();
        PhotoView view = PhotoView.of(photo, code);
        journal.record(project, ProjectEventType.PHOTO_ADDED, actor, null, view, Map.of("photo", view));
        return view;
    }

    public List<PhotoView> list(String code) {
        Project project = existing(code);
        return ProjectPhoto.<ProjectPhoto>find("projectId = ?1 order by id desc", project.id).list().stream()
                .map(p -> PhotoView.of(p, code))
                .toList();
    }

    /** The photo's bytes (or its thumbnail's) and media type. */
    @Transactional
    public Map.Entry<String, byte[]> content(String code, long id, boolean thumbnail) {
        Project project = existing(code);
        ProjectPhoto photo = ProjectPhoto.findById(id);
        if (photo == null || !photo.projectId.equals(project.id)) {
            throw HttpProblemException.notFound("Photo", code + "/" + id);
        }
        return thumbnail ? Map.entry("image/jpeg", photo.thumbnail) : Map.entry(photo.mediaType, photo.content);
    }

    private static Project existing(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return project;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
