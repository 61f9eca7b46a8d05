import type { JsonPath } from './diagnostic.js';
import type { Iep } from './iep.js';

export const SERVICE_LISTS = ['specialEducation', 'related', 'supplementaryAids', 'assistiveTechnology', 'schoolPersonnelSupports'] as const;
export type ServiceList = (typeof SERVICE_LISTS)[number];
export type AnyService = Iep['services'][ServiceList][number];

/** Every service of the IEP with its list and JSON path, in document order. */
export function allServices(iep: Iep): { list: ServiceList; index: number; path: JsonPath; service: AnyService }[] {
  return SERVICE_LISTS.flatMap((list) =>
    (iep.services[list] as readonly AnyService[]).map((service, index) => ({ list, index, path: ['services', list, index] as JsonPath, service })),
  );
}
