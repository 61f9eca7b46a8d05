/**
 * The English words `iep diff` uses for the record's closed lists: the same as locales/en/common.json (a test keeps
 * them equal), held here because the diff stage imports only src/model, not i18n, and its lines are always English.
 */
import type { Accommodation, Duration, Frequency, Goal, ProgramService, RelatedService } from '../model/iep.js';
import { isPlaceholder } from '../model/placeholder.js';

export const PROGRAM_NAMES: Record<ProgramService['program'], string> = {
  'integrated-co-teaching': 'Integrated co-teaching services',
  'special-class': 'Special class',
  'resource-room': 'Resource room program',
  'consultant-teacher-direct': 'Consultant teacher services (direct)',
  'consultant-teacher-indirect': 'Consultant teacher services (indirect)',
  'itinerant-services': 'Itinerant services',
  other: 'Special education service',
};

export const RELATED_SERVICE_NAMES: Record<RelatedService['service'], string> = {
  'speech-language-therapy': 'Speech-language therapy',
  'occupational-therapy': 'Occupational therapy',
  'physical-therapy': 'Physical therapy',
  counseling: 'Counseling services',
  'school-health-services': 'School health services',
  'orientation-and-mobility': 'Orientation and mobility services',
  audiology: 'Audiology services',
  'parent-counseling-and-training': 'Parent counseling and training',
  'vision-education': 'Vision education services',
  other: 'Related service',
};

export const ACCOMMODATION_KIND_NAMES: Record<Accommodation['kind'], string> = {
  accommodation: 'Accommodation',
  modification: 'Modification',
  'supplementary-aid': 'Supplementary aid',
};

export const GOAL_AREA_NAMES: Record<Goal['area'], string> = {
  reading: 'Reading',
  writing: 'Writing',
  math: 'Mathematics',
  communication: 'Communication',
  'speech-language': 'Speech and language',
  'social-emotional': 'Social-emotional',
  behavior: 'Behavior',
  motor: 'Motor skills',
  'self-advocacy': 'Self-advocacy',
  'executive-functioning': 'Executive functioning',
  'independent-living': 'Independent living',
  transition: 'Transition',
  vocational: 'Career and work',
};

export const LOCATION_NAMES: Record<ProgramService['location'], string> = {
  'general-education-classroom': 'General education classroom',
  'special-education-classroom': 'Special education classroom',
  'separate-location': 'Separate location',
  'therapy-room': 'Therapy room',
  'all-classes': 'All classes',
  'school-wide': 'Throughout the school',
  'testing-location': 'Testing location',
  home: 'Home',
  community: 'Community',
};

/** English frequency words, as locales/en/common.json writes them (`frequency.*`). */
export const FREQUENCY_WORDS: Record<Exclude<Frequency, object>, string> = {
  'as-needed': 'as needed',
  'each-class': 'in each class',
  'each-test': 'for each test',
  'throughout-the-day': 'throughout the day',
};

/** English duration words, as locales/en/common.json writes them (`duration.*`). */
export const DURATION_WORDS: Record<Exclude<Duration, object>, string> = {
  'full-day': 'the full school day',
  'class-period': 'one class period',
  'test-period': 'the length of the test',
  'as-needed': 'as long as needed',
};

/** "once a week", "2 times a week", "as needed". */
export function frequencyWords(frequency: Frequency): string {
  if (isPlaceholder(frequency)) return String(frequency);
  if (typeof frequency === 'string') return FREQUENCY_WORDS[frequency];
  return frequency.times === 1 ? `once a ${frequency.per}` : `${frequency.times} times a ${frequency.per}`;
}

/** "30 minutes", "1 minute", "the full school day". */
export function durationWords(duration: Duration): string {
  if (isPlaceholder(duration)) return String(duration);
  if (typeof duration === 'string') return DURATION_WORDS[duration];
  return duration.minutes === 1 ? '1 minute' : `${duration.minutes} minutes`;
}
