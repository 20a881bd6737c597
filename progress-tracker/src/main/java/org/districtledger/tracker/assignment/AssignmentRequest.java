package org.districtledger.tracker.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One leader and one task force for a project (一个项目、一名领导、一个专班). */
public record AssignmentRequest(
        @NotNull @Valid Leader leader, @NotNull @Valid TaskForce taskForce) {

    /** The district leader who answers for the project (包联区领导). */
    public record Leader(
            @NotBlank @Size(max = 50) String name,
            @Size(max = 100) String title,
            @Size(max = 64) String account) {}

    /** The task force (工作专班) that follows it, led by one department. */
    public record TaskForce(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String leadDepartment,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Member> members) {}

    /**
     * A member of the task force; {@code account} is the member's sign-in name, which lets him report on the
     * task force's projects in the registry.
     */
    public record Member(
            @NotBlank @Size(max = 50) String name,
            @Size(max = 50) String role,
            @Size(max = 100) String contact,
            @Size(max = 64) String account) {}
}
