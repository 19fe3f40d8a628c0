package com.creditdesk.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What CreditDesk's pages show for codes, people, times and amounts: statuses, stages, roles and decisions by their
 * names (Simplified Chinese with the English term), people by their names rather than user ids, times in the
 * department's time zone ({@code creditdesk.time-zone}, Asia/Shanghai by default). Templates reach it as
 * {@code @labels}.
 */
@Component("labels")
public class Labels {

	private static final Map<String, String> NAMES = Map.ofEntries(
			// customer status
			Map.entry("PROSPECT", "调查中 Prospect"), Map.entry("ACTIVE", "正常赊销 Active"),
			Map.entry("CREDIT_HOLD", "暂停赊销 On credit hold"), Map.entry("VANISHED", "失联 Vanished"),
			Map.entry("CLOSED", "已关闭 Closed"), Map.entry("DECLINED", "现金交易 Cash only"),
			// collection case status and stage
			Map.entry("OPEN", "进行中 Open"), Map.entry("SETTLED", "已结清 Settled"),
			Map.entry("WRITTEN_OFF", "已核销 Written off"), Map.entry("CANCELLED", "已取消 Cancelled"),
			// (the stages are named by their table, CollectionStages, through CodeNames)
			Map.entry("NONE", "未逾期 Not overdue"),
			// credit decisions and their steps
			Map.entry("PENDING", "审批中 Pending"), Map.entry("APPROVED", "已批准 Approved"),
			Map.entry("REDUCED", "核减批准 Reduced"), Map.entry("CAPPED", "按权限封顶 Capped by authority"),
			Map.entry("REJECTED", "已拒绝 Rejected"),
			Map.entry("APPROVE", "同意 Approve"), Map.entry("REDUCE", "核减 Reduce"), Map.entry("REJECT", "拒绝 Reject"),
			// credit files
			Map.entry("INVESTIGATION", "新客户调查 Investigation"), Map.entry("REEVALUATION", "信用复核 Re-evaluation"),
			Map.entry("TEMPORARY_INCREASE", "临时额度 Temporary increase"),
			// temporary limit increases (APPROVED as above)
			Map.entry("REQUESTED", "审批中 Requested"), Map.entry("NOT_APPROVED", "未批准 Not approved"),
			Map.entry("EXPIRED", "已到期 Expired"),
			Map.entry("DRAFT", "草稿 Draft"), Map.entry("PROPOSED", "待审核 Proposed"),
			Map.entry("DEPLOYED", "已生效 Deployed"),
			Map.entry("IN_PROGRESS", "填写中 In progress"), Map.entry("SUBMITTED", "已提交 Submitted"),
			Map.entry("CASH_ONLY", "现金交易 Cash only"), Map.entry("WITHDRAWN", "已撤回 Withdrawn"),
			// bad-debt liability
			Map.entry("REP", "承办人 Rep"), Map.entry("APPROVER", "审批人 Approver"),
			Map.entry("UNCOVERED_FULL", "超额度部分，全额 Beyond the limit, in full"),
			Map.entry("COVERED_REP_SHARE", "额度内，承办人份额 Within the limit, rep's share"),
			Map.entry("COVERED_APPROVER_SHARE", "额度内，审批人份额 Within the limit, approver's share"),
			// roles (Camunda groups)
			// (the approval tiers' groups are named by their table, ApprovalTiers, through CodeNames)
			Map.entry("salesReps", "承办人 Sales rep"),
			Map.entry("creditAdmins", "信用管理员 Credit administrator"),
			Map.entry("camunda-admin", "系统管理员 Administrator"),
			// collection history
			Map.entry("OPENED", "立案 Opened"), Map.entry("STAGE", "阶段 Stage"), Map.entry("CONTACT", "联系 Contact"),
			Map.entry("PROMISE", "付款承诺 Promise"), Map.entry("DISPUTE", "争议 Dispute"), Map.entry("LETTER", "催款函 Letter"),
			Map.entry("DECISION", "决定 Decision"), Map.entry("PAYMENT", "回款 Payment"), Map.entry("WRITE_OFF", "核销 Write-off"),
			Map.entry("CHANGE", "变动 Change"), Map.entry("HOLD", "暂停赊销 Credit hold"),
			// ratios
			Map.entry("quickRatio", "速动比率 Quick ratio"), Map.entry("debtToAsset", "资产负债率 Debt-to-asset"),
			Map.entry("assetTurnover", "总资产周转率 Asset turnover"),
			Map.entry("netProfitMargin", "销售净利率 Net profit margin"));

	private final IdentityService identity;

	private final ZoneId zone;

	private final DateTimeFormatter time;

	private final Map<String, String> people = new ConcurrentHashMap<>();

	/** {@link #NAMES} and what the capabilities name in their own configuration ({@link CodeNames}). */
	private final Map<String, String> names;

	Labels(IdentityService identity, @Value("${creditdesk.time-zone:Asia/Shanghai}") String zone,
			java.util.List<CodeNames> more) {
		this.identity = identity;
		Map<String, String> all = new java.util.HashMap<>(NAMES);
		// the built-in names win: a tier or stage cannot relabel a status that shares its code
		more.forEach(source -> source.codeNames().forEach(all::putIfAbsent));
		this.names = Map.copyOf(all);
		this.zone = ZoneId.of(zone);
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone);
	}

	/** The name of a code (a status, stage, role, decision or ratio); the code itself when it has none. */
	public String name(Object code) {
		if (code == null) {
			return "";
		}
		String key = code instanceof Enum<?> e ? e.name() : code.toString();
		return names.getOrDefault(key, key);
	}

	/** A person by name ("Ana Lin"); the user id for someone the identity service does not know; "system" for ours. */
	public String person(String userId) {
		if (userId == null || userId.isBlank()) {
			return "";
		}
		if ("creditdesk".equals(userId)) {
			return "系统 System";
		}
		return people.computeIfAbsent(userId, id -> {
			// a name is no secret among colleagues; the engine's user authorizations are for managing users
			User user = SystemActions.asSystem(identity, () -> identity.createUserQuery().userId(id).singleResult());
			return user == null ? id : nameOf(user);
		});
	}

	private static String nameOf(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? user.getId() : name;
	}

	public String time(Instant instant) {
		return instant == null ? "" : time.format(instant);
	}

	public String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	public String money(BigDecimal amount) {
		return amount == null ? "" : Money.format(amount);
	}

	/** Everyone's name by user id (for pages that show many people, such as the receivables charts). */
	public Map<String, String> everyone() {
		Map<String, String> names = new java.util.TreeMap<>();
		// one query for everyone (not one per person), and the names remembered for person()
		SystemActions.asSystem(identity, () -> identity.createUserQuery().list()).forEach(user -> {
			String name = nameOf(user);
			people.put(user.getId(), name);
			names.put(user.getId(), name);
		});
		return names;
	}

	public ZoneId zone() {
		return zone;
	}

}
