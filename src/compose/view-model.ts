/**
 * Builds the data templates see: every IEP value localized for the copy's language and escaped so it is inert
 * Markdown, every enum turned into its label, every date and frequency formatted through Intl and i18next.
 * Templates never touch raw IEP data, so they can neither inject markup nor forget to escape.
 *
 * Optional fields are present as `null` or `[]` so templates can compile in Handlebars strict mode.
 */
import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { DOMAIN_KEYS, type DomainKey, type Iep, type StrengthItem, type Text } from '../model/iep.js';
import { ageOn, formatDate, formatDuration, formatFrequency, formatNumber } from '../i18n/format.js';
import type { Translator } from '../i18n/translator.js';
import { escapeAttribute, escapeInline, paragraphs } from './escape-markdown.js';
import type { HeldText } from './held-text.js';
import { findPlaceholder, isPlaceholder } from '../model/placeholder.js';
import { declaredProperties, expandExtensionSchema, isTextSchema } from '../model/extension-schema.js';

/** A field shown in English because the IEP has no translation for the copy's language. */
export interface UntranslatedField {
  path: string;
}

/** Attribute of the `:untranslated[...]` marker that names the field's JSON path (compose reports what is printed). */
export const UNTRANSLATED_PATH_ATTRIBUTE = 'path';

import type { DomainPart } from '../model/layouts.js';
import { classificationLabel, type ProfileDefinition } from '../model/profiles.js';
export type { DomainPart };

export interface ViewModelOptions {
  /** The order of parts inside each present-levels domain (strength-first is decided here, from front matter). */
  domainParts: readonly DomainPart[];
  /** The State profile: its terms for the classification, whether rights transfer at the age of majority. */
  profile: ProfileDefinition;
}

export class ViewModelBuilder {
  /**
   * Every field the view model holds in English for lack of a translation, in data order. A layout prints only
   * some of them: compose keeps those whose marker (or attribute text) is in the document tree.
   */
  readonly untranslated: UntranslatedField[] = [];
  /** Untranslated English given unmarked for directive attributes (`plain`), by path. */
  readonly untranslatedAttributes = new Map<string, string>();
  private readonly strengthText = new Map<string, { inline: string; path: JsonPath }>();

  /**
   * @param held where long data values are held out of the Markdown (see held-text.ts); without it every value is
   *   written escaped in full.
   */
  constructor(
    private readonly iep: Iep,
    private readonly tr: Translator,
    private readonly held?: HeldText,
  ) {
    for (const domain of DOMAIN_KEYS) {
      for (const list of ['strengths', 'interests', 'preferences'] as const) {
        (iep.presentLevels[domain][list] ?? []).forEach((item, i) => {
          this.strengthText.set(item.id, { inline: this.inline(item.text, ['presentLevels', domain, list, i, 'text']), path: [] });
        });
      }
    }
  }

  /** The text in the copy's language as inert Markdown paragraphs separated by blank lines. */
  block(text: Text | undefined, path: JsonPath): string | null {
    if (text === undefined) return null;
    const { value, translated } = this.pick(text, path);
    return paragraphs(value)
      .map((p) => this.hold(p))
      .map((p) => (translated ? p : this.markUntranslated(p, path)))
      .join('\n\n');
  }

  /** The text as one line of inert Markdown, for table cells, list items and headings. */
  inline(text: Text | undefined, path: JsonPath): string {
    if (text === undefined) return '';
    const { value, translated } = this.pick(text, path);
    const escaped = this.escape(value);
    return translated ? escaped : this.markUntranslated(escaped, path);
  }

  /** Data text as inert inline Markdown. */
  private escape(text: string): string {
    return this.hold(escapeInline(text));
  }

  private hold(escaped: string): string {
    return this.held ? this.held.hold(escaped) : escaped;
  }

  /** A value templates write only in a directive attribute (a strength's id), held as one. */
  private attribute(value: string): string {
    return this.held ? this.held.holdAttribute(value) : value;
  }

