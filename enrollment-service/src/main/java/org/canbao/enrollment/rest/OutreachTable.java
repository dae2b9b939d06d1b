package org.canbao.enrollment.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.canbao.enrollment.domain.Outreach;
import org.canbao.enrollment.service.OutreachLists;
import org.canbao.platform.rest.Table;
import org.canbao.platform.rest.TableLayout;

/** The outreach list as the sheet a village cadre prints and takes from door to door (未参保人员走访清单). */
@ApplicationScoped
public class OutreachTable implements TableLayout {
    @Override
    public Table table(Object answer, UriInfo request) {
        if (!(answer instanceof OutreachLists.OutreachList list)) {
            return null;
        }
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (Outreach.Person p : list.list()) {
            rows.add(Arrays.asList(++n, p.township(), p.village(), p.householdId(), p.name(), p.maskedId(),
                    p.hardship() ? "是" : "否", String.join("、", p.categories()),
                    p.owes() == null ? "按个人缴费标准" : p.owes(), ""));
        }
        return new Table(list.policyYear() + "年度" + list.unit() + "未参保人员走访清单",
                List.of("序号", "乡镇", "村（社区）", "户号", "姓名", "身份证号码", "困难群体", "类别", "应缴金额（元）", "走访情况"), rows);
    }
}
