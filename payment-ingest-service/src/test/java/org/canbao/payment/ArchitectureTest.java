package org.canbao.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.canbao.infra.ArchitectureRules;

/** The layering every service keeps: see {@link ArchitectureRules}. */
@AnalyzeClasses(packages = "org.canbao.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests LAYERS = ArchTests.in(ArchitectureRules.class);
}
