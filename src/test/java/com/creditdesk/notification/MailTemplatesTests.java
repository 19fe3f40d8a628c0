package com.creditdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in texts, and an administrator's file of the same name replacing one of them. */
class MailTemplatesTests {

	private static final Map<String, Object> TASK = Map.of("recipientName", "Clara Sun", "taskName",
			"授信审批 Approve credit grant: 杭州东方五金", "processName", "分级授信审批", "link", "http://x/#/?task=1");

	@Test
	void theBuiltInTextNamesTheTaskInChineseAndEnglish() {
		MailTemplates.Rendered mail = new MailTemplates("").render("task-waiting", TASK);
		assertThat(mail.subject()).isEqualTo("[CreditDesk] 待办 Task waiting: 授信审批 Approve credit grant: 杭州东方五金");
		assertThat(mail.body()).contains("Clara Sun，您好 Hello Clara Sun", "http://x/#/?task=1")
			.doesNotContain("到期 Due", "Subject:");
	}

	@Test
	void aFileInTheTemplateDirectoryReplacesTheBuiltInOneAndIsReadOnEveryMail(@TempDir Path dir) throws Exception {
		MailTemplates templates = new MailTemplates(dir.toString());
		assertThat(templates.render("task-waiting", TASK).subject()).startsWith("[CreditDesk] 待办");
		Files.writeString(dir.resolve("task-waiting.txt"), "Subject: 请处理 [(${taskName})]\n[(${link})]\n");
		MailTemplates.Rendered mail = templates.render("task-waiting", TASK);
		assertThat(mail.subject()).isEqualTo("请处理 授信审批 Approve credit grant: 杭州东方五金");
		assertThat(mail.body()).isEqualTo("http://x/#/?task=1\n");
		Files.writeString(dir.resolve("task-waiting.txt"), "Hello\n");
		assertThatThrownBy(() -> templates.render("task-waiting", TASK)).hasMessageContaining("Subject:");
	}

}
