package org.canbao.subsidy.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.canbao.contracts.CategoryNames;
import org.canbao.platform.rest.Table;
import org.canbao.platform.rest.TableLayout;
import org.canbao.subsidy.service.Ledger;

/** The ledger as the medical insurance bureau's 台账: one row per category and funding source, then the totals. */
@ApplicationScoped
public class LedgerTable implements TableLayout {
    @Override
    public Table table(Object answer, UriInfo request) {
        if (!(answer instanceof Ledger.LedgerView view)) {
            return null;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Ledger.CategoryLine line : view.byCategory()) {
            rows.add(Arrays.asList("资助对象", CategoryNames.chinese(line.category()), line.fundingSource(), line.persons(), line.subsidy()));
        }
        view.byFundingSource().forEach((source, sum) -> rows.add(Arrays.asList("按资金来源", "", source, sum.persons(), sum.amount())));
        rows.add(Arrays.asList("已参保资助合计", "", "", view.enrolledSubsidies().persons(), view.enrolledSubsidies().amount()));
        rows.add(Arrays.asList("待缴费资助", "", "", view.pendingSubsidies().persons(), view.pendingSubsidies().amount()));
        rows.add(Arrays.asList("应补资助", "", "", view.retroactiveSubsidiesDue().persons(), view.retroactiveSubsidiesDue().amount()));
        rows.add(Arrays.asList("应退费", "", "", view.refundsDue().persons(), view.refundsDue().amount()));
        return new Table(view.policyYear() + "年度医疗救助资助参保台账", List.of("项目", "类别", "资金来源", "人数", "金额（元）"), rows);
    }
}
