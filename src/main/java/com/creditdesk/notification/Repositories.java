package com.creditdesk.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

	List<OutboundMail> findByStatusOrderByRecipientUserAscIdAsc(OutboundMail.Status status);

	List<OutboundMail> findByAboutOrderByIdAsc(String about);

	List<OutboundMail> findTop200ByOrderByIdDesc();

	/** A failed attempt, recorded apart from the sending job's transaction (which rolls back to retry). */
	@Modifying
	@Query("update OutboundMail m set m.attempts = m.attempts + 1, m.lastError = ?2 where m.id = ?1")
	int recordFailure(long id, String error);

}

interface MailPreferenceRepository extends JpaRepository<MailPreference, String> {

}
