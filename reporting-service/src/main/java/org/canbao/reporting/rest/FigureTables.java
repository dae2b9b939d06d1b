package org.canbao.reporting.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.canbao.platform.rest.Table;
import org.canbao.platform.rest.TableLayout;
import org.canbao.platform.rest.Table.Percent;
import org.canbao.reporting.domain.AwardRules;
import org.canbao.reporting.domain.CheckpointBulletin;
import org.canbao.reporting.domain.IncentiveRules;
import org.canbao.reporting.domain.UnitProgress;
import org.canbao.reporting.service.Progress;

/**
 * The supervisors' figures as the tables they paste into bulletins (通报) and send around, with Chinese headers:
 * what {@code progress}, {@code checkpoints}, {@code awards} and {@code incentives} answer as CSV or xlsx.
 */
@ApplicationScoped
public class FigureTables implements TableLayout {
    private static final Map<String, String> KINDS = Map.of("province", "省", "city", "市", "county", "县",
            "township", "乡镇", "village", "村", "community", "社区", "special_unit", "特设单位");
    private static final List<String> UNIT_HEADERS = List.of("单位", "类型", "目标任务数", "已参保人数", "完成率", "排名",
            "困难群众人数", "困难群众已参保", "困难群众参保率");

    @Override
    @SuppressWarnings("unchecked")
    public Table table(Object answer, UriInfo request) {
        if (answer instanceof Progress.ProgressView view) {
            return progress(view);
        }
        if (answer instanceof Progress.AwardsView view) {
            return awards(view);
        }
        if (answer instanceof Progress.IncentivesView view) {
            return incentives(view);
        }
        if (answer instanceof List<?> list && request.getPath().endsWith("/checkpoints")) {
            return checkpoints(Integer.parseInt(request.getPathParameters().getFirst("policyYear")), (List<CheckpointBulletin>) list);
        }
        return null;
    }

    private static Table progress(Progress.ProgressView view) {
        List<List<Object>> rows = new ArrayList<>();
        view.units().forEach(u -> rows.add(unitRow(u)));
        rows.add(unitRow(view.total()));
        String title = view.policyYear() + "年度城乡居民医保参保进度" + (view.parent() == null ? "" : "（" + view.parent() + "）");
        return new Table(title, UNIT_HEADERS, rows);
    }

    /** Every checkpoint's ranking, one row per unit, with what the bulletin says of it. */
    private static Table checkpoints(int year, List<CheckpointBulletin> bulletins) {
        List<String> headers = new ArrayList<>(List.of("检查时点", "要求完成率"));
        headers.addAll(UNIT_HEADERS);
        headers.add("通报");
        List<List<Object>> rows = new ArrayList<>();
        for (CheckpointBulletin bulletin : bulletins) {
            for (UnitProgress unit : bulletin.ranking()) {
                List<Object> row = new ArrayList<>(Arrays.asList(bulletin.cutoff(), Percent.of(bulletin.requiredRatio())));
                row.addAll(unitRow(unit));
                row.add(remark(bulletin, unit.name()));
                rows.add(row);
            }
        }
        return new Table(year + "年度参保工作进度通报", headers, rows);
    }

    private static Table awards(Progress.AwardsView view) {
        List<List<Object>> rows = new ArrayList<>();
        for (AwardRules.Award award : view.awards()) {
            rows.add(Arrays.asList(award.name(), kind(award.kind()), Percent.of(award.ratio()), award.rank(), award.title()));
        }
        return new Table(view.policyYear() + "年度参保工作先进单位", List.of("单位", "类型", "完成率", "排名", "称号"), rows);
    }

    private static Table incentives(Progress.IncentivesView view) {
        List<List<Object>> rows = new ArrayList<>();
        for (IncentiveRules.Incentive i : view.units()) {
            rows.add(Arrays.asList(i.name(), i.enrolled(), i.lateEnrolled(), Percent.of(i.ratio()), i.perPerson(), i.base(),
                    i.late(), i.shortfall(), i.topBonus(), i.deductions(), i.total()));
        }
        return new Table(view.policyYear() + "年度参保工作奖补资金", List.of("单位", "已参保人数", "截止后参保人数", "完成率",
                "每人奖补（元）", "基础奖补（元）", "截止后参保奖补（元）", "任务差额扣减（元）", "前三名奖励（元）", "其他扣减（元）", "合计（元）"), rows);
    }

    private static List<Object> unitRow(UnitProgress u) {
        List<Object> row = new ArrayList<>(Arrays.asList(u.name(), kind(u.kind()), u.target(), u.enrolled(),
                Percent.of(u.ratio()), u.rank()));
        if (u.hardship() == null) {
            row.addAll(Arrays.asList(null, null, null));
        } else {
            row.addAll(Arrays.asList(u.hardship().total(), u.hardship().enrolled(), Percent.of(u.hardship().ratio())));
        }
        return row;
    }

    private static String remark(CheckpointBulletin bulletin, String unit) {
        List<String> remarks = new ArrayList<>();
        int top = bulletin.topThree().indexOf(unit);
        if (top >= 0) {
            remarks.add("第" + (top + 1) + "名");
        }
        if (unit.equals(bulletin.lastPlace())) {
            remarks.add("末位");
        }
        if (bulletin.below().contains(unit)) {
            remarks.add("低于要求");
        }
        if (bulletin.bottom().contains(unit)) {
            remarks.add("后" + bulletin.bottom().size() + "名");
        }
        if (bulletin.bottomInARow() > 1 && bulletin.calledIn().contains(unit)) {
            remarks.add("连续" + bulletin.bottomInARow() + "次排名靠后（约谈）");
        }
        if (bulletin.hardshipBelowFloor().contains(unit)) {
            remarks.add("困难群众参保率低于" + bulletin.hardshipFloor().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        return String.join("，", remarks);
    }

    private static String kind(String kind) {
        return kind == null ? "" : KINDS.getOrDefault(kind, kind);
    }
}
