package com.creditdesk.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.receivable.Overdues;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.receivable.BadDebts;
import com.creditdesk.receivable.BadDebts.WrittenOffItem;
import com.creditdesk.system.ConflictException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;

/**
 * The write-off of a collection case: the four-eyes approval of a proposal, and writing off with each person's
 * liability (the uncovered part to the rep, the covered part split by the policy percentages).
 */
@Service
public class WriteOffService {

	private final CollectionService collections;

	private final CollectionQueries queries;

	private final WriteOffRepository writeOffs;

	private final BadDebtLiabilityRepository liabilities;

	private final Overdues overdues;

	private final BadDebts badDebts;

	private final CustomerService customers;

	private final CreditDecisionService decisions;

	private final CollectionProperties properties;

	WriteOffService(CollectionService collections, CollectionQueries queries, WriteOffRepository writeOffs,
			BadDebtLiabilityRepository liabilities, Overdues overdues, BadDebts badDebts, CustomerService customers,
			CreditDecisionService decisions, CollectionProperties properties) {
		this.collections = collections;
		this.queries = queries;
		this.writeOffs = writeOffs;
		this.liabilities = liabilities;
		this.overdues = overdues;
		this.badDebts = badDebts;
		this.customers = customers;
		this.decisions = decisions;
		this.properties = properties;
	}

	/** The regional manager approves or rejects a proposed write-off. Four eyes: never the proposer. */
	@Transactional
	public void recordWriteOffDecision(long caseId, String approver, boolean approve, String comment) {
		CollectionCase collectionCase = collections.openCase(caseId);
		checkMayApproveWriteOff(collectionCase, approver);
		if (!approve && (comment == null || comment.isBlank())) {
			String message = Messages.text("collection.writeOffRejectionReasonMissing");
			throw new InvalidRequestException(message, Map.of(OverdueCollectionProcess.WRITE_OFF_COMMENT, message));
		}
		collections.log(caseId, approve ? "WRITE_OFF_APPROVED" : "WRITE_OFF_REJECTED",
				(approve ? "Write-off approved" : "Write-off rejected") + (comment == null || comment.isBlank() ? "." : ": " + comment.trim()),
				approver);
		if (!approve) {
			collectionCase.proposeWriteOff(null);
		}
	}

	void checkMayApproveWriteOff(CollectionCase collectionCase, String approver) {
		if (approver == null) {
			throw new ConflictException(Messages.text("collection.claimWriteOffFirst"));
		}
		if (approver.equals(collectionCase.getWriteOffProposedBy()) || approver.equals(collectionCase.getVanishedReportedBy())) {
			throw new com.creditdesk.system.FourEyesViolation(Messages.text("collection.ownWriteOffProposal", approver));
		}
	}

	/** The regional manager's proposal as recorded (with the note), or the policy's reason for a day-90 proposal. */
	private String proposalReason(long caseId, String proposer, int daysPastDue) {
		String fallback = "Uncollectable after " + daysPastDue + " days.";
		if (CollectionService.SYSTEM.equals(proposer)) {
			return fallback;
		}
		return queries.historyOf(caseId).stream()
			.filter(event -> ("DECISION_" + CollectionCase.Action.PROPOSE_WRITE_OFF.name()).equals(event.getKind()))
			.map(CollectionEvent::getDetail)
			.reduce((first, last) -> last)
			.map(detail -> detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail)
			.orElse(fallback);
	}

	/** Another action was decided while a write-off proposal waited for approval: the proposal is withdrawn. */
	@Transactional
	void withdrawWriteOffProposal(long caseId, String user, CollectionCase.Action action) {
		collections.log(caseId, "WRITE_OFF_PROPOSAL_WITHDRAWN", "The pending write-off proposal is withdrawn: " + user + " decided "
				+ action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".", user);
	}