  private pick(text: Text, path: JsonPath): { value: string; translated: boolean } {
    const lang = this.tr.lang;
    if (typeof text === 'string') {
      if (lang !== 'en') this.noteUntranslated(path);
      return { value: text, translated: lang === 'en' };
    }
    const own = (text as Record<string, string | undefined>)[lang];
    if (own !== undefined) return { value: own, translated: true };
    this.noteUntranslated(path);
    return { value: text.en, translated: false };
  }

  private noteUntranslated(path: JsonPath): void {
    const formatted = formatJsonPath(path);
    if (!this.untranslated.some((u) => u.path === formatted)) this.untranslated.push({ path: formatted });
  }

  /** The text in the copy's language, unescaped, for directive attributes (which escape it themselves). */
  plain(text: Text, path: JsonPath): string {
    const { value, translated } = this.pick(text, path);
    if (translated) return value;
    // Attributes print as plain text (a signer's role): the marker goes into the text itself.
    const marked = `${value} [${this.tr.t('common:untranslated')}]`;
    this.untranslatedAttributes.set(formatJsonPath(path), marked);
    return marked;
  }

  private markUntranslated(escapedEnglish: string, path: JsonPath): string {
    const note = escapeAttribute(this.tr.t('common:untranslated'));
    return `:untranslated[${escapedEnglish}]{lang="en" note="${note}" ${UNTRANSLATED_PATH_ATTRIBUTE}="${escapeAttribute(formatJsonPath(path))}"}`;
  }

  private label(key: string, options?: Record<string, unknown>): string {
    // A draft's closed-list value still to be written (`common:grade.<placeholder>`) prints as its placeholder.
    return findPlaceholder(key) ?? this.tr.t(key, options);
  }

  private date(iso: string | undefined): string | null {
    return iso ? this.escape(formatDate(iso, this.tr)) : null;
  }

