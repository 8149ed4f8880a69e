package dev.dbops.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a dbops bean: present unless {@code dbops.enabled=false}, and only when the application has a
 * {@code javax.sql.DataSource} bean. Each feature adds its own requirements (a library on the class path,
 * micronaut-management, a meter registry).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Requires(property = "dbops.enabled", notEquals = StringUtils.FALSE)
@Requires(classes = javax.sql.DataSource.class)
@Requires(beans = javax.sql.DataSource.class)
public @interface RequiresDbops {
}
