package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RightDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Step 1: what is asked for. */
public class WhatForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final int STUDY_ROWS = 3;

	static final int MAX_TEXT = 500;

	static final int MAX_LONG_TEXT = 5000;

	private @Nullable RequestType requestType;

	private @Nullable RecordScope recordScope;

	private @Nullable String departments;

	private @Nullable String period;

	private List<DocumentKind> documentKinds = new ArrayList<>();

	private boolean explanationWanted;

	private List<StudyRow> studies = new ArrayList<>();

	private @Nullable Boolean studiesBefore2005;

	@MultiLine
	private @Nullable String statement;

	@MultiLine
	private @Nullable String correctionCurrent;

	@MultiLine
	private @Nullable String correctionProposed;

	private @Nullable RecordScope destructionScope;

	private @Nullable String destructionParts;

	private boolean destructionUnderstood;

	private @Nullable String logPeriod;

	@MultiLine
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

		private @Nullable String bodyPart;

		private @Nullable String approximateDate;

		boolean blank() {
			return Texts.blank(this.kind) && Texts.blank(this.bodyPart) && Texts.blank(this.approximateDate);
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

	/** The checks that depend on other answers; field-level ones are the binder's. */
	void validate(Errors errors) {
		if (this.requestType == null) {
			errors.rejectValue("requestType", "request.what.requestType.required");
			return;
		}
		if (this.requestType == RequestType.RECORD_COPY) {
			if (this.recordScope == null) {
				errors.rejectValue("recordScope", "request.what.recordScope.required");
			}
			else if (this.recordScope == RecordScope.PARTS && Texts.blank(this.departments) && Texts.blank(this.period)
					&& this.documentKinds.isEmpty()) {
				errors.rejectValue("departments", "request.what.parts.required");
			}
			Texts.rejectIfLonger(errors, "departments", this.departments, MAX_TEXT);
			Texts.rejectIfLonger(errors, "period", this.period, MAX_TEXT);
		}
		else if (this.requestType == RequestType.IMAGING_COPY) {
			if (this.studies.stream().allMatch(StudyRow::blank)) {
				errors.rejectValue("studies[0].kind", "request.what.studies.required");
			}
			for (int i = 0; i < this.studies.size(); i++) {
				StudyRow row = this.studies.get(i);
				if (!row.blank() && (Texts.blank(row.kind) || Texts.blank(row.bodyPart))) {
					errors.rejectValue("studies[" + i + "].kind", "request.what.study.incomplete");
				}
				Texts.rejectIfLonger(errors, "studies[" + i + "].bodyPart", row.bodyPart, 200);
			}
			if (this.studiesBefore2005 == null) {
				errors.rejectValue("studiesBefore2005", "request.what.studiesBefore2005.required");
			}
		}
		else {
			validateOtherRight(errors);
		}
	}

	private void validateOtherRight(Errors errors) {
		switch (this.requestType) {
			case ADDITION -> Texts.rejectIfLonger(errors, "statement", this.statement, MAX_LONG_TEXT);
			case CORRECTION -> {
				if (Texts.blank(this.correctionCurrent)) {
					errors.rejectValue("correctionCurrent", "request.what.correctionCurrent.required");
				}
				if (Texts.blank(this.correctionProposed)) {
					errors.rejectValue("correctionProposed", "request.what.correctionProposed.required");
				}
				Texts.rejectIfLonger(errors, "correctionCurrent", this.correctionCurrent, MAX_LONG_TEXT);
				Texts.rejectIfLonger(errors, "correctionProposed", this.correctionProposed, MAX_LONG_TEXT);
			}
			case DESTRUCTION -> {
				if (this.destructionScope == null) {
					errors.rejectValue("destructionScope", "request.what.destructionScope.required");
				}
				else if (this.destructionScope == RecordScope.PARTS && Texts.blank(this.destructionParts)) {
					errors.rejectValue("destructionParts", "request.what.destructionParts.required");
				}
				Texts.rejectIfLonger(errors, "destructionParts", this.destructionParts, MAX_TEXT);
				if (!this.destructionUnderstood) {
					errors.rejectValue("destructionUnderstood", "request.what.destructionUnderstood.required");
				}
			}
			case ACCESS_LOG_OVERVIEW -> Texts.rejectIfLonger(errors, "logPeriod", this.logPeriod, MAX_TEXT);
			case EXPLANATION -> Texts.rejectIfLonger(errors, "explanationTopic", this.explanationTopic, MAX_LONG_TEXT);
			default -> {
			}
		}
	}

	/** Which part of the record a copy or a destruction concerns. */
	CopyScope scope() {
		if (this.requestType == null) {
			return CopyScope.none();
		}
		return switch (this.requestType) {
			case RECORD_COPY ->
				new CopyScope(this.recordScope, Texts.trimmed(this.departments), Texts.trimmed(this.period),
						this.documentKinds.isEmpty() ? null
								: String.join(",", this.documentKinds.stream().map(Enum::name).toList()),
						this.explanationWanted);
			case DESTRUCTION -> new CopyScope(this.destructionScope,
					(this.destructionScope == RecordScope.PARTS) ? Texts.trimmed(this.destructionParts) : null, null,
					null, false);
			case ACCESS_LOG_OVERVIEW -> new CopyScope(null, null, Texts.trimmed(this.logPeriod), null, false);
			default -> CopyScope.none();
		};
	}

	/**
	 * What the requester wrote for a right beside a copy; a statement sent as a document
	 * replaces the typed one.
	 */
	RightDetails details(boolean statementUploaded) {
		if (this.requestType == null) {
			return RightDetails.none();
		}
		return switch (this.requestType) {
			case ADDITION ->
				new RightDetails(statementUploaded ? null : Texts.trimmed(this.statement), null, null, null);
			case CORRECTION -> new RightDetails(null, Texts.trimmed(this.correctionCurrent),
					Texts.trimmed(this.correctionProposed), null);
			case EXPLANATION -> new RightDetails(null, null, null, Texts.trimmed(this.explanationTopic));
			default -> RightDetails.none();
		};
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