  build(options: ViewModelOptions) {
    const iep = this.iep;
    const tr = this.tr;
    const s = iep.student;
    const name = this.escape(`${s.firstName} ${s.lastName}`);
    const preferred = this.escape(s.preferredName ?? s.firstName);
    const age = ageOn(s.dateOfBirth, iep.meeting.date);
    const settings = options.profile.settings;

    const items = (list: StrengthItem[] | undefined, path: JsonPath) =>
      (list ?? []).map((item, i) => ({ id: this.attribute(item.id), text: this.inline(item.text, [...path, i, 'text']) }));

    const domains = DOMAIN_KEYS.map((key: DomainKey) => {
      const d = iep.presentLevels[key];
      const base: JsonPath = ['presentLevels', key];
      const parts = options.domainParts
        .map((part) => {
          switch (part) {
            case 'description':
              return { part, label: this.label(`common:domainPart.description`), text: this.block(d.description, [...base, 'description']), items: [] };
            case 'strengths':
            case 'interests':
            case 'preferences':
              return { part, label: this.label(`common:domainPart.${part}`), text: null, items: items(d[part], [...base, part]) };
            case 'needs':
              return { part, label: this.label('common:domainPart.needs'), text: null, items: d.needs.map((n, i) => ({ id: '', text: this.inline(n, [...base, 'needs', i]) })) };
            case 'parentConcerns':
              return { part, label: this.label('common:domainPart.parentConcerns'), text: this.block(d.parentConcerns, [...base, 'parentConcerns']), items: [] };
          }
        })
        .filter((p) => p.text !== null || p.items.length > 0);
      return {
        key,
        heading: this.label(`common:domain.${key}`),
        parts,
        strengths: items(d.strengths, [...base, 'strengths']),
        interests: items(d.interests, [...base, 'interests']),
        preferences: items(d.preferences, [...base, 'preferences']),
        needs: d.needs.map((n, i) => this.inline(n, [...base, 'needs', i])),
      };
    });

    const teamRole = (role: string) => this.label(`common:role.${role}`);
    const team = iep.team.map((m, i) => ({
      name: this.escape(m.name),
      nameAttr: escapeAttribute(m.name),
      role: teamRole(m.role),
      roleAttr: escapeAttribute(m.title ? this.plain(m.title, ['team', i, 'title']) : teamRole(m.role)),
      title: m.title ? this.inline(m.title, ['team', i, 'title']) : null,
      attended: m.attended,
      attendedLabel: this.label(m.attended ? 'common:yes' : 'common:no'),
      participation: m.participation ? this.label(`common:participation.${m.participation}`) : null,
      caseManager: Boolean(m.caseManager),
      phone: m.contact?.phone ? this.escape(m.contact.phone) : null,
      email: m.contact?.email ? this.escape(m.contact.email) : null,
    }));

    const schedule = (svc: { frequency: Iep['services']['related'][number]['frequency']; duration: Iep['services']['related'][number]['duration']; location: string; locationNote?: Text; beginDate: string; endDate: string }, path: JsonPath) => ({
      frequency: this.escape(formatFrequency(svc.frequency, tr)),
      duration: this.escape(formatDuration(svc.duration, tr)),
      location: this.label(`common:location.${svc.location}`) + (svc.locationNote ? ` (${this.inline(svc.locationNote, [...path, 'locationNote'])})` : ''),
      beginDate: this.date(svc.beginDate),
      endDate: this.date(svc.endDate),
    });
    const groupLabel = (size: number | undefined, form: 'group' | 'groupPhrase') =>
      size === undefined ? null : size === 1 ? this.label(`common:${form}.individual`) : this.label(`common:${form}.small`, { count: size, n: formatNumber(size, tr) });
    const groupPhrase = (size: number | undefined) => groupLabel(size, 'group');
    const locationPhrase = (location: string) => this.label(`common:locationPhrase.${location}`);

    const specialEducation = iep.services.specialEducation.map((p, i) => {
      const path: JsonPath = ['services', 'specialEducation', i];
      const program = this.label(`common:program.${p.program}`);
      const subject = p.subject ? this.inline(p.subject, [...path, 'subject']) : null;
      const ratio = p.ratio ? this.escape(p.ratio) : null;
      const groupOf = (form: 'group' | 'groupPhrase') =>
        p.ratio ? this.label(`common:${form}.ratio`, { ratio }) : p.studentsWithDisabilities ? this.label(`common:${form}.swd`, { count: p.studentsWithDisabilities }) : groupLabel(p.groupSize, form);
      const group = groupOf('group');
      const sched = schedule(p, path);
      const inWords = groupOf('groupPhrase');
      const plainProgram = this.label(`common:programPlain.${p.program}`);
      const withSubject = (name: string) => (subject ? this.label('common:programSubject', { program: name, subject }) : name);
      return { name: withSubject(program), plainName: withSubject(plainProgram), where: locationPhrase(p.location), group, ...sched, plain: this.label('common:serviceSentence', { name: withSubject(plainProgram), frequency: sched.frequency, duration: sched.duration, group: inWords ?? '', location: locationPhrase(p.location), context: inWords ? 'group' : undefined }) };
    });
    const related = iep.services.related.map((r, i) => {
      const path: JsonPath = ['services', 'related', i];
      const serviceName = this.label(`common:relatedService.${r.service}`) + (r.description ? `: ${this.inline(r.description, [...path, 'description'])}` : '');
      const plainName = this.label(`common:relatedServicePlain.${r.service}`) + (r.description && r.service === 'other' ? `: ${this.inline(r.description, [...path, 'description'])}` : '');
      const group = groupPhrase(r.groupSize);
      const sched = schedule(r, path);
      // Parent counseling and training is for the family, not something the student receives.
      return { name: serviceName, plainName, where: locationPhrase(r.location), group, forStudent: r.service !== 'parent-counseling-and-training', ...sched, language: r.language ? this.escape(this.languageName(r.language)) : null, plain: this.label('common:serviceSentence', { name: plainName, frequency: sched.frequency, duration: sched.duration, group: groupLabel(r.groupSize, 'groupPhrase') ?? '', location: locationPhrase(r.location), context: 'group' }) };
    });
    const described = (list: { description: Text; frequency: never | Iep['services']['related'][number]['frequency']; duration: Iep['services']['related'][number]['duration']; location: string; locationNote?: Text; beginDate: string; endDate: string; kind?: string }[], key: string) =>
      list.map((a, i) => {
        const path: JsonPath = ['services', key, i];
        const sched = schedule(a, path);
        const description = this.inline(a.description, [...path, 'description']);
        return { name: description, plainName: description, where: locationPhrase(a.location), kind: a.kind ? this.label(`common:accommodationKind.${a.kind}`) : null, group: null, ...sched, plain: this.label('common:serviceSentence', { name: description, frequency: sched.frequency, duration: sched.duration, group: '', location: locationPhrase(a.location) }) };
      });
    const supplementaryAids = described(iep.services.supplementaryAids, 'supplementaryAids');
    const assistiveTechnology = described(iep.services.assistiveTechnology, 'assistiveTechnology');
    const schoolPersonnelSupports = described(iep.services.schoolPersonnelSupports, 'schoolPersonnelSupports');

    const goals = iep.goals.map((g, i) => {
      const path: JsonPath = ['goals', i];
      // `shown`: the strength is printed in this document, so the note can link to it (the one-page summary may drop some).
      const buildsOn = g.buildsOn.map((id) => ({ id: this.attribute(id), text: this.strengthText.get(id)?.inline ?? this.escape(id), shown: true }));
      return {
        number: formatNumber(i + 1, tr),
        id: g.id,
        area: this.label(`common:goalArea.${g.area}`) + (g.focus ? `: ${this.inline(g.focus, [...path, 'focus'])}` : ''),
        baseline: this.inline(g.baseline, [...path, 'baseline']),
        goal: this.inline(g.goal, [...path, 'goal']),
        studentVersion: g.studentVersion ? this.inline(g.studentVersion, [...path, 'studentVersion']) : this.inline(g.goal, [...path, 'goal']),
        criteria: this.inline(g.criteria, [...path, 'criteria']),
        method: this.inline(g.method, [...path, 'method']),
        schedule: this.inline(g.schedule, [...path, 'schedule']),
        buildsOn,
        buildsOnText: buildsOn.map((b) => b.text).join('; '),
        objectives: (g.objectives ?? []).map((o, j) => ({
          text: this.inline(o.text, [...path, 'objectives', j, 'text']),
          criteria: this.inline(o.criteria, [...path, 'objectives', j, 'criteria']),
          method: this.inline(o.method, [...path, 'objectives', j, 'method']),
          schedule: this.inline(o.schedule, [...path, 'objectives', j, 'schedule']),
          targetDate: this.date(o.targetDate),
        })),
      };
    });

    const sf = iep.specialFactors;
    const factor = (key: string, needed: boolean, description: Text | undefined, path: JsonPath) => ({
      label: this.label(`common:specialFactor.${key}`),
      needed,
      answer: this.label(needed ? 'common:yes' : 'common:no'),
      description: description ? this.inline(description, path) : null,
    });
    const specialFactors = [
      factor('behavior', sf.behavior.needed, sf.behavior.description, ['specialFactors', 'behavior', 'description']),
      { ...factor('bip', sf.behavior.behaviorInterventionPlan, undefined, []) },
      factor('languageNeeds', sf.languageNeeds.needed, sf.languageNeeds.description, ['specialFactors', 'languageNeeds', 'description']),
      factor('braille', sf.braille.needed, sf.braille.description, ['specialFactors', 'braille', 'description']),
      factor('communication', sf.communication.needed, sf.communication.description, ['specialFactors', 'communication', 'description']),
      factor('assistiveTechnology', sf.assistiveTechnology.needed, sf.assistiveTechnology.description, ['specialFactors', 'assistiveTechnology', 'description']),
      factor('assistiveTechnologyAtHome', sf.assistiveTechnology.atHome, undefined, []),
    ];

    // The New York form's answers: a factor with a "Not applicable" box has three states; an absent one none.
    const answer = (f: { needed: boolean; notApplicable?: boolean; description?: Text } | undefined, key: string) => ({
      answered: f !== undefined,
      yes: f?.needed === true,
      no: f !== undefined && !f.needed && !f.notApplicable,
      na: f?.notApplicable === true && !f.needed,
      description: f?.description ? this.inline(f.description, ['specialFactors', key, 'description']) : null,
    });
    const factors = {
      behavior: answer(sf.behavior, 'behavior'),
      behaviorInterventionPlan: { yes: sf.behavior.behaviorInterventionPlan, no: !sf.behavior.behaviorInterventionPlan },
      languageNeeds: answer(sf.languageNeeds, 'languageNeeds'),
      braille: answer(sf.braille, 'braille'),
      communication: answer(sf.communication, 'communication'),
      deafOrHardOfHearing: answer(sf.deafOrHardOfHearing, 'deafOrHardOfHearing'),
      assistiveTechnology: answer(sf.assistiveTechnology, 'assistiveTechnology'),
      assistiveTechnologyAtHome: { yes: sf.assistiveTechnology.atHome, no: !sf.assistiveTechnology.atHome },
    };

    const transition = iep.transition
      ? {
          assessments: this.block(iep.transition.assessments, ['transition', 'assessments']),
          education: this.inline(iep.transition.postsecondaryGoals.education, ['transition', 'postsecondaryGoals', 'education']),
          employment: this.inline(iep.transition.postsecondaryGoals.employment, ['transition', 'postsecondaryGoals', 'employment']),
          independentLiving: iep.transition.postsecondaryGoals.independentLiving ? this.inline(iep.transition.postsecondaryGoals.independentLiving, ['transition', 'postsecondaryGoals', 'independentLiving']) : null,
          needs: this.block(iep.transition.transitionNeeds, ['transition', 'transitionNeeds']),
          coursesOfStudy: this.block(iep.transition.coursesOfStudy, ['transition', 'coursesOfStudy']),
          expectedCredential: iep.transition.expectedCredential ? this.inline(iep.transition.expectedCredential, ['transition', 'expectedCredential']) : null,
          activities: iep.transition.activities.map((a, i) => ({
            area: this.label(`common:transitionArea.${a.area}`),
            activity: this.inline(a.activity, ['transition', 'activities', i, 'activity']),
            responsible: this.inline(a.responsible, ['transition', 'activities', i, 'responsible']),
          })),
        }
      : null;

    // The transition activities by area, present (empty) without transition data: the New York form prints a row
    // for each area even when blank.
    const activitiesIn = (...areas: string[]) =>
      (iep.transition?.activities ?? []).flatMap((a, i) =>
        areas.includes(a.area)
          ? [{ activity: this.inline(a.activity, ['transition', 'activities', i, 'activity']), responsible: this.inline(a.responsible, ['transition', 'activities', i, 'responsible']) }]
          : [],
      );
    const transitionActivities = {
      instruction: activitiesIn('instruction'),
      relatedServices: activitiesIn('related-services'),
      communityExperiences: activitiesIn('community-experiences'),
      // One row of the form: "development of employment and other post-school adult living objectives".
      employmentAndAdultLiving: activitiesIn('employment', 'adult-living'),
      dailyLivingSkills: activitiesIn('daily-living-skills'),
      functionalVocationalEvaluation: activitiesIn('functional-vocational-evaluation'),
    };

    // Middle and secondary students (grade 6 and up, or 12 and older) keep the transition sections even when blank:
    // New York lets a district delete them only for younger students (NYSED IEP training, module 2 slide 8).
    const gradeNumber = Number.parseInt(s.grade, 10);
    const transitionSections = iep.transition !== undefined || age >= 12 || (Number.isInteger(gradeNumber) && gradeNumber >= 6);

    const t12 = iep.twelveMonthServices;
    const twelveMonth = {
      eligible: t12.eligible,
      sameAsAbove: t12.eligible && t12.sameAsAbove === true,
      following: t12.eligible && t12.sameAsAbove !== true && (t12.services?.length ?? 0) > 0,
      services: (t12.services ?? []).map((svc, i) => {
        const path: JsonPath = ['twelveMonthServices', 'services', i];
        return {
          name: this.inline(svc.service, [...path, 'service']),
          deliveryRecommendations: this.inline(svc.deliveryRecommendations, [...path, 'deliveryRecommendations']),
          ...schedule(svc, path),
        };
      }),
      provider: t12.provider ? this.escape(t12.provider) : null,
      preschool: s.grade === 'PK',
      preschoolReason: this.block(t12.preschoolReason, ['twelveMonthServices', 'preschoolReason']),
      description: this.block(t12.description, ['twelveMonthServices', 'description']),
    };

    const tr8n = iep.transportation;
    const lote = iep.nondisabledParticipation.languageOtherThanEnglish;

    const caseManager = team.find((m) => m.caseManager) ?? null;
    // The student summary lists the adults the student works with, their main contact first.
    const studentRoles = ['special-education-teacher', 'special-education-provider', 'general-education-teacher', 'related-service-provider', 'school-psychologist'];
    const studentTeam = iep.team
      .map((m, i) => ({ member: m, view: team[i]! }))
      .filter(({ member }) => member.caseManager || studentRoles.includes(member.role))
      .sort((a, b) => Number(Boolean(b.member.caseManager)) - Number(Boolean(a.member.caseManager)))
      .map(({ view }) => view);
    // Glossary text is plain prose; escaped so "12:1+1" in a definition does not read as a directive.
    const glossary = this.glossaryTerms().map((key) => ({ term: this.escape(this.label(`glossary:${key}.term`)), definition: this.escape(this.label(`glossary:${key}.definition`)) }));
    return {
      lang: tr.lang,
      dir: tr.dir,
      student: {
        name,
        preferredName: preferred,
        firstName: this.escape(s.firstName),
        id: this.escape(s.id),
        dateOfBirth: this.date(s.dateOfBirth),
        // A draft without a date of birth or meeting date has no age yet: the missing date's placeholder stands for it.
        age: Number.isNaN(age) ? [s.dateOfBirth, iep.meeting.date].find((date) => isPlaceholder(date))! : formatNumber(age, tr),
        ageYears: age,
        grade: this.label(`common:grade.${s.grade}`),
        school: this.escape(s.school),
        district: s.district ? this.escape(s.district) : null,
        pronouns: s.pronouns ? this.escape(s.pronouns) : null,
        homeLanguage: this.escape(this.languageName(s.homeLanguage)),
        preschool: s.grade === 'PK',
      },
      guardians: s.guardians.map((g) => ({
        name: this.escape(g.name),
        relationship: this.label(`common:relationship.${g.relationship}`),
        preferredLanguage: this.escape(this.languageName(g.preferredLanguage)),
        interpreterNeeded: Boolean(g.interpreterNeeded),
        phone: g.contact?.phone ? this.escape(g.contact.phone) : null,
        email: g.contact?.email ? this.escape(g.contact.email) : null,
      })),
      // The one classification the form prints (secondary ones are not), in the profile's own term.
      disability: isPlaceholder(iep.disability.classification) ? iep.disability.classification : this.label(classificationLabel(settings, iep.disability.classification)),
      meeting: {
        date: this.date(iep.meeting.date),
        type: this.label(`common:meetingType.${iep.meeting.type}`),
        implementationDate: this.date(iep.meeting.implementationDate),
        annualReviewDate: this.date(iep.meeting.annualReviewDate),
        reevaluationDate: this.date(iep.meeting.reevaluationDate),
      },
      document: {
        draft: iep.document.status === 'draft',
        version: formatNumber(iep.document.version, tr),
        amendment: iep.document.amendment
          ? { date: this.date(iep.document.amendment.date), summary: this.block(iep.document.amendment.summary, ['document', 'amendment', 'summary']) }
          : null,
      },
      team,
      studentTeam,
      caseManager,
      parentConcerns: this.block(iep.parentConcerns, ['parentConcerns']),
      studentVoice: iep.studentVoice ? this.block(iep.studentVoice, ['studentVoice']) : null,
      evaluations: iep.evaluations.map((e, i) => ({
        name: this.escape(e.name),
        kind: this.label(`common:evaluationKind.${e.kind}`),
        date: this.date(e.date),
        results: this.inline(e.results, ['evaluations', i, 'results']),
      })),
      domains,
      allStrengths: domains.flatMap((d) => d.strengths.map((item) => ({ ...item, domain: d.key }))),
      allInterests: domains.flatMap((d) => [...d.interests, ...d.preferences].map((item) => ({ ...item, domain: d.key }))),
      management: this.block(iep.presentLevels.management.description, ['presentLevels', 'management', 'description']),
      effectOnProgress: this.block(iep.presentLevels.effectOnProgress, ['presentLevels', 'effectOnProgress']),
      specialFactors,
      factors,
      transition,
      transitionActivities,
      transitionSections,
      goals,
      /** The New York form's "Alternate Section": used when any goal has short-term objectives or benchmarks. */
      alternateGoals: iep.goals.some((g) => (g.objectives?.length ?? 0) > 0),
      progressReporting: {
        schedule: this.inline(iep.progressReporting.schedule, ['progressReporting', 'schedule']),
        method: this.inline(iep.progressReporting.method, ['progressReporting', 'method']),
      },
      services: {
        specialEducation,
        related,
        supplementaryAids,
        assistiveTechnology,
        schoolPersonnelSupports,
        all: [...specialEducation, ...related],
        /** Related services the student receives (the student summary's "what helps me"). */
        relatedForStudent: related.filter((r) => r.forStudent),
      },
      twelveMonth,
      testingAccommodations: iep.testingAccommodations.map((a, i) => ({
        accommodation: this.inline(a.accommodation, ['testingAccommodations', i, 'accommodation']),
        conditions: this.inline(a.conditions, ['testingAccommodations', i, 'conditions']),
        implementation: this.inline(a.implementation, ['testingAccommodations', i, 'implementation']),
      })),
      assessments: {
        participation: this.label(`common:assessmentParticipation.${iep.assessments.participation}`),
        alternate: iep.assessments.participation === 'alternate',
        alternateReason: this.block(iep.assessments.alternateReason, ['assessments', 'alternateReason']),
      },
      nondisabled: {
        full: iep.nondisabledParticipation.fullParticipation,
        explanation: this.block(iep.nondisabledParticipation.explanation, ['nondisabledParticipation', 'explanation']),
        loteAnswered: lote !== undefined,
        loteExempt: lote?.exempt === true,
        loteNotExempt: lote?.exempt === false,
        loteReason: lote ? this.block(lote.reason, ['nondisabledParticipation', 'languageOtherThanEnglish', 'reason']) : null,
      },
      physicalEducation: {
        program: this.label(`common:physicalEducation.${iep.physicalEducation.program}`),
        adapted: iep.physicalEducation.program === 'adapted',
        description: this.block(iep.physicalEducation.description, ['physicalEducation', 'description']),
      },
      transportation: {
        needed: tr8n.specialTransportation,
        specialSeating: this.inline(tr8n.specialSeating, ['transportation', 'specialSeating']),
        vehicleEquipment: this.inline(tr8n.vehicleEquipment, ['transportation', 'vehicleEquipment']),
        adultSupervision: this.inline(tr8n.adultSupervision, ['transportation', 'adultSupervision']),
        transportationType: this.inline(tr8n.transportationType, ['transportation', 'transportationType']),
        otherAccommodations: this.inline(tr8n.otherAccommodations, ['transportation', 'otherAccommodations']),
        anotherSiteAnswered: tr8n.toServicesAtAnotherSite !== undefined,
        toServicesAtAnotherSite: tr8n.toServicesAtAnotherSite === true,
        description: this.block(tr8n.description, ['transportation', 'description']),
      },
      placement: {
        recommendation: this.block(iep.placement.recommendation, ['placement', 'recommendation']),
        school: iep.placement.school ? this.escape(iep.placement.school) : null,
      },
      glossary,
      extensions: this.extensions(options.profile),
      // Only where the profile's law transfers rights: no copy may tell a student or family that rights transfer otherwise.
      transferOfRights: iep.transferOfRights && settings.rightsTransferAtMajority
        ? {
            age: formatNumber(iep.transferOfRights.ageOfMajority, tr),
            informed: iep.transferOfRights.studentInformed,
            informedDate: this.date(iep.transferOfRights.informedDate),
          }
        : null,
    };
  }

