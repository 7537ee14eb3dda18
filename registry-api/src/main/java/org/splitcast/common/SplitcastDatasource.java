package org.splitcast.common;

/** The application's own datasource, as configure-datasource-*.cli declares it (never ExampleDS). */
public final class SplitcastDatasource {

    public static final String JNDI_NAME = "java:jboss/datasources/SplitcastDS";

    private SplitcastDatasource() {}
}
