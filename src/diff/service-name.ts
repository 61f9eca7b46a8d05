/**
 * A service as a case manager names it ("Speech-language therapy (group of 3)", "Accommodation: Directions given in
 * writing") and its schedule in English ("2 times a week, 30 minutes (60 minutes a week)").
 */
import type { Accommodation, ProgramService, RelatedService } from '../model/iep.js';
import { minutesPerWeek } from '../model/minutes-per-week.js';
import type { AnyService, ServiceList } from '../model/service-list.js';
import { durationWords, englishLabel, frequencyWords } from './english-labels.js';
import { englishOf } from './english-text.js';

/** What the list's items are called, for a line about one of them: "Accommodation", "Assistive technology". */
export function serviceKindName(list: ServiceList, service: AnyService): string {
  switch (list) {
    case 'specialEducation':
      return englishLabel('program', (service as ProgramService).program);
    case 'related':
      return englishLabel('relatedService', (service as RelatedService).service);
    case 'supplementaryAids':
      return englishLabel('accommodationKind', (service as Accommodation).kind);
    case 'assistiveTechnology':
      return 'Assistive technology';
    case 'schoolPersonnelSupports':
      return 'Support for school personnel';
  }
}

/** The service's name: program and subject, related service and group, or the support's description. */
export function serviceName(list: ServiceList, service: AnyService): string {
  const kind = serviceKindName(list, service);
  if (list === 'specialEducation') {
    const s = service as ProgramService;
    const subject = englishOf(s.subject);
    return [kind, s.ratio, subject ? `(${subject})` : undefined].filter(Boolean).join(' ');
  }
  if (list === 'related') {
    const s = service as RelatedService;
    const description = s.service === 'other' ? englishOf(s.description) : undefined;
    return `${kind}${description ? `: ${description}` : ''} (${s.groupSize === 1 ? 'individual' : `group of ${s.groupSize}`})`;
  }
  return `${kind}: ${shorten(englishOf((service as Accommodation).description) ?? '')}`;
}

/** "60 minutes a week", "12.5 minutes a week"; "no set minutes" for "as needed" and the like. */
export function minutesWords(minutes: number | undefined): string {
  if (minutes === undefined) return 'no set minutes';
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} minute${rounded === 1 ? '' : 's'} a week`;
}

/** "2 times a week, 30 minutes (60 minutes a week)". */
export function scheduleWords(service: AnyService): string {
  const minutes = minutesPerWeek(service);
  const base = `${frequencyWords(service.frequency)}, ${durationWords(service.duration)}`;
  return minutes === undefined ? base : `${base} (${minutesWords(minutes)})`;
}

/** A long text cut to one line's worth, at a word. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}...`;
}
