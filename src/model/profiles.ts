/**
 * State profiles: which official layout and which compliance rules apply, and what differs in law between them
 * (`PROFILE_SETTINGS`), in one place that compose and the rules both read. New York first; federal for the rest.
 */
import type { DISABILITIES } from './iep.js';

export const PROFILES = ['federal', 'ny'] as const;
export type Profile = (typeof PROFILES)[number];

export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}

/** A disability classification as the IEP data holds it (federal, Ed-Fi-aligned values). */
export type Classification = (typeof DISABILITIES)[number];

/**
 * New York's term for each classification of the data model, as its official IEP form must print it (8 NYCRR
 * 200.1(zz): one category only; preschool: "preschool student with a disability"). The terms themselves, in every
 * language, are the `ny:classification.<term>` labels of locales/<lang>/ny.json.
 *
 * Sources: NYSED, Guide to Quality Individualized Education Program (IEP) Development and Implementation (Dec 2010),
 * "Identifying information" (the 200.1(zz) list and the preschool term; "other health-impairment" and "visual
 * impairment including blindness" are its wording). "Emotional disability" replaced "emotional disturbance" in
 * 200.1(zz) from 27 July 2022, for IEPs developed or amended from that date (NYSED memo of 21 July 2022, "Permanent
 * Adoption of the Amendments to Sections 200.1 and 200.4 ... Relating to the Disability Classification 'Emotional
 * Disturbance'", https://nysed.gov/memo/special-education/permanent-adoption-amendments-sections-2001-and-2004-regulations-commissioner).
 */
export const NY_CLASSIFICATIONS = {
  autism: 'autism',
  deafness: 'deafness',
  'deaf-blindness': 'deaf-blindness',
  'emotional-disability': 'emotional-disability',
  'hearing-impairment': 'hearing-impairment',
  'intellectual-disability': 'intellectual-disability',
  'learning-disability': 'learning-disability',
  'multiple-disabilities': 'multiple-disabilities',
  'orthopedic-impairment': 'orthopedic-impairment',
  'other-health-impairment': 'other-health-impairment',
  'speech-or-language-impairment': 'speech-or-language-impairment',
  'traumatic-brain-injury': 'traumatic-brain-injury',
  'visual-impairment': 'visual-impairment-including-blindness',
  'preschool-student-with-a-disability': 'preschool-student-with-a-disability',
} as const satisfies Record<Classification, string>;

export interface ProfileSettings {
  /** The label (locale key) the profile's official form prints for a classification. */
  classificationLabel(classification: Classification): string;
  /**
   * Whether IDEA rights transfer from the parents to the student at the age of majority, so that the IEP must say
   * the student was told of them (34 CFR 300.320(c), 300.520). A State may, but need not, provide for the transfer
   * (20 U.S.C. 1415(m)); where that is not established the profile says false and no layout states a transfer.
   */
  rightsTransferAtMajority: boolean;
  /** The age of majority at which the rights transfer, when they do (an IEP may state its own). */
  ageOfMajority?: number;
}

export const PROFILE_SETTINGS: Readonly<Record<Profile, ProfileSettings>> = {
  federal: {
    classificationLabel: (classification) => `common:disability.${classification}`,
    // 300.320(c) speaks of the rights "if any" that transfer: the federal layout states it, at 18 unless the IEP says otherwise.
    rightsTransferAtMajority: true,
    ageOfMajority: 18,
  },
  ny: {
    classificationLabel: (classification) => `ny:classification.${NY_CLASSIFICATIONS[classification]}`,
    // The State form has no transfer-of-rights section (none in NYSED's list of its sections, Guide to Quality IEP
    // Development, 2010), and no NYSED source found says that New York transfers IDEA rights at 18: unknown, so false.
    rightsTransferAtMajority: false,
  },
};
