package nl.recordsdesk.requests.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RecordScope;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Step 1: what is asked for. */
public class WhatForm implements Serializable {

	static final int STUDY_ROWS = 3;

	static final int MAX_TEXT = 500;

	private @Nullable RequestType requestType;

	private @Nullable RecordScope recordScope;

	private @Nullable String departments;

	private @Nullable String period;

	private List<DocumentKind> documentKinds = new ArrayList<>();

	private boolean explanationWanted;

	private List<StudyRow> studies = new ArrayList<>();

	private @Nullable Boolean studiesBefore2005;

	public WhatForm() {
		for (int i = 0; i < STUDY_ROWS; i++) {
			this.studies.add(new StudyRow());
		}
	}

	/** One study on the DVD, as the requester remembers it. */
	public static class StudyRow implements Serializable {

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
		else {
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
		this.documentKinds = new ArrayList<>(documentKinds);
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

}
