package org.splitcast.it.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the test classes (junit-platform.properties): as discovered, except that classes
 * marked {@link RunsLast} come after all the others. Failsafe hands JUnit every class of the run at
 * once, so this holds for the whole run, with or without {@code -Dit.test}.
 */
public class AfterTheOthers implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> d.isAnnotated(RunsLast.class)));
    }
}
