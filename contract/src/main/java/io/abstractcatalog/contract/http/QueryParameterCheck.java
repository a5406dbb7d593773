package io.abstractcatalog.contract.http;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a query parameter the matched endpoint does not know with a 400 ({@link QueryParameters}). An endpoint
 * knows the parameters its method binds ({@code @QueryParam}) and those its OpenAPI annotations document as query
 * parameters ({@code @Parameter(in = QUERY, name = …)}, for one read by other means), so the documentation and the
 * check cannot disagree. Pages for people (text/html) are left alone: a browser's form may carry more.
 */
public class QueryParameterCheck {

    private final ConcurrentMap<Method, List<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response check(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty() || forPeople(method)) {
            return null;
        }
        return QueryParameters.check(uri.getQueryParameters().keySet(), known.computeIfAbsent(method,
                        QueryParameterCheck::knownParameters), ProblemMappers.path(uri))
                .map(ProblemMappers::answer)
                .orElse(null);
    }

    static List<String> knownParameters(Method method) {
        Set<String> names = new LinkedHashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                    names.add(query.value());
                }
            }
        }
        List<Parameter> documented = new ArrayList<>(Arrays.asList(method.getAnnotationsByType(Parameter.class)));
        Parameters group = method.getAnnotation(Parameters.class);
        if (group != null) {
            documented.addAll(Arrays.asList(group.value()));
        }
        documented.stream().filter(p -> p.in() == ParameterIn.QUERY && !p.name().isEmpty())
                .forEach(p -> names.add(p.name()));
        return List.copyOf(names);
    }

    private static boolean forPeople(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces != null && Arrays.stream(produces.value()).allMatch(MediaType.TEXT_HTML::equals);
    }
}
