package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * With a read-only root file system, every place a service writes (/tmp and every path of its configuration) must be
 * a mounted, writable volume, and every mount and claim must exist.
 */
final class VolumesRule implements Rule {

    private static final Pattern PATH_VALUE = Pattern.compile("^(\\.{1,2}/|/|\\$\\{java\\.io\\.tmpdir})");

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (ServiceContext service : catalog.services().values()) {
            volumes(catalog, service, out);
        }
        return out;
    }

    private static void volumes(RenderedCatalog catalog, ServiceContext service, List<Violation> out) {
        String owner = "Deployment/" + service.name();
        PodSpec pod = service.deployment().getSpec().getTemplate().getSpec();
        Set<String> volumes = new HashSet<>();
        nullSafe(pod.getVolumes()).forEach(v -> volumes.add(v.getName()));
        List<VolumeMount> mounts = nullSafe(service.container().getVolumeMounts());
        for (VolumeMount mount : mounts) {
            if (!volumes.contains(mount.getName())) {
                out.add(new Violation("volumes", owner + " mounts volume " + mount.getName() + ", which the pod does not define"));
            }
        }
        for (Volume volume : nullSafe(pod.getVolumes())) {
            if (volume.getPersistentVolumeClaim() != null
                    && catalog.manifests().named(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                out.add(new Violation("volumes", owner + " claims PersistentVolumeClaim " + volume.getPersistentVolumeClaim().getClaimName()
                        + ", which does not exist"));
            }
        }
        if (!writable(mounts, "/tmp/x")) {
            out.add(new Violation("volumes", owner + " has no writable volume at /tmp (java.io.tmpdir) under its read-only root file system"));
        }
        for (String key : service.config().keys()) {
            Optional<String> raw = service.config().raw(key);
            if (raw.isEmpty() || !PATH_VALUE.matcher(raw.get()).find()) {
                continue;
            }
            String path = service.config().resolve(key, service.env()).orElse("");
            if (!path.startsWith("/") || !writable(mounts, path)) {
                out.add(new Violation("volumes", service.name() + " writes to " + key + " = " + path + ", which is not on a writable volume of "
                        + owner));
            }
        }
    }

    private static boolean writable(List<VolumeMount> mounts, String path) {
        return mounts.stream().anyMatch(m -> !Boolean.TRUE.equals(m.getReadOnly())
                && (path.equals(m.getMountPath()) || path.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/")));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
