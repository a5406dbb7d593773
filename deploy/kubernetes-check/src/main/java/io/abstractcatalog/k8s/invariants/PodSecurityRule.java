package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Violation;
import io.abstractcatalog.k8s.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our pods meet the restricted Pod Security Standard and more: no host namespaces or hostPath, no service account
 * token, and every container non-root, without privilege escalation, with a read-only root file system, all
 * capabilities dropped and a seccomp profile.
 */
final class PodSecurityRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (Workload workload : catalog.workloads()) {
            if (workload.ours()) {
                podSecurity(workload, out);
            }
        }
        return out;
    }

    private static void podSecurity(Workload workload, List<Violation> out) {
        String owner = Manifests.id(workload.source());
        PodSpec pod = workload.pod();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            out.add(new Violation("security", owner + " shares a host namespace (network, PID or IPC)"));
        }
        if (pod.getVolumes() != null && pod.getVolumes().stream().anyMatch(v -> v.getHostPath() != null)) {
            out.add(new Violation("security", owner + " mounts a hostPath volume"));
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            out.add(new Violation("security", owner + " mounts a service account token it does not need (automountServiceAccountToken: false)"));
        }
        for (Container container : workload.containers()) {
            String where = owner + " container " + container.getName();
            SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
            boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                    || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
            Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
            if (!nonRoot || Long.valueOf(0).equals(user)) {
                out.add(new Violation("security", where + " may run as root (runAsNonRoot: true and a non-zero runAsUser are required)"));
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                out.add(new Violation("security", where + " allows privilege escalation (allowPrivilegeEscalation: false is required)"));
            }
            if (Boolean.TRUE.equals(context.getPrivileged())) {
                out.add(new Violation("security", where + " is privileged"));
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                out.add(new Violation("security", where + " has a writable root file system (readOnlyRootFilesystem: true is required)"));
            }
            List<String> dropped = context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                    ? List.of() : context.getCapabilities().getDrop();
            if (!dropped.contains("ALL")) {
                out.add(new Violation("security", where + " keeps Linux capabilities (capabilities.drop: [ALL] is required)"));
            }
            if (context.getCapabilities() != null && context.getCapabilities().getAdd() != null && !context.getCapabilities().getAdd().isEmpty()) {
                out.add(new Violation("security", where + " adds capabilities " + context.getCapabilities().getAdd()));
            }
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                out.add(new Violation("security", where + " has no seccomp profile (seccompProfile.type: RuntimeDefault is required)"));
            }
        }
    }
}