  /**
   * `extensions.<namespace>` of the profile in use only (another profile's data is never printed): each value made
   * as the model's own are, read along the profile's extensions schema. Every field the schema declares is present,
   * `null` when the record leaves it out, so a template may test it in strict mode; the namespace itself is present
   * (all fields null) when the record has none of its data.
   */
  private extensions(profile: ProfileDefinition): Record<string, unknown> {
    const declared = profile.extensions;
    if (!declared) return {};
    const data = this.iep.extensions?.[declared.namespace] ?? {};
    return Object.fromEntries([[declared.namespace, this.extensionValue(expandedSchema(declared.schema), data, ['extensions', declared.namespace])]]);
  }

  /**
   * One extension value for a template: text the schema marks `x-iep: text` localized as narrative fields are (in
   * paragraphs, marked and reported when untranslated); any other string escaped as data is; numbers and true/false
   * as they are; lists and mappings value by value.
   */
  private extensionValue(schema: unknown, value: unknown, path: JsonPath): unknown {
    if (value === undefined || value === null) return null;
    if (isTextSchema(schema) && (typeof value === 'string' || typeof (value as { en?: unknown }).en === 'string')) return this.block(value as Text, path);
    if (typeof value === 'string') return this.escape(value);
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    const node = (schema ?? {}) as { items?: unknown; additionalProperties?: unknown };
    if (Array.isArray(value)) return value.map((item, i) => this.extensionValue(Array.isArray(node.items) ? node.items[i] : node.items, item, [...path, i]));
    if (typeof value !== 'object') return null;
    const properties = declaredProperties(schema);
    const record = value as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(properties), ...Object.keys(record)])].filter((key) => !FORBIDDEN_KEYS.has(key));
    const other = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    // fromEntries defines own keys, whatever their names.
    return Object.fromEntries(keys.map((key) => [key, this.extensionValue(Object.hasOwn(properties, key) ? properties[key] : other, Object.hasOwn(record, key) ? record[key] : undefined, [...path, key])]));
  }

  /** The glossary terms this IEP's family copy uses, in reading order. */
  private glossaryTerms(): string[] {
    const iep = this.iep;
    const terms = ['iep', 'cse', 'presentLevels', 'annualGoal', 'specialEducation'];
    for (const p of new Set(iep.services.specialEducation.map((s) => s.program))) terms.push(`program-${p}`);
    if (iep.services.related.length > 0) terms.push('relatedServices');
    if (iep.services.supplementaryAids.some((a) => a.kind === 'accommodation' || a.kind === 'supplementary-aid')) terms.push('accommodation');
    if (iep.services.supplementaryAids.some((a) => a.kind === 'modification')) terms.push('modification');
    if (iep.services.assistiveTechnology.length > 0 || iep.specialFactors.assistiveTechnology.needed) terms.push('assistiveTechnology');
    if (iep.testingAccommodations.length > 0) terms.push('testingAccommodations');
    if (iep.specialFactors.behavior.behaviorInterventionPlan) terms.push('bip');
    if (iep.transition) terms.push('transition');
    if (iep.twelveMonthServices.eligible) terms.push('twelveMonth');
    terms.push('annualReview', 'reevaluation');
    return terms.filter((k) => this.tr.isKnown(`glossary:${k}.term`));
  }


  private languageName(code: string): string {
    try {
      const names = new Intl.DisplayNames([this.tr.lang], { type: 'language' });
      // Where ICU has no names in the copy's language (Haitian Creole) it answers in English: the copy's own language
      // is then given its own name from the locale ("Kreyòl ayisyen"), the others stay as ICU has them.
      if (code === this.tr.lang && names.resolvedOptions().locale.split('-')[0] !== this.tr.lang.split('-')[0]) return this.tr.meta.name;
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  }
}

export type ViewModel = ReturnType<ViewModelBuilder['build']>;

/** Never a template key (validation refuses them; a record built in memory could still hold one). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A profile's extensions schema with `x-iep` expanded, made once per schema object. */
const expandedSchemas = new WeakMap<object, Record<string, unknown>>();
function expandedSchema(schema: Record<string, unknown>): Record<string, unknown> {
  let expanded = expandedSchemas.get(schema);
  if (!expanded) {
    expanded = expandExtensionSchema(schema).schema;
    expandedSchemas.set(schema, expanded);
  }
  return expanded;
}