	/**
	 * Writes off the case's overdue items (every open item of a vanished debtor) and charges each person's share:
	 * the uncovered part in full to the rep, the covered part by the policy percentages to the rep and to the
	 * approver who granted the limit. The customer loses credit; the case ends.
	 */
	@Transactional
	WriteOff writeOff(long caseId, String approver, LocalDate today) {
		CollectionCase collectionCase = collections.openCase(caseId);
		checkMayApproveWriteOff(collectionCase, approver);
		Customer customer = customers.get(collectionCase.getCustomerId());
		boolean vanished = customer.getStatus() == CustomerStatus.VANISHED;
		LiabilitySplit split = split(badDebts.writeOff(customer.getId(), writeOffCandidates(customer, today)));
		String proposer = collectionCase.getWriteOffProposedBy() == null ? CollectionService.SYSTEM : collectionCase.getWriteOffProposedBy();
		WriteOff writeOff = writeOffs.saveAndFlush(new WriteOff(caseId, customer.getId(), proposer, approver,
				vanished ? "Debtor vanished." : proposalReason(caseId, proposer, collectionCase.getDaysPastDue()), split));
		for (LiabilitySplit.Share share : split.shares()) {
			liabilities.save(new BadDebtLiability(writeOff.getId(), share));
		}
		customers.makeCashOnly(customer.getId(), null, "Bad debt of " + Money.format(split.total()) + " written off on "
				+ today + " (collection case " + caseId + ").", null);
		collections.liftHold(customer.getId(), caseId);
		collectionCase.close(CollectionCase.Status.WRITTEN_OFF, "Written off: " + Money.format(split.total()) + ".");
		collections.log(caseId, "WRITTEN_OFF", splitText(split), approver);
		return writeOff;
	}

	/** The split in one paragraph, for the case history and the approval form. */
	static String splitText(LiabilitySplit split) {
		Map<String, BigDecimal> perPerson = new java.util.TreeMap<>();
		for (LiabilitySplit.Share share : split.shares()) {
			perPerson.merge(share.person() + " (" + share.role().name().toLowerCase() + ")", share.amount(), BigDecimal::add);
		}
		return "Written off " + Money.format(split.total()) + ": " + Money.format(split.uncovered())
				+ " beyond the approved limit, " + Money.format(split.covered()) + " within it. Charged: "
				+ perPerson.entrySet().stream().map(e -> e.getKey() + " " + Money.format(e.getValue()))
					.collect(Collectors.joining(", "))
				+ "; the company bears " + Money.format(split.company()) + "."
				+ (split.coveredWithoutApprover().signum() > 0 ? " No approving credit decision is on record for "
						+ Money.format(split.coveredWithoutApprover()) + " within the limit: no approver is charged for it." : "");
	}

	/** What writing off now would charge whom (shown to the approving regional manager). */
	@Transactional(readOnly = true)
	String previewWriteOff(long caseId, LocalDate today) {
		CollectionCase collectionCase = collections.get(caseId);
		Customer customer = customers.get(collectionCase.getCustomerId());
		LiabilitySplit split = split(badDebts.preview(writeOffCandidates(customer, today)));
		return splitText(split).replace("Written off", "Writing off would take");
	}

	/** What a write-off takes off the books: the overdue items, or every open item of a vanished debtor. */
	private List<Long> writeOffCandidates(Customer customer, LocalDate today) {
		List<OverdueItem> items = customer.getStatus() == CustomerStatus.VANISHED
				? overdues.openItems(customer.getId(), today) : overdues.overdueItems(customer.getId(), today);
		return items.stream().map(OverdueItem::receivableId).toList();
	}

	/** Who is charged what for these written-off amounts, at the configured percentages. */
	private LiabilitySplit split(List<WrittenOffItem> items) {
		return LiabilitySplit.of(items, properties.repSharePercent(), properties.approverSharePercent(),
				decisionId -> decisions.grantingApprover(decisionId).orElse(null));
	}

}
