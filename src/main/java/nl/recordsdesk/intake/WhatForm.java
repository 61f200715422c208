package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.intake.TypeAnswers.AccessLog;
import nl.recordsdesk.intake.TypeAnswers.Addition;
import nl.recordsdesk.intake.TypeAnswers.Correction;
import nl.recordsdesk.intake.TypeAnswers.Destruction;
import nl.recordsdesk.intake.TypeAnswers.Explanation;
import nl.recordsdesk.intake.TypeAnswers.Imaging;
import nl.recordsdesk.intake.TypeAnswers.RecordCopy;
import org.jspecify.annotations.Nullable;

import static nl.recordsdesk.intake.FormValidation.TOO_LONG;

/**
 * Step 1: what is asked for. Checked with Bean Validation ({@link FormValidation}): the
 * request type first, then the group of the answers that type asks ({@link TypeAnswers}).
 * What the answers become in the filed request is {@link DraftedRequest}'s. Longer than
 * ~300 lines for one reason: the seven request types each ask their own answers (17
 * fields), and the binder needs a getter and a setter for every one of them; the study
 * row stays nested because drafts in stored sessions name it.
 */
public class WhatForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final int STUDY_ROWS = 3;

	static final int MAX_TEXT = 500;

	static final int MAX_LONG_TEXT = 5000;

	@NotNull(message = "{request.what.requestType.required}")
	private @Nullable RequestType requestType;

	@NotNull(message = "{request.what.recordScope.required}", groups = RecordCopy.class)
	private @Nullable RecordScope recordScope;

	@Size(max = MAX_TEXT, message = TOO_LONG, groups = RecordCopy.class)
	private @Nullable String departments;

	@Size(max = MAX_TEXT, message = TOO_LONG, groups = RecordCopy.class)
	private @Nullable String period;

	private List<DocumentKind> documentKinds = new ArrayList<>();

	private boolean explanationWanted;

	@Valid
	private List<StudyRow> studies = new ArrayList<>();

	@NotNull(message = "{request.what.studiesBefore2005.required}", groups = Imaging.class)
	private @Nullable Boolean studiesBefore2005;

	@MultiLine
	@Size(max = MAX_LONG_TEXT, message = TOO_LONG, groups = Addition.class)
	private @Nullable String statement;

	@MultiLine
	@Answered(message = "{request.what.correctionCurrent.required}", groups = Correction.class)
	@Size(max = MAX_LONG_TEXT, message = TOO_LONG, groups = Correction.class)
	private @Nullable String correctionCurrent;

	@MultiLine
	@Answered(message = "{request.what.correctionProposed.required}", groups = Correction.class)
	@Size(max = MAX_LONG_TEXT, message = TOO_LONG, groups = Correction.class)
	private @Nullable String correctionProposed;

	@NotNull(message = "{request.what.destructionScope.required}", groups = Destruction.class)
	private @Nullable RecordScope destructionScope;

	@Size(max = MAX_TEXT, message = TOO_LONG, groups = Destruction.class)
	private @Nullable String destructionParts;

	@AssertTrue(message = "{request.what.destructionUnderstood.required}", groups = Destruction.class)
	private boolean destructionUnderstood;

	@Size(max = MAX_TEXT, message = TOO_LONG, groups = AccessLog.class)
	private @Nullable String logPeriod;

	@MultiLine
	@Size(max = MAX_LONG_TEXT, message = TOO_LONG, groups = Explanation.class)
	private @Nullable String explanationTopic;

	public WhatForm() {
		for (int i = 0; i < STUDY_ROWS; i++) {
			this.studies.add(new StudyRow());
		}
	}

	/** One study on the DVD, as the requester remembers it. */
	public static class StudyRow implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private @Nullable String kind;

		@Size(max = 200, message = TOO_LONG, groups = Imaging.class)
		private @Nullable String bodyPart;

		private @Nullable String approximateDate;

		boolean blank() {
			return Texts.blank(this.kind) && Texts.blank(this.bodyPart) && Texts.blank(this.approximateDate);
		}

		/** A study named at all is named with its kind and the part of the body. */
		@Holds(on = "kind", message = "{request.what.study.incomplete}", groups = Imaging.class)
		boolean isComplete() {
			return blank() || (!Texts.blank(this.kind) && !Texts.blank(this.bodyPart));
		}

		public @Nullable String getKind() {
			return this.kind;
		}

		public void setKind(@Nullable String kind) {
			this.kind = kind;
		}

		public @Nullable String getBodyPart() {
			return this.bodyPart;
		}

		public void setBodyPart(@Nullable String bodyPart) {
			this.bodyPart = bodyPart;
		}

		public @Nullable String getApproximateDate() {
			return this.approximateDate;
		}

		public void setApproximateDate(@Nullable String approximateDate) {
			this.approximateDate = approximateDate;
		}

	}

	/**
	 * Whether the part of the record asked for is named somehow: a department, a period
	 * or a kind of document.
	 */
	@Holds(on = "departments", message = "{request.what.parts.required}", groups = RecordCopy.class)
	boolean isPartsNamed() {
		return this.recordScope != RecordScope.PARTS || !Texts.blank(this.departments) || !Texts.blank(this.period)
				|| !this.documentKinds.isEmpty();
	}

	@Holds(on = "studies[0].kind", message = "{request.what.studies.required}", groups = Imaging.class)
	boolean isAnyStudy() {
		return !this.studies.stream().allMatch(StudyRow::blank);
	}

	@Holds(on = "destructionParts", message = "{request.what.destructionParts.required}", groups = Destruction.class)
	boolean isDestructionPartsNamed() {
		return this.destructionScope != RecordScope.PARTS || !Texts.blank(this.destructionParts);
	}

	/**
	 * The groups of checks, in turn: first that a type is chosen, then (only then) the
	 * answers that type asks.
	 */
	List<Class<?>> checks() {
		return TypeAnswers.checks(this.requestType);
	}

	/**
	 * Whether the statement to add was typed here rather than to be sent as a document.
	 */
	boolean statementTyped() {
		return this.requestType == RequestType.ADDITION && !Texts.blank(this.statement);
	}

	boolean recordCopy() {
		return this.requestType == RequestType.RECORD_COPY;
	}

	public @Nullable RequestType getRequestType() {
		return this.requestType;
	}

	public void setRequestType(@Nullable RequestType requestType) {
		this.requestType = requestType;
	}

	public @Nullable RecordScope getRecordScope() {
		return this.recordScope;
	}

	public void setRecordScope(@Nullable RecordScope recordScope) {
		this.recordScope = recordScope;
	}

	public @Nullable String getDepartments() {
		return this.departments;
	}

	public void setDepartments(@Nullable String departments) {
		this.departments = departments;
	}

	public @Nullable String getPeriod() {
		return this.period;
	}

	public void setPeriod(@Nullable String period) {
		this.period = period;
	}

	public List<DocumentKind> getDocumentKinds() {
		return this.documentKinds;
	}

	public void setDocumentKinds(List<DocumentKind> documentKinds) {
		// Each kind once, however often a post repeats it.
		this.documentKinds = new ArrayList<>(new LinkedHashSet<>(documentKinds));
	}

	public boolean isExplanationWanted() {
		return this.explanationWanted;
	}

	public void setExplanationWanted(boolean explanationWanted) {
		this.explanationWanted = explanationWanted;
	}

	public List<StudyRow> getStudies() {
		return this.studies;
	}

	public void setStudies(List<StudyRow> studies) {
		this.studies = new ArrayList<>(studies);
		while (this.studies.size() < STUDY_ROWS) {
			this.studies.add(new StudyRow());
		}
	}

	public @Nullable Boolean getStudiesBefore2005() {
		return this.studiesBefore2005;
	}

	public void setStudiesBefore2005(@Nullable Boolean studiesBefore2005) {
		this.studiesBefore2005 = studiesBefore2005;
	}

	public @Nullable String getStatement() {
		return this.statement;
	}

	public void setStatement(@Nullable String statement) {
		this.statement = statement;
	}

	public @Nullable String getCorrectionCurrent() {
		return this.correctionCurrent;
	}

	public void setCorrectionCurrent(@Nullable String correctionCurrent) {
		this.correctionCurrent = correctionCurrent;
	}

	public @Nullable String getCorrectionProposed() {
		return this.correctionProposed;
	}

	public void setCorrectionProposed(@Nullable String correctionProposed) {
		this.correctionProposed = correctionProposed;
	}

	public @Nullable RecordScope getDestructionScope() {
		return this.destructionScope;
	}

	public void setDestructionScope(@Nullable RecordScope destructionScope) {
		this.destructionScope = destructionScope;
	}

	public @Nullable String getDestructionParts() {
		return this.destructionParts;
	}

	public void setDestructionParts(@Nullable String destructionParts) {
		this.destructionParts = destructionParts;
	}

	public @Nullable String getLogPeriod() {
		return this.logPeriod;
	}

	public void setLogPeriod(@Nullable String logPeriod) {
		this.logPeriod = logPeriod;
	}

	public @Nullable String getExplanationTopic() {
		return this.explanationTopic;
	}

	public void setExplanationTopic(@Nullable String explanationTopic) {
		this.explanationTopic = explanationTopic;
	}

	public boolean isDestructionUnderstood() {
		return this.destructionUnderstood;
	}

	public void setDestructionUnderstood(boolean destructionUnderstood) {
		this.destructionUnderstood = destructionUnderstood;
	}

}
