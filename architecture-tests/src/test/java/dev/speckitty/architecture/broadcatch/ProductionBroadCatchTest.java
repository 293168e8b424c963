package dev.speckitty.architecture.broadcatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.architecture.ProductionClasses;
import dev.speckitty.architecture.RepositoryLayout;
import org.junit.jupiter.api.Test;

/** docs/spec/decisions.md decision 12 over the real auth and storage code: every broad catch carries a specific reason. */
class ProductionBroadCatchTest {

    @Test
    void scoped_production_code_has_no_unjustified_broad_catch() {
        RepositoryLayout repository = RepositoryLayout.current();
        var guard = new BroadCatchGuard(BroadCatchScope.AUTH_AND_STORAGE, repository.productionSourceRoots(), repository);

        BroadCatchAudit audit = guard.audit(ProductionClasses.get());

        assertThat(audit.scannedClasses()).as("scoped production classes found").isPositive();
        assertThat(audit.findings()).withFailMessage(audit::report).isEmpty();
    }
}
